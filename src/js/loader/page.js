// What the loader knows of the page: whether there is one, the widgets mounted on it, and
// how the loader itself tells them something.

// Importing the module where there is no browser (a server rendering a page) defines
// nothing and touches nothing; the element, storage and the wasm are a browser's only.
export const BROWSER = typeof window !== 'undefined' && typeof document !== 'undefined';

/** The elements of every widget mounted on the page. */
export const mounted = new Set();

/** `smi:error` from the loader itself, shaped as the wasm's (bubbling, composed). */
export function dispatchError(element, code, message) {
  element.dispatchEvent(new CustomEvent('smi:error', { detail: { code, message }, bubbles: true, composed: true }));
}
