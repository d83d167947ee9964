// The npm package as a web developer uses it: in a temporary folder, a Vite + TypeScript
// project installs the packed tarball (dist/smi-widget-VERSION.tgz, from .ci/build.sh),
// type-checks a file that uses mount() and a typed smi:complete listener, and the README's
// React 19 snippet, with `tsc --noEmit`, builds with Vite, and the built app, served, takes
// the assessment to its result in Chromium. Then as a server-rendering framework uses it:
// the package imported in plain Node defines nothing and throws nothing, React's server
// renderer writes the element, and that page, served with the package's files, completes in
// Chromium, both as it is and hydrated by React's client (a second page of the Vite build). Vite, TypeScript, React and its types are the test's own dependencies, installed
// into the temporary folder only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/integrity.json'), 'utf8'));
const TARBALL = path.join(ROOT, `dist/smi-widget-${version}.tgz`);
// The versions the test installs: exact, so that a new release cannot change the result.
const TOOLS = ['vite@8.3.8', 'typescript@5.9.3', '@types/react@19.2.9', '@types/react-dom@19.2.7', 'react@19.2.9', 'react-dom@19.2.9'];
const PARTICIPANT = '1010101010101' + '23232323232323';

const env = {};
const timings = {};
function step(name, run) {
  const started = Date.now();
  const result = run();
  timings[name] = Date.now() - started;
  return result;
}
const sh = (cmd, args) => execFileSync(cmd, args, { cwd: env.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  assert.ok(fs.existsSync(TARBALL), `${TARBALL} is missing: run .ci/build.sh first`);
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-consumer-'));
  fs.cpSync(path.join(HERE, 'app'), env.dir, { recursive: true });
  fs.writeFileSync(path.join(env.dir, 'package.json'), JSON.stringify({ name: 'smi-consumer', private: true, type: 'module' }));
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
  console.log(`consumer steps (ms): ${JSON.stringify(timings)}`);
});

test('npm install of the tarball, tsc --noEmit over mount, a typed listener and the React snippet, vite build', () => {
  step('npm install', () => sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '-D', '-E', ...TOOLS, TARBALL]));
  const installed = JSON.parse(fs.readFileSync(path.join(env.dir, 'node_modules/smi-widget/package.json'), 'utf8'));
  assert.equal(installed.version, version);
  // The types are strict: the @ts-expect-error lines in the app fail the check if a wrong
  // option or detail type were accepted.
  step('tsc --noEmit', () => sh('npx', ['tsc', '--noEmit', '-p', '.']));
  step('vite build', () => sh('npx', ['vite', 'build', '--logLevel', 'warn']));
  const built = fs.readdirSync(path.join(env.dir, 'dist/assets'));
  assert.ok(built.some((f) => f.endsWith('.wasm')), `the wasm is in the build: ${built.join(', ')}`);
  assert.ok(built.some((f) => /^ar-.*\.json$/.test(f)), `the translations are in the build: ${built.join(', ')}`);
});

test('the built app takes the assessment to its result in Chromium', async () => {
  const started = Date.now();
  env.server = await serve(path.join(env.dir, 'dist'));
  env.browser = await launch();
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  const w = page.locator('smi-assessment');
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.completed !== undefined);
  const completed = await page.evaluate(() => window.completed);
  assert.deepEqual([completed.category, completed.investment, completed.innovation], ['participant', 19, 84]);
  // The one mounted with mount() beside it, in Arabic.
  const mounted = page.locator('#mounted .smi:not([data-first-screen])');
  await mounted.locator('.smi-button--primary').waitFor();
  assert.equal(await mounted.getAttribute('dir'), 'rtl');
  assert.equal(await page.evaluate(() => window.smiVersion), version);
  assert.deepEqual(errors, []);
  timings['browser journey'] = Date.now() - started;
});

test('imported on a server the package defines nothing; React renders the element there, and the page completes in Chromium', async () => {
  const script = `
    import * as smi from 'smi-widget';
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    const html = renderToString(createElement('smi-assessment', { company: 'Harbour & Lane', lead: 'after' }));
    console.log(JSON.stringify({ exports: Object.keys(smi).sort(), version: smi.version, html,
      customElements: typeof globalThis.customElements, window: typeof globalThis.window }));`;
  const out = JSON.parse(sh('node', ['--input-type=module', '-e', script]));
  assert.deepEqual(out.exports, ['checkOptions', 'checkQuestionnaire', 'mount', 'version', 'wasmExports']);
  assert.equal(out.version, version);
  assert.deepEqual([out.customElements, out.window], ['undefined', 'undefined'], 'nothing defined on the server');
  assert.equal(out.html, '<smi-assessment company="Harbour &amp; Lane" lead="after"></smi-assessment>');

  // The server's page, with the package's files beside it, comes alive in the browser.
  const files = path.join(env.dir, 'node_modules/smi-widget');
  const server = await serve(files);
  server.pages['/ssr.html'] = {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title>
      <script type="module" src="/smi-widget.js"></script></head><body>${out.html}
      <script>document.addEventListener('smi:complete', (e) => { window.completed = e.detail; });</script></body></html>`,
  };
  env.browser ??= await launch();
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}ssr.html`);
  const w = page.locator('smi-assessment');
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.completed !== undefined);
  assert.equal(await w.locator('.smi-brand__name').textContent(), 'Harbour & Lane');
  assert.deepEqual(errors, []);
  await page.close();
  await server.close();
});

test('React hydrates the server-rendered element in Chromium with no mismatch, and the page completes', async () => {
  const html = JSON.parse(sh('node', ['--input-type=module', '-e', `
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    console.log(JSON.stringify(renderToString(createElement('smi-assessment', { company: 'Harbour & Lane', lead: 'after' }))));`]));
  // Vite's page for the client, with the server's markup where it goes.
  const built = fs.readFileSync(path.join(env.dir, 'dist/ssr.html'), 'utf8');
  assert.ok(built.includes('<!--app-->'), built);
  env.server.pages['/hydrated.html'] = { body: built.replace('<!--app-->', () => html) };
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${env.server.url}hydrated.html`);
  await page.waitForFunction(() => window.hydrated === true);
  const w = page.locator('smi-assessment');
  await finish(w, PARTICIPANT);
  // The listener React attached through its ref heard the result.
  await page.waitForFunction(() => window.completed !== undefined);
  const completed = await page.evaluate(() => window.completed);
  assert.deepEqual([completed.category, completed.investment, completed.innovation], ['participant', 19, 84]);
  assert.equal(await w.locator('.smi-brand__name').textContent(), 'Harbour & Lane');
  // No mismatch: React did not have to throw the server's markup away and render it again.
  assert.deepEqual(await page.evaluate(() => window.recoverable), []);
  assert.deepEqual(problems, []);
  await page.close();
});
