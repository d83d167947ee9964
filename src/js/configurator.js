// The configurator: a form for every option, the real widget re-mounted as they change, the
// snippet, iframe code and CSP to copy, warnings from the widget's own option parser, and the
// configuration kept in the page address (and as JSON to export and import).
import { checkOptions, checkQuestionnaire } from './smi-widget.js';

const form = document.getElementById('options');
const frame = document.getElementById('preview-frame');
const $ = (id) => document.getElementById(id);
// A sample profile's share code (Participant, investment 19, innovation 84).
const SAMPLE = '1O7u7uREREamd';
const BASE = new URL('./', import.meta.url);
// What the preview compares with until the host gives its own pack: made-up results.
const SAMPLE_PACK = new URL('console/benchmark-sample.json', BASE).href;

// ctaLabel → cta-label
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The options set in the form, in form order, camelCase names; unset ones left out. */
function read() {
  const options = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') {
      if (el.checked) options[el.name] = el.value;
    } else if (el.value.trim()) {
      options[el.name] = el.value.trim();
    }
  }
  return options;
}

function write(options) {
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') el.checked = el.name in options;
    else el.value = options[el.name] ?? '';
  }
}

const widgetOptions = (options) => Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'font'));

// The module's sha384 (Subresource Integrity), from the build's integrity.json.
let moduleIntegrity = null;
const integrityLoaded = fetch(new URL('integrity.json', BASE))
  .then((r) => (r.ok ? r.json() : null))
  .then((manifest) => { moduleIntegrity = manifest?.files?.['smi-widget.js'] ?? null; })
  .catch(() => {});

function snippet(options) {
  const attributes = Object.entries(widgetOptions(options))
    .map(([k, v]) => (v === '' ? `  ${kebab(k)}` : `  ${kebab(k)}="${escapeHtml(v)}"`));
  const script = new URL('smi-widget.js', BASE).href;
  const verified = moduleIntegrity ? ` integrity="${moduleIntegrity}" crossorigin="anonymous"` : '';
  const lines = [`<script type="module" src="${script}"${verified}></script>`];
  if (options.font) lines.push(`<!-- In your stylesheet: smi-assessment { --smi-font: ${options.font}; } -->`);
  lines.push(attributes.length ? `<smi-assessment\n${attributes.join('\n')}></smi-assessment>` : '<smi-assessment></smi-assessment>');
  return lines.join('\n');
}

function iframeCode(options) {
  const url = new URL('frame.html', BASE);
  for (const [k, v] of Object.entries(widgetOptions(options))) url.searchParams.set(kebab(k), v);
  return `<iframe src="${escapeHtml(url.href)}" title="Social Maturity Index assessment" width="100%" height="640" frameborder="0"></iframe>`;
}

const originOf = (url) => { try { return new URL(url, location.href).origin; } catch { return null; } };

function csp(options) {
  const widget = BASE.origin;
  const sources = (extra) => ["'self'", ...new Set(extra.filter((o) => o && o !== location.origin && o !== 'null'))].join(' ');
  const script = sources([widget]);
  // The PNG export fetches the logo to draw it, so its origin is in connect-src too.
  const connect = sources([widget, originOf(options.leadEndpoint), originOf(options.questionnaire), originOf(options.benchmark), originOf(options.logo)]);
  const img = sources([originOf(options.logo)]);
  return `default-src 'self'; script-src ${script} 'wasm-unsafe-eval'; style-src 'self'; img-src ${img} data:; connect-src ${connect}`;
}

let version = 0;
async function update({ remount = true } = {}) {
  const options = read();
  const run = ++version;
  const query = new URLSearchParams(options).toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  $('snippet').value = snippet(options);
  $('iframe').value = iframeCode(options);
  $('csp').value = csp(options);
  $('config-json').value = JSON.stringify(options, null, 2);
  if (options.accent && /^#[0-9a-f]{6}$/i.test(options.accent)) $('accent-picker').value = options.accent;
  const warnings = [...await checkOptions(widgetOptions(options))];
  if (options.leadEndpoint && !options.lead) warnings.push('An endpoint is set but the lead form is off: no leads will be collected.');
  if (run !== version) return;
  $('warnings').replaceChildren(...warnings.map((w) => Object.assign(document.createElement('li'), { textContent: w })));
  if (remount) mountPreview(options);
}

function mountPreview(options) {
  const element = document.createElement('smi-assessment');
  element.id = 'preview';
  for (const [k, v] of Object.entries(widgetOptions(options))) element.setAttribute(kebab(k), v);
  element.removeAttribute('lazy');
  if (!options.benchmark) element.setAttribute('benchmark', SAMPLE_PACK);
  if (options.font) element.style.setProperty('--smi-font', options.font);
  frame.replaceChildren(element);
}

async function checkPasted() {
  const text = $('questionnaire-text').value.trim();
  const problems = text ? [...await checkQuestionnaire(text)] : [];
  const list = $('questionnaire-problems');
  if (text && !problems.length) list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'This questionnaire is valid.', className: 'ok' }));
  else list.replaceChildren(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: p })));
}

form.addEventListener('input', (event) => {
  if (event.target.id === 'questionnaire-text') checkPasted();
  else if (event.target.id !== 'config-json') update();
});
form.addEventListener('submit', (event) => event.preventDefault());
$('accent-picker').addEventListener('input', (event) => {
  form.elements.accent.value = event.target.value;
  update();
});
$('show-card').addEventListener('click', () => {
  history.replaceState(null, '', `${location.pathname}${location.search}#smi=${SAMPLE}`);
  mountPreview(read());
});
$('show-start').addEventListener('click', () => {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  mountPreview(read());
});
$('export').addEventListener('click', () => {
  const blob = new Blob([$('config-json').value], { type: 'application/json' });
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'smi-widget-config.json' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
});
$('import').addEventListener('click', () => {
  const status = $('import-status');
  try {
    const options = JSON.parse($('config-json').value);
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new Error('not an object');
    const known = new Set([...form.elements].map((el) => el.name).filter(Boolean));
    const unknown = Object.keys(options).filter((k) => !known.has(k));
    write(Object.fromEntries(Object.entries(options).filter(([k]) => known.has(k)).map(([k, v]) => [k, String(v)])));
    status.textContent = unknown.length ? `Imported; ignored unknown keys: ${unknown.join(', ')}.` : 'Imported.';
    update();
  } catch (error) {
    status.textContent = `This is not a configuration (${error.message}).`;
  }
});
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = $(button.dataset.copy).value;
    try {
      await navigator.clipboard.writeText(text);
      $('copy-status').textContent = 'Copied.';
    } catch {
      $(button.dataset.copy).select();
      $('copy-status').textContent = 'Copying is blocked here: the text is selected, copy it with your keyboard.';
    }
  });
}

// The tabs: Configure, and Insights and benchmark pack (the console's own wasm, loaded the
// first time its tab opens). Arrow keys move between them, as a tab list's do.
const tabs = [...document.querySelectorAll('[role=tab]')];
let consoleLoaded = null;
function openTab(tab, { focus = false } = {}) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-configure') configure();
  if (tab.id === 'tab-insights' && !consoleLoaded) {
    consoleLoaded = import('./console/boot.js').catch((error) => {
      $('smi-console').textContent = `The insights could not load: ${error?.message ?? error}`;
      console.error('SMI console:', error);
    });
  }
}
for (const tab of tabs) {
  tab.addEventListener('click', () => openTab(tab));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -tabs.length, End: tabs.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const at = Math.min(tabs.length - 1, Math.max(0, tabs.indexOf(tab) + step));
    openTab(tabs[at], { focus: true });
  });
}
const openFromAddress = () => { if (location.hash === '#insights') openTab($('tab-insights')); };
addEventListener('hashchange', openFromAddress);
openFromAddress();

// The form, the snippets and the live preview (which loads the widget's wasm) are set up when
// the Configure tab is first shown, so that a page opened on the insights loads only theirs.
let configured = false;
function configure() {
  if (configured) return;
  configured = true;
  integrityLoaded.then(() => update());
}

write(Object.fromEntries(new URLSearchParams(location.search)));
if (location.hash !== '#insights') configure();
