// Options: the language a widget shows and its translation, and the options as the wasm
// takes them.
import { LANGUAGES } from '../facts.js';
import { verifiedFetch } from './files.js';
import { FIRST_SCREEN } from './first-screen.js';
import { kebab } from './names.js';

// The languages this build ships are LANGUAGES (facts.js). English is inside the wasm; the
// others are fetched from i18n/ when a widget needs them.
const translations = {};

/**
 * The language a widget shows: its `lang` option, else the page's, else the browser's. The
 * one place that decides it: the wasm takes the result as `translation-lang`.
 */
export function language(requested) {
  for (const tag of [requested, document.documentElement.lang, ...navigator.languages]) {
    const base = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

// Where prepared options carry the language's first screens (never passed to the wasm).
export const SCREENS = Symbol('first screens');

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

// How long a benchmark pack may take before it is reported as not loaded. The widget does not
// wait for it: it mounts at once and takes the pack when it arrives.
const BENCHMARK_TIMEOUT = 15000;

// Where prepared options carry the benchmark pack still on its way (a promise of
// `{ benchmark }` or `{ 'benchmark-error' }`), which the loader hands to the mounted widget.
export const PACK = Symbol('benchmark pack');

/**
 * A custom questionnaire or a benchmark pack (`name`) given as an object, JSON text or a URL,
 * as JSON text under `name`, or why not under `name-error`. The one place that tells JSON
 * from a URL: text that starts with "{" is JSON, anything else is fetched. The wasm parses
 * whatever text this hands it. A fetch that takes longer than `timeout` ms gives up.
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
export async function prepare(options) {
  const out = {};
  const json = {};
  for (const [name, value] of Object.entries(options ?? {})) {
    if (name === 'questionnaire' || name === 'benchmark') json[name] = value;
    else if (value !== undefined && value !== null && value !== false) {
      out[kebab(name)] = value === true ? '' : String(value);
    }
  }
  const lang = language(out.lang);
  // The pack is not waited for: the first screen and the assessment do not depend on it.
  const pack = json.benchmark === undefined || json.benchmark === null
    ? undefined : jsonOption('benchmark', json.benchmark, BENCHMARK_TIMEOUT);
  const [custom, text] = await Promise.all([
    jsonOption('questionnaire', json.questionnaire),
    translation(lang),
  ]);
  return Object.assign(out, custom, text, { 'translation-lang': lang, [PACK]: pack });
}
