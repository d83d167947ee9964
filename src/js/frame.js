// The iframe embed: frame.html?lang=…&company=…, one widget filling the page.
//
// Two sources of options, of different trust:
// - frame.html's own `<script type="application/json" id="smi-frame-options">`, which only
//   whoever deploys the files can edit: any option, and `origin`;
// - the query, which anyone who sends a link can write: a parameter that names an option (as
//   an attribute or in camelCase) becomes that attribute of <smi-assessment>, except the
//   options that decide where a visitor's details go (LEAD_ROUTING), which only frame.html
//   may set. Nothing else ever becomes an attribute. Everything refused is reported as the
//   widget reports an option it cannot use (a console warning and `smi:error` `invalid-option`).
//
// The frame tells its parent its height ({ type: 'smi:resize', height }) whenever it changes,
// and forwards the widget's events ({ type: 'smi:event', name, detail }) to the query's
// `origin` (or any): every event but `smi:lead`, which carries what the visitor typed and
// goes only to the origin frame.html names.
import './smi-widget.js';
import { EVENTS, LEAD_ROUTING, OPTIONS } from './facts.js';
import { kebab } from './loader/names.js';

const element = document.createElement('smi-assessment');
const refused = []; // [name, why]

/** The options frame.html sets; none (and a report) when its block is not a JSON object. */
function ownOptions() {
  const text = document.getElementById('smi-frame-options')?.textContent.trim();
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch { /* reported below */ }
  refused.push(['smi-frame-options', 'is not a JSON object in frame.html; none of its options are used.']);
  return {};
}

const own = ownOptions();
const leadOrigin = typeof own.origin === 'string' ? own.origin : null;
for (const [name, value] of Object.entries(own)) {
  if (name === 'origin') continue;
  if (OPTIONS.includes(kebab(name)) && typeof value === 'string') element.setAttribute(kebab(name), value);
  else refused.push([name, `is not an option of this widget with a text value; the options are ${OPTIONS.join(', ')}.`]);
}

const params = new URLSearchParams(location.search);
const origin = params.get('origin') ?? leadOrigin ?? '*';
params.delete('origin');
for (const [name, value] of params) {
  const option = kebab(name);
  if (LEAD_ROUTING.includes(option)) {
    refused.push([name, 'may not come from the page\'s address, which anyone can write: where leads go is set in frame.html (smi-frame-options).']);
  } else if (OPTIONS.includes(option)) {
    element.setAttribute(option, value);
  } else {
    refused.push([name, `is not an option of this widget; the options are ${OPTIONS.join(', ')}.`]);
  }
}
document.body.append(element);

const post = (message, to = origin) => {
  if (window.parent !== window) window.parent.postMessage(message, to);
};

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) post({ type: 'smi:resize', height: (last = height) });
}).observe(document.documentElement);

for (const name of EVENTS) {
  if (name === 'smi:lead' && !leadOrigin) continue;
  const to = name === 'smi:lead' ? leadOrigin : origin;
  element.addEventListener(name, (event) => post({ type: 'smi:event', name, detail: event.detail }, to));
}

// What was refused, in the widget's words for an option it cannot use, once it is on screen.
if (refused.length) {
  element.addEventListener('smi:ready', () => {
    const seen = new Set();
    for (const [name, why] of refused) {
      if (seen.has(name)) continue;
      seen.add(name);
      const message = `option "${name}": ${why}`;
      console.warn(`SMI widget: ${message}`);
      element.dispatchEvent(new CustomEvent('smi:error', {
        detail: { code: 'invalid-option', message }, bubbles: true, composed: true,
      }));
    }
  }, { once: true });
}
