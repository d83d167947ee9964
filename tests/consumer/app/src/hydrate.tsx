// A server-rendered page's client: React hydrates the markup its server renderer wrote
// (`<smi-assessment company="Harbour & Lane" lead="after">`, in the consumer test) with the
// same element, and listens for the result through a ref, as the README's snippet does.
import { useEffect, useRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import 'smi-widget';
import type { SmiAssessmentElement, SmiCompleteDetail } from 'smi-widget';

declare global {
  interface Window {
    completed?: SmiCompleteDetail;
    hydrated?: boolean;
    recoverable?: string[];
  }
}

function Page() {
  const ref = useRef<SmiAssessmentElement>(null);
  useEffect(() => {
    window.hydrated = true;
    const element = ref.current;
    if (!element) return;
    const listener = (event: CustomEvent<SmiCompleteDetail>) => { window.completed = event.detail; };
    element.addEventListener('smi:complete', listener);
    return () => element.removeEventListener('smi:complete', listener);
  }, []);
  return <smi-assessment ref={ref} company="Harbour & Lane" lead="after" />;
}

window.recoverable = [];
hydrateRoot(document.getElementById('root')!, <Page />, {
  // A hydration mismatch is recovered from by rendering on the client; the test wants none.
  onRecoverableError: (error) => window.recoverable!.push(String(error)),
});
