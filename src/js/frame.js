// The iframe embed: frame.html?lang=…&company=…, one widget filling the page. Every query
// parameter becomes an attribute of <smi-assessment> (same names as the snippet). The frame
// tells its parent its height ({ type: 'smi:resize', height }) whenever it changes, and
// forwards every smi:* event ({ type: 'smi:event', name, detail }). With ?origin=https://…
// messages go to that origin only.
import './smi-widget.js';

const params = new URLSearchParams(location.search);
const origin = params.get('origin') ?? '*';
params.delete('origin');

const element = document.createElement('smi-assessment');
for (const [name, value] of params) element.setAttribute(name, value);
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
