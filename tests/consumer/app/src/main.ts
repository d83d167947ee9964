// Importing the package defines <smi-assessment>; mount, version and the types are named exports.
import { mount, version, type SmiCompleteDetail, type SmiOptions } from 'smi-widget';

declare global {
  interface Window {
    completed?: SmiCompleteDetail;
    smiVersion?: string;
  }
}

const element = document.createElement('smi-assessment');
element.setAttribute('company', 'Harbour & Lane');
element.addEventListener('smi:complete', (event) => {
  // `event` is a CustomEvent<SmiCompleteDetail>: no cast.
  const detail = event.detail;
  const scores: [number, number] = [detail.investment, detail.innovation];
  console.log(`${detail.category_name}: ${scores.join(' / ')}`);
  window.completed = detail;
});
document.getElementById('app')!.append(element);

document.addEventListener('smi:error', (event) => {
  const code: string = event.detail.code;
  console.warn(code, event.detail.message);
});

const options: SmiOptions = { lang: 'ar', accent: '#0f6e5a', ctaLabel: 'Book a call', ctaUrl: 'https://example.com/call' };
const handle = await mount(document.getElementById('mounted')!, options);
window.smiVersion = version;

// The types refuse what the widget would refuse.
// @ts-expect-error: not a theme
const wrongTheme: SmiOptions = { theme: 'purple' };
// @ts-expect-error: investment is a number
const wrongDetail: SmiCompleteDetail['investment'] = 'high';
void [wrongTheme, wrongDetail, handle.destroy];
