// Subresource Integrity: the module fetches the wasm and each translation with the sha384 the
// build computed, and a build whose wasm was altered by one byte does not run: a message in
// the element, a console error naming the file, and smi:error integrity-failed. The snippet's
// hash for the module itself matches the file served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostPage, launch } from './browser.mjs';
import { DIST, serve } from './server.mjs';

const env = {};
before(async () => {
  env.tampered = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-tampered-'));
  fs.cpSync(DIST, env.tampered, { recursive: true });
  const wasm = path.join(env.tampered, 'smi_widget_bg.wasm');
  const bytes = fs.readFileSync(wasm);
  // One byte of the data section's text, late in the file: still a valid module.
  bytes[bytes.length - 100] ^= 0x01;
  fs.writeFileSync(wasm, bytes);
  // A second copy whose Arabic translation was altered instead (one word of its text).
  env.tamperedText = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-tampered-text-'));
  fs.cpSync(DIST, env.tamperedText, { recursive: true });
  const ar = path.join(env.tamperedText, 'i18n/ar.json');
  fs.writeFileSync(ar, fs.readFileSync(ar, 'utf8').replace('"start":"', '"start":"!'));
  env.good = await serve();
  env.bad = await serve(env.tampered);
  env.badText = await serve(env.tamperedText);
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.good?.close();
  await env.bad?.close();
  await env.badText?.close();
  fs.rmSync(env.tampered, { recursive: true, force: true });
  fs.rmSync(env.tamperedText, { recursive: true, force: true });
});

async function open(server, lang = 'en') {
  server.pages['/host.html'] = { body: hostPage(`<smi-assessment lang="${lang}"></smi-assessment>`) };
  const page = await env.browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    window.smiErrors = [];
    document.addEventListener('smi:error', (e) => window.smiErrors.push(e.detail));
  });
  await page.goto(`${server.url}host.html`);
  return { page, errors, w: page.locator('smi-assessment') };
}

test('a wasm altered by one byte is refused: a message, a console error, smi:error integrity-failed', async () => {
  const { page, errors, w } = await open(env.bad);
  await w.getByRole('alert').filter({ hasText: 'The assessment could not load. Please reload the page.' }).waitFor();
  const [error] = await page.evaluate(() => window.smiErrors);
  assert.equal(error?.code, 'integrity-failed', JSON.stringify(error));
  assert.match(error.message, /smi_widget_bg\.wasm does not match its integrity hash \(expected sha384-/);
  assert.ok(errors.some((t) => t.includes('does not match its integrity hash')), errors.join('\n'));
  assert.equal(await w.getByRole('button', { name: 'Start the assessment' }).count(), 0, 'nothing of the widget runs');
  await page.close();
});

test('an altered translation is not used: the widget shows English and says why', async () => {
  const { page, w } = await open(env.badText, 'ar');
  const root = w.locator('.smi:not([data-first-screen])');
  await root.locator('.smi-button--primary').waitFor();
  assert.equal(await root.getAttribute('lang'), 'en');
  const [error] = await page.evaluate(() => window.smiErrors);
  assert.equal(error?.code, 'translation-unavailable', JSON.stringify(error));
  assert.match(error.message, /i18n\/ar\.json does not match its integrity hash/);
  await page.close();
});

test('the untouched build runs, in English and in a translation fetched with its hash', async () => {
  for (const lang of ['en', 'ar']) {
    const { page, w } = await open(env.good, lang);
    await w.locator('.smi:not([data-first-screen]) .smi-button--primary').waitFor();
    assert.deepEqual(await page.evaluate(() => window.smiErrors), []);
    await page.close();
  }
});

test('integrity.json gives the sha384 of every file as served, the module included', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'integrity.json'), 'utf8'));
  assert.ok(manifest.files['smi-widget.js'] && manifest.files['smi_widget_bg.wasm'] && manifest.files['i18n/ar.json']);
  for (const [file, integrity] of Object.entries(manifest.files)) {
    const body = Buffer.from(await (await fetch(`${env.good.url}${file}`)).arrayBuffer());
    assert.equal(`sha384-${crypto.createHash('sha384').update(body).digest('base64')}`, integrity, file);
  }
  // A page that loads the module with the snippet's integrity attribute runs it.
  env.good.pages['/sri.html'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title>
<script type="module" src="/smi-widget.js" integrity="${manifest.files['smi-widget.js']}" crossorigin="anonymous"></script>
</head><body><smi-assessment></smi-assessment></body></html>`,
  };
  const page = await env.browser.newPage();
  await page.goto(`${env.good.url}sri.html`);
  await page.locator('smi-assessment .smi:not([data-first-screen]) .smi-button--primary').waitFor();
  await page.close();
});
