// The README's React 19 snippet, type-checked (not part of the build).
import { useEffect, useRef } from 'react';
import 'smi-widget';
import type { SmiAssessmentElement, SmiCompleteDetail } from 'smi-widget';

// <smi-assessment> in JSX: its attributes, and a ref to the typed element.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'smi-assessment': React.DetailedHTMLProps<React.HTMLAttributes<SmiAssessmentElement>, SmiAssessmentElement> & {
        company?: string;
        accent?: string;
        lead?: 'off' | 'before' | 'after';
        'cta-label'?: string;
        'cta-url'?: string;
      };
    }
  }
}

export function Assessment({ onComplete }: { onComplete: (result: SmiCompleteDetail) => void }) {
  const ref = useRef<SmiAssessmentElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const listener = (event: CustomEvent<SmiCompleteDetail>) => onComplete(event.detail);
    element.addEventListener('smi:complete', listener);
    return () => element.removeEventListener('smi:complete', listener);
  }, [onComplete]);
  return <smi-assessment ref={ref} company="Harbour & Lane" accent="#0f6e5a" lead="after" />;
}
