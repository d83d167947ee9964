// Crashes: the release wasm is built so that a panic is an immediate trap, which reaches
// the page as a WebAssembly.RuntimeError thrown from an event handler or a promise. Every
// widget then shows its crash message (in its language, from the root's data-crash) in place
// of its content: never a blank or frozen box. Traps of other wasm modules on the page, whose
// stack does not pass through this widget's glue, are left alone.
import { BROWSER, dispatchError, mounted } from './page.js';

function showCrash(error) {
  console.error('SMI widget crashed:', error);
  for (const element of mounted) {
    const root = element.shadowRoot?.querySelector('.smi');
    if (!root) continue;
    const message = document.createElement('p');
    message.className = 'smi-error';
    message.setAttribute('role', 'alert');
    message.textContent = root.dataset.crash || LOAD_FAILED;
    root.replaceChildren(message);
  }
}
const ours = (error) => error instanceof WebAssembly.RuntimeError && String(error.stack).includes('smi_widget');
if (BROWSER) {
  window.addEventListener('error', (e) => { if (ours(e.error)) showCrash(e.error); });
  window.addEventListener('unhandledrejection', (e) => { if (ours(e.reason)) showCrash(e.reason); });
}

export const LOAD_FAILED = 'The assessment could not load. Please reload the page.';

/** In place of a widget whose wasm did not load: why, in the console, and a message. */
export function showLoadFailure(element, error) {
  console.error('SMI widget: the WebAssembly module did not load:', error);
  if (error?.code === 'integrity-failed') dispatchError(element, error.code, error.message);
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = LOAD_FAILED;
  shadow.replaceChildren(message);
}
