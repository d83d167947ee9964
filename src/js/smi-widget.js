// The SMI widget loader: defines <smi-assessment> and exports mount(element, options).
// It fetches and instantiates the wasm once per page (streaming), on the first widget that
// needs it, however many widgets mount.
import init, { mount as mountWidget, optionWarnings, prepareContent, questionnaireProblems } from './smi_widget.js';
import { FRAGMENT_KEY, LANGUAGES, OPTIONS, SHIPPED_PROGRESS_KEY, STORAGE_PREFIX } from './facts.js';

// Importing the module where there is no browser (a server rendering a page) defines
// nothing and touches nothing; the element, storage and the wasm are a browser's only.
const BROWSER = typeof window !== 'undefined' && typeof document !== 'undefined';

// ---- Leads: an outbox in local storage, so a lead survives a failed POST and a reload ----
// The outbox is { v: 1, leads: [...] }. Each lead is a request the wasm built ({ id, endpoint,
// content_type, body }) plus { attempts, due }. Leads are retried with backoff (2 s doubling
// to 5 min) until the endpoint answers 2xx; a 4xx other than 408/429 is a refusal and is
// dropped. The body carries the lead's id (lead_id), so an endpoint can discard a repeat.
// Every key the widget stores starts with STORAGE_PREFIX: each widget's progress and lead
// marker, the outbox, and damaged copies of the outbox, kept aside for DAMAGED_KEPT_FOR and
// then removed.
const OUTBOX = `${STORAGE_PREFIX}outbox`;
const OUTBOX_VERSION = 1;
const DAMAGED = `${OUTBOX}:damaged:`;
const DAMAGED_KEPT_FOR = 30 * 24 * 60 * 60 * 1000;
let memoryOutbox = null; // used when local storage is unavailable
let outboxProblem = null; // a damaged outbox, not yet reported to a widget

const isLead = (e) => e !== null && typeof e === 'object'
  && ['id', 'endpoint', 'content_type', 'body'].every((k) => typeof e[k] === 'string');
/** A lead as the outbox keeps it; a missing or broken `attempts` or `due` starts afresh. */
const entryOf = (e) => ({
  id: e.id, endpoint: e.endpoint, content_type: e.content_type, body: e.body,
  attempts: Number.isFinite(e.attempts) ? e.attempts : 0,
  due: Number.isFinite(e.due) ? e.due : 0,
});

/**
 * The leads in the stored outbox text. Text that is not JSON, JSON that is not an outbox, or
 * an outbox with entries that are not leads is kept aside under its own key, never deleted:
 * it may hold what a visitor typed. The leads that can be read still go out.
 */
function parseOutbox(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // An array is the outbox of earlier versions of the loader.
  const list = Array.isArray(parsed) ? parsed
    : parsed?.v === OUTBOX_VERSION && Array.isArray(parsed.leads) ? parsed.leads : null;
  const leads = (list ?? []).filter(isLead).map(entryOf);
  const whole = (e) => isLead(e) && Number.isFinite(e.attempts) && Number.isFinite(e.due);
  if (list && list.every(whole)) return leads;
  const aside = `${DAMAGED}${Date.now()}`;
  let kept = `it is kept under "${aside}"`;
  try {
    localStorage.setItem(aside, text);
  } catch {
    kept = 'it could not be kept aside';
  }
  const broken = list ? list.filter((e) => !whole(e)).length : 0;
  const what = !list ? 'is not a lead outbox' : `holds ${broken} entries that are not whole leads`;
  outboxProblem = `the stored lead outbox ${what}; ${kept}, and a new outbox takes over`
    + (leads.length ? ` with the ${leads.length} leads that could be read` : '');
  console.warn(`SMI widget: ${outboxProblem}.`);
  writeOutbox(leads);
  reportOutboxProblem();
  return leads;
}

function readOutbox() {
  if (memoryOutbox) return memoryOutbox;
  let text;
  try {
    text = localStorage.getItem(OUTBOX);
  } catch {
    return (memoryOutbox = []);
  }
  return text === null ? [] : parseOutbox(text);
}
function writeOutbox(items) {
  if (memoryOutbox) { memoryOutbox = items; return false; }
  try {
    if (items.length) localStorage.setItem(OUTBOX, JSON.stringify({ v: OUTBOX_VERSION, leads: items }));
    else localStorage.removeItem(OUTBOX);
    return true;
  } catch {
    memoryOutbox = items;
    return false;
  }
}

// Widgets on the page, to tell about a damaged outbox (`smi:error` `outbox-damaged`).
const mounted = new Set();
function reportOutboxProblem() {
  if (!outboxProblem || !mounted.size) return;
  const message = outboxProblem;
  outboxProblem = null;
  for (const element of mounted) dispatchError(element, 'outbox-damaged', message);
}
/** `smi:error` from the loader itself, shaped as the wasm's (bubbling, composed). */
function dispatchError(element, code, message) {
  element.dispatchEvent(new CustomEvent('smi:error', { detail: { code, message }, bubbles: true, composed: true }));
}
const backoff = (attempts) => Math.min(2000 * 2 ** (attempts - 1), 300_000);

async function post(entry) {
  try {
    const response = await fetch(entry.endpoint, {
      method: 'POST',
      headers: { 'content-type': entry.content_type },
      body: entry.body,
      credentials: 'omit',
      keepalive: true,
      signal: AbortSignal.timeout(15_000),
    });
    if (response.ok) return 'sent';
    if (response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status)) {
      console.error(`SMI widget: the lead endpoint refused lead ${entry.id} with HTTP ${response.status}; it is not retried.`);
      return 'rejected';
    }
    console.warn(`SMI widget: the lead endpoint answered HTTP ${response.status}; lead ${entry.id} will be retried.`);
  } catch (error) {
    console.warn(`SMI widget: lead ${entry.id} could not be sent (${error.message}); it will be retried.`);
  }
  return 'queued';
}

let flushing = null;
let timer;
const outcomes = new Map(); // lead id → outcome of its latest try
// Every tab of the site shares the outbox, and would otherwise each send a lead that falls
// due. With Web Locks (every current browser, in secure contexts) one tab at a time goes
// through the outbox, and a tab that is done with a lead holds a lock named after it for as
// long as it stays open; the lock's name ends in the outcome ('sent' or 'rejected'). Another
// tab checks for that lock rather than the outbox alone: a local-storage write reaches other
// tabs a moment later, but locks are kept in one place. Without Web Locks, each tab goes on
// its own.
const locks = globalThis.navigator?.locks;
const oneTabAtATime = (work) => (locks ? locks.request(OUTBOX, work) : work());
const donePrefix = (id) => `${STORAGE_PREFIX}lead-done:${id}:`;
const markDone = (id, outcome) => locks && new Promise((held) => {
  locks.request(donePrefix(id) + outcome, () => { held(); return new Promise(() => {}); });
});
/** What another tab's try of lead `id` came to ('sent', 'rejected'), or undefined. */
const doneElsewhere = async (id) => {
  if (!locks) return undefined;
  const lock = (await locks.query()).held.find((l) => l.name.startsWith(donePrefix(id)));
  return lock?.name.slice(donePrefix(id).length);
};
/** Sends every due entry of the outbox once; schedules the next try. */
function flush() {
  flushing ??= oneTabAtATime(async () => {
    for (const entry of readOutbox().filter((e) => e.due <= Date.now())) {
      const elsewhere = await doneElsewhere(entry.id);
      const outcome = elsewhere ?? await post(entry);
      const items = readOutbox().filter((e) => e.id !== entry.id);
      if (outcome === 'queued') items.push({ ...entry, attempts: entry.attempts + 1, due: Date.now() + backoff(entry.attempts + 1) });
      // Not where another tab holds the lock: asking for it would wait until that tab closes.
      else if (!elsewhere) await markDone(entry.id, outcome);
      writeOutbox(items);
      outcomes.set(entry.id, outcome);
    }
    const next = Math.min(...readOutbox().map((e) => e.due));
    clearTimeout(timer);
    if (Number.isFinite(next)) timer = setTimeout(flush, Math.max(next - Date.now(), 0));
  }).finally(() => { flushing = null; });
  return flushing;
}

async function deliverLead(request) {
  const entry = { ...request, attempts: 0, due: 0 };
  if (!readOutbox().some((e) => e.id === entry.id)) {
    const items = readOutbox();
    items.push(entry);
    writeOutbox(items);
  }
  await flushing;
  await flush();
  const waiting = readOutbox().some((e) => e.id === entry.id);
  // Gone from the outbox: this tab tried it, or another tab took it first and holds its outcome.
  if (!waiting) return (outcomes.get(entry.id) ?? await doneElsewhere(entry.id)) === 'rejected' ? 'rejected' : 'sent';
  return memoryOutbox ? 'queued-memory' : 'queued';
}

/** The keys of local storage that start with STORAGE_PREFIX; none where storage is blocked. */
function storedKeys() {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
      .filter((key) => key?.startsWith(STORAGE_PREFIX));
  } catch {
    return [];
  }
}
function removeStored(key) {
  try { localStorage.removeItem(key); } catch { /* blocked: nothing was stored */ }
}

/** "Delete my data": every key any widget stored on this site, damaged copies included, and
 * the leads waiting in memory where storage is blocked. */
function forgetStored() {
  writeOutbox([]);
  for (const key of storedKeys()) removeStored(key);
}

// Leads left over from an earlier visit go out as soon as the loader runs; damaged copies of
// the outbox older than DAMAGED_KEPT_FOR (or dated in the future) are removed.
if (BROWSER) {
  if (readOutbox().length) flush();
  for (const key of storedKeys()) {
    const age = Date.now() - Number(key.slice(DAMAGED.length));
    if (key.startsWith(DAMAGED) && !(Math.abs(age) <= DAMAGED_KEPT_FOR)) removeStored(key);
  }
}

// ---- Crashes: the release wasm is built so that a panic is an immediate trap, which reaches
// the page as a WebAssembly.RuntimeError thrown from an event handler or a promise. Every
// widget then shows its crash message (in its language, from the root's data-crash) in place
// of its content: never a blank or frozen box. Traps of other wasm modules on the page, whose
// stack does not pass through this widget's glue, are left alone.
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

// The result card's share actions, fetched the first time a visitor uses one.
let card;
const cardModule = () => (card ??= import('./card.js'));
// ---- The stylesheet and the first screen --------------------------------------------------
// `.ci/build.sh` fills these in: the widget's stylesheet (minified), and its first screen,
// the intro as the wasm renders it (`src/bin/prerender.rs`), in English with and without a
// lead form. Other languages' first screens come in their translation file.
const STYLES = '';
const FIRST_SCREEN = null;
let sheet;
/** One constructed stylesheet for every widget on the page (the wasm adopts it too). */
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

const helpers = {
  ...Object.fromEntries(['svgToPng', 'saveFile', 'shareNative', 'printCard']
    .map((name) => [name, async (...args) => (await cardModule())[name](...args)])),
  deliverLead,
  forgetStored,
  get stylesheet() { return stylesheet(); },
};

// sRGB channel → linear light, and a colour's relative luminance (WCAG 2.2).
const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255))
  .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
/** The text colour the widget puts on an accent: white or near-black, whichever contrasts more
 * (`accent_for` in `src/engine/config.rs`; a test compares the two on the page). */
function textOn(hex) {
  const l = luminance(hex);
  return (1.05 / (l + 0.05)) >= (l + 0.05) / (luminance('#111111') + 0.05) ? '#ffffff' : '#111111';
}

// ---- Trusted Types ------------------------------------------------------------------------
// Under `require-trusted-types-for 'script'`, markup needs a policy. This one, `smi-widget`,
// is private to the loader and turns only the build's own first screen into markup (the CSP
// names it: `trusted-types smi-widget`). Where the policy cannot be made, the first screen is
// left out and the widget shows once it has loaded.
let policy;
function trustedHTML(markup) {
  if (!globalThis.trustedTypes?.createPolicy) return markup;
  policy ??= trustedTypes.createPolicy('smi-widget', { createHTML: (text) => text });
  return policy.createHTML(markup);
}

/**
 * Shows the first screen in `element`'s shadow root at once, when the widget's first render
 * will be that screen: the shipped questionnaire, no share link in the address, no saved
 * progress. Returns the root it shows, or null.
 */
function showFirstScreen(element, options, screens) {
  const markup = screens?.[options.lead === 'before' || options.lead === 'after' ? 'lead' : 'plain'];
  const id = element.id ? `:${element.id}` : '';
  let saved = null;
  try { saved = localStorage.getItem(`${SHIPPED_PROGRESS_KEY}${id}`); } catch { /* blocked: nothing saved */ }
  const accent = options.accent?.trim();
  if (!markup || options.questionnaire || options['questionnaire-error'] || saved !== null
    || new RegExp(`[#&]${FRAGMENT_KEY}=`).test(location.hash) || (accent && !/^#[0-9a-f]{6}$/i.test(accent))) return null;
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [stylesheet()];
  const root = document.createElement('div');
  const lang = options['translation-lang'];
  const theme = ['dark', 'auto'].includes(options.theme?.trim()) ? options.theme.trim() : 'light';
  root.className = 'smi';
  root.setAttribute('lang', lang);
  root.setAttribute('dir', screens.dir);
  root.setAttribute('data-theme', theme);
  root.setAttribute('data-first-screen', '');
  if (accent) {
    root.style.setProperty('--smi-accent', accent.toLowerCase());
    root.style.setProperty('--smi-accent-text', textOn(accent.toLowerCase()));
  }
  if (theme === 'dark') root.style.setProperty('color-scheme', 'dark');
  root.innerHTML = trustedHTML(markup); // built from the widget's own sources, never from input
  shadow.replaceChildren(root);
  return root;
}

/** Once the widget has rendered beside the first screen, shows it in its place (within one
 * frame: the observer's callback runs before the browser paints) and replays a Start click. */
function swapWhenRendered(element, first, pendingStart) {
  const live = element.shadowRoot.querySelector('.smi-pending');
  if (!live) return;
  const swap = () => {
    if (!live.querySelector('.smi-button')) return false;
    first.remove();
    live.className = 'smi';
    if (pendingStart()) live.querySelector('.smi-intro .smi-button--primary')?.click();
    return true;
  };
  if (swap()) return;
  const observer = new MutationObserver(() => { if (swap()) observer.disconnect(); });
  observer.observe(live, { childList: true, subtree: true });
}

// ---- Verified files -------------------------------------------------------------------------
// `.ci/build.sh` (`.ci/integrity.mjs`) fills these in: the version from Cargo.toml, and the
// sha384 of the wasm and of each translation file, which the browser checks on every fetch
// (Subresource Integrity): a file that was altered on its way or on a CDN does not run.
/** This build's version (Cargo.toml's), also in `smi:ready`'s detail. */
export const version = '0.0.0-dev';
const INTEGRITY = {};

/**
 * A fetch of `url`, the file `file` of this build, that the browser checks against its sha384.
 * Callers write `new URL('./…', import.meta.url)` out, so that bundlers (Vite, webpack 5) see
 * which files the module needs and ship them.
 */
async function verifiedFetch(url, file) {
  const integrity = INTEGRITY[file];
  try {
    return await fetch(url, integrity ? { integrity } : {});
  } catch (error) {
    throw integrity ? await diagnose(url, integrity, error) : error;
  }
}

/**
 * Why a fetch with an integrity check failed: the browser says only "Failed to fetch", for a
 * tampered file and a dropped connection alike. Fetched again without the check and hashed
 * here, a file whose digest differs is named as such (error code `integrity-failed`).
 */
async function diagnose(url, integrity, error) {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    // An error page fails the check too; its status is the better reason.
    if (!response.ok) return new Error(`${url} answered HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-384', bytes);
    const actual = `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
    if (actual === integrity) return error;
    return Object.assign(new Error(`${url} does not match its integrity hash (expected ${integrity}, got ${actual}): the file was altered, so the widget does not run it`), { code: 'integrity-failed' });
  } catch {
    return error;
  }
}

/** Lets the browser handle input and paint before going on. */
const yieldToPage = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve)));

let ready;
function load() {
  ready ??= init({ module_or_path: verifiedFetch(new URL('./smi_widget_bg.wasm', import.meta.url), 'smi_widget_bg.wasm') });
  return ready;
}

const LOAD_FAILED = 'The assessment could not load. Please reload the page.';

/** What the widget would warn about `options` (camelCase or attribute names), as sentences. */
export async function checkOptions(options = {}) {
  await load();
  const named = Object.fromEntries(Object.entries(options).map(([k, v]) => [kebab(k), String(v)]));
  return optionWarnings(named);
}

/** Every problem of a custom questionnaire's JSON text; empty when it can be used. */
export async function checkQuestionnaire(text) {
  await load();
  return questionnaireProblems(text);
}

/** The wasm instance's exports, for the benchmark's memory figure and the crash test; not
 * part of the supported API (the types leave it out). */
export async function wasmExports() {
  return load();
}

function showLoadFailure(element, error) {
  console.error('SMI widget: the WebAssembly module did not load:', error);
  if (error?.code === 'integrity-failed') dispatchError(element, error.code, error.message);
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = LOAD_FAILED;
  shadow.replaceChildren(message);
}

// The languages this build ships are LANGUAGES (facts.js). English is inside the wasm; the
// others are fetched from i18n/ when a widget needs them.
const translations = {};

/**
 * The language a widget shows: its `lang` option, else the page's, else the browser's. The
 * one place that decides it: the wasm takes the result as `translation-lang`.
 */
function language(requested) {
  for (const tag of [requested, document.documentElement.lang, ...navigator.languages]) {
    const base = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

// Where prepared options carry the language's first screens (never passed to the wasm).
const SCREENS = Symbol('first screens');

/** Options carrying the translation for `lang` as JSON text (or why it did not load). */
async function translation(lang) {
  if (lang === 'en') return { [SCREENS]: FIRST_SCREEN };
  // Fetched and split once per language: the first screen travels in the translation file;
  // the wasm reads the rest.
  translations[lang] ??= verifiedFetch(new URL(`./i18n/${lang}.json`, import.meta.url), `i18n/${lang}.json`).then(async (response) => {
    if (!response.ok) throw new Error(`i18n/${lang}.json answered HTTP ${response.status}`);
    const { first_screen: firstScreen, ...rest } = JSON.parse(await response.text());
    return { translation: JSON.stringify(rest), [SCREENS]: firstScreen };
  });
  try {
    return await translations[lang];
  } catch (error) {
    delete translations[lang];
    return { 'translation-error': `the "${lang}" translation could not be loaded (${error.message})` };
  }
}

// ctaLabel → cta-label: the JS API takes camelCase, attributes are kebab-case.
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// How long the widget waits for a benchmark pack before it starts without one.
const BENCHMARK_TIMEOUT = 4000;

/**
 * A custom questionnaire or a benchmark pack (`name`) given as an object, JSON text or a URL,
 * as JSON text under `name`, or why not under `name-error`. The one place that tells JSON
 * from a URL: text that starts with "{" is JSON, anything else is fetched. The wasm parses
 * whatever text this hands it. A fetch that takes longer than `timeout` ms gives up: the
 * widget waits for it before it mounts, and a benchmark pack must not hold the assessment up.
 */
async function jsonOption(name, value, timeout) {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object') return { [name]: JSON.stringify(value) };
  const text = String(value).trim();
  if (text.startsWith('{')) return { [name]: text };
  const failed = (why) => ({ [`${name}-error`]: why });
  let url;
  try {
    url = new URL(text, document.baseURI);
  } catch {
    return failed(`"${text}" is not a URL`);
  }
  try {
    const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
    const response = await fetch(url, { credentials: 'omit', signal });
    if (!response.ok) return failed(`${url} answered HTTP ${response.status}`);
    return { [name]: await response.text() };
  } catch (error) {
    if (error.name === 'TimeoutError') return failed(`${url} did not answer within ${timeout / 1000} s`);
    return failed(`${url} could not be fetched (${error.message})`);
  }
}

/**
 * Options as the wasm takes them: kebab-case names, string values, the questionnaire and the
 * benchmark pack as JSON text.
 */
async function prepare(options) {
  const out = {};
  const json = {};
  for (const [name, value] of Object.entries(options ?? {})) {
    if (name === 'questionnaire' || name === 'benchmark') json[name] = value;
    else if (value !== undefined && value !== null && value !== false) {
      out[kebab(name)] = value === true ? '' : String(value);
    }
  }
  const lang = language(out.lang);
  const [custom, pack, text] = await Promise.all([
    jsonOption('questionnaire', json.questionnaire),
    jsonOption('benchmark', json.benchmark, BENCHMARK_TIMEOUT),
    translation(lang),
  ]);
  return Object.assign(out, custom, pack, text, { 'translation-lang': lang });
}

/**
 * Mounts the assessment into `element` with `options` (docs/options.md);
 * resolves to a handle with `destroy()`.
 */
export async function mount(element, options = {}) {
  const [prepared] = await Promise.all([prepare(options), load()]);
  const handle = mountWidget(element, prepared, helpers);
  mounted.add(element);
  reportOutboxProblem();
  const destroy = handle.destroy.bind(handle);
  return { destroy: () => { mounted.delete(element); destroy(); } };
}

function attributes(element) {
  return Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));
}

// A plain class where there is no browser: nothing is defined there.
class SmiAssessment extends (globalThis.HTMLElement ?? class {}) {
  // Every option (facts.js, generated from the option table).
  static observedAttributes = OPTIONS;

  connectedCallback() {
    if (this.hasAttribute('lazy') && 'IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.observer.disconnect();
          this.observer = undefined;
          this.start();
        }
      }, { rootMargin: '200px' });
      this.observer.observe(this);
    } else {
      this.start();
    }
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.observer = undefined;
    this.stop();
  }

  attributeChangedCallback(name, before, after) {
    // `lazy` only decides when a widget first mounts.
    if (name !== 'lazy' && before !== after && this.handle) this.start();
  }

  // Mounts with the current attributes; a newer call wins over one still loading.
  async start() {
    const run = (this.run = (this.run ?? 0) + 1);
    try {
      const prepared = prepare(attributes(this));
      // The English first screen needs no download: the wasm is fetched once it has painted,
      // so that the two do not compete. Another language's first screen comes with its
      // translation, fetched alongside the wasm.
      const waitForFirstScreen = !this.handle && !ready && language(this.getAttribute('lang')) === 'en';
      let loaded = waitForFirstScreen ? null : load();
      // The first screen, as soon as the options are known and long before the wasm is: at
      // the start of the next frame, so that it is painted in that frame as before, but its
      // markup and stylesheet are not added to the task that ran the module and ends the
      // page's parsing.
      let first = null;
      let started = false;
      const shown = this.handle ? Promise.resolve() : prepared.then((options) => new Promise((done) => {
        requestAnimationFrame(() => {
          try {
            if (run === this.run && !this.handle && this.isConnected) {
              first = showFirstScreen(this, options, options[SCREENS]);
              // A Start made before the widget is ready is kept and replayed.
              first?.addEventListener('click', (e) => {
                if (e.target.closest('.smi-button--primary')) started = true;
              });
            }
          } catch (error) {
            // The widget still mounts, without the first screen before it.
            first = null;
            console.warn(`SMI widget: the first screen is left out (${error.message}); the assessment shows once it has loaded.`);
          } finally {
            done();
          }
        });
      }), () => {});
      if (!loaded) {
        await shown;
        // The frame after: the first screen's frame has been presented by the time it begins.
        if (first) await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
        loaded = load();
      }
      const [options] = await Promise.all([prepared, loaded]);
      // Instantiating the wasm, parsing the English content and the widget's first render are
      // three tasks, each with a chance for input and paint between them, not one long task.
      await yieldToPage();
      if (options['translation-lang'] === 'en' && !options.questionnaire) {
        prepareContent();
        await yieldToPage();
      }
      if (run !== this.run || !this.isConnected) return;
      this.stop();
      this.handle = mountWidget(this, options, helpers);
      mounted.add(this);
      reportOutboxProblem();
      if (first?.isConnected) swapWhenRendered(this, first, () => started);
    } catch (error) {
      if (run === this.run) showLoadFailure(this, error);
    }
  }

  stop() {
    mounted.delete(this);
    this.handle?.destroy();
    this.handle = undefined;
  }
}

if (BROWSER && !customElements.get('smi-assessment')) customElements.define('smi-assessment', SmiAssessment);
