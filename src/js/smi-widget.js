// The SMI widget loader: defines <smi-assessment> and exports mount(element, options).
// It fetches and instantiates the wasm once per page (streaming), on the first widget that
// needs it, however many widgets mount. Its parts are in loader/; esbuild bundles them, the
// wasm-bindgen glue and the card's helpers into one module (`.ci/build.sh`).
import { mount as mountWidget, optionWarnings, prepareContent, questionnaireProblems } from './smi_widget.js';
import { OPTIONS } from './facts.js';
import { showLoadFailure } from './loader/crash.js';
import { load, loading } from './loader/files.js';
import { showFirstScreen, stylesheet, swapWhenRendered } from './loader/first-screen.js';
import { deliverLead, forgetStored, reportOutboxProblem } from './loader/outbox.js';
import { kebab } from './loader/names.js';
import { PACK, SCREENS, language, prepare } from './loader/options.js';
import { BROWSER, mounted } from './loader/page.js';
import { buildReport } from './loader/report.js';

export { version } from './loader/files.js';

// The result card's share actions, fetched the first time a visitor uses one.
let card;
const cardModule = () => (card ??= import('./card.js'));

const helpers = {
  ...Object.fromEntries(['svgToPng', 'saveFile', 'shareNative', 'printCard']
    .map((name) => [name, async (...args) => (await cardModule())[name](...args)])),
  deliverLead,
  forgetStored,
  buildReport,
  get stylesheet() { return stylesheet(); },
};

/** Hands `handle` (a mounted widget) the benchmark pack of `options` once it has arrived,
 * while `current()` says it is still the widget on the page. */
function whenPackArrives(options, handle, current) {
  options[PACK]?.then((pack) => {
    if (current()) handle.setBenchmark(pack.benchmark ?? null, pack['benchmark-error'] ?? null);
  });
}

/** Lets the browser handle input and paint before going on. */
const yieldToPage = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve)));

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

/**
 * Mounts the assessment into `element` with `options` (docs/options.md);
 * resolves to a handle with `destroy()`.
 */
export async function mount(element, options = {}) {
  const [prepared] = await Promise.all([prepare(options), load()]);
  const handle = mountWidget(element, prepared, helpers);
  mounted.add(element);
  reportOutboxProblem();
  let live = true;
  whenPackArrives(prepared, handle, () => live);
  const destroy = handle.destroy.bind(handle);
  return { destroy: () => { live = false; mounted.delete(element); destroy(); } };
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
      const waitForFirstScreen = !this.handle && !loading() && language(this.getAttribute('lang')) === 'en';
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
      const handle = (this.handle = mountWidget(this, options, helpers));
      mounted.add(this);
      whenPackArrives(options, handle, () => this.handle === handle);
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
