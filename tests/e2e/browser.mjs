// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

/**
 * Where the tests write their screenshots: `target/screenshots/`, so that a test run leaves
 * the working tree as it was. `SCREENSHOTS=tests/screenshots bash .ci/test.sh` refreshes the
 * committed ones the docs show.
 */
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOTS
  ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../target/screenshots'));
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Registers before/after hooks that start a dist/ server and a browser for a test file;
 * returns an object whose `server` and `browser` are set once the hooks have run.
 */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The widget on a page; role locators reach into its shadow root. */
export const widget = (page) => page.locator('smi-assessment');

/** Waits until the widget itself is on screen, in place of the loader's first screen (which
 * has the same markup but is replaced within a frame: a check in that frame would race). */
export const widgetReady = (page) => page.locator('smi-assessment .smi:not([data-first-screen]) .smi-button').first().waitFor();

/**
 * Takes the assessment in widget `w` (a locator), choosing the given choice index for each
 * item in order ("0123…"), and waits for the result.
 */
export async function finish(w, digits) {
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  for (const [n, d] of [...digits].entries()) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.getByRole('button', { name: n === digits.length - 1 ? 'See my result' : 'Next' }).click();
  }
  await w.getByRole('heading', { name: /Your social maturity/ }).waitFor();
  // The rest of the result, and smi:complete, follow its first paint.
  await w.getByRole('button', { name: 'Retake the assessment' }).waitFor();
}

/** A host page that loads the built widget from the server root and holds `body`. */
export function hostPage(body, { head = '', lang = 'en', dir = 'ltr' } = {}) {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<script type="module" src="/smi-widget.js"></script>${head}</head><body>${body}</body></html>`;
}

/** Pixels that differ between two PNG screenshots of the same size (compared in the page). */
export async function pixelDifference(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const data = async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [x, y] = [await data(a), await data(b)];
    if (x.width !== y.width || x.height !== y.height) return `sizes ${x.width}×${x.height} and ${y.width}×${y.height}`;
    // The outermost row and column are left out: where the host places the widget at a
    // fractional offset, they show a sliver of the host page, not the widget.
    let differ = 0;
    for (let row = 1; row < x.height - 1; row++) {
      for (let col = 1; col < x.width - 1; col++) {
        const i = (row * x.width + col) * 4;
        if (Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]) > 24) differ++;
      }
    }
    return differ;
  }, [a.toString('base64'), b.toString('base64')]);
}

/** Fills the lead form of widget `w` (a locator) with a visitor's details and, unless told
 * otherwise, checks the consent. */
export async function fillForm(w, { name = 'Ada Lovelace', email = 'ada@example.com', company = 'Analytical Ltd', consent = true } = {}) {
  await w.locator('#smi-lead-name').fill(name);
  await w.getByLabel('Work e-mail', { exact: true }).fill(email);
  await w.locator('#smi-lead-company').fill(company);
  if (consent) await w.getByRole('checkbox').check();
}
