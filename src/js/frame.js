// The iframe embed: frame.html?lang=…&company=…, one widget filling the page. A query
// parameter that names an option of the widget (the names of the snippet, or their camelCase)
// becomes that attribute of <smi-assessment>; nothing else ever does: an unknown parameter is
// reported as the widget reports an unknown option (a console warning and `smi:error`
// `invalid-option`). The frame tells its parent its height ({ type: 'smi:resize', height })
// whenever it changes, and forwards every smi:* event ({ type: 'smi:event', name, detail }).
// With ?origin=https://… messages go to that origin only.
import './smi-widget.js';

const params = new URLSearchParams(location.search);
const origin = params.get('origin') ?? '*';
params.delete('origin');

const element = document.createElement('smi-assessment');
const options = customElements.get('smi-assessment').observedAttributes;
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const unknown = [];
for (const [name, value] of params) {
  if (options.includes(kebab(name))) element.setAttribute(kebab(name), value);
  else unknown.push(name);
}
document.body.append(element);

const post = (message) => {
  if (window.parent !== window) window.parent.postMessage(message, origin);
};

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) post({ type: 'smi:resize', height: (last = height) });
}).observe(document.documentElement);

for (const name of ['smi:ready', 'smi:start', 'smi:answer', 'smi:complete', 'smi:share', 'smi:error']) {
  element.addEventListener(name, (event) => post({ type: 'smi:event', name, detail: event.detail }));
}

// Unknown parameters, in the widget's words for an unknown option, once it is on screen.
if (unknown.length) {
  element.addEventListener('smi:ready', () => {
    for (const name of new Set(unknown)) {
      const message = `option "${name}": is not an option of this widget; the options are ${options.join(', ')}.`;
      console.warn(`SMI widget: ${message}`);
      element.dispatchEvent(new CustomEvent('smi:error', {
        detail: { code: 'invalid-option', message }, bubbles: true, composed: true,
      }));
    }
  }, { once: true });
}
