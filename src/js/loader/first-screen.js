// The stylesheet and the first screen, shown before the wasm has loaded.
import { FRAGMENT_KEY, SHIPPED_PROGRESS_KEY } from '../facts.js';

// The build (`.ci/inject.mjs`) fills these in: the widget's stylesheet (minified), and its first screen,
// the intro as the wasm renders it (`src/bin/prerender.rs`), in English with and without a
// lead form. Other languages' first screens come in their translation file.
const STYLES = '';
export const FIRST_SCREEN = null;
let sheet;
/** One constructed stylesheet for every widget on the page (the wasm adopts it too). */
export function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

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

// Trusted Types.
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
export function showFirstScreen(element, options, screens) {
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
export function swapWhenRendered(element, first, pendingStart) {
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
