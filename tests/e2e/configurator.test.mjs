// The configurator: options change the live preview; the copied snippet, pasted into a
// fresh page, gives the same widget; warnings for choices that hurt; a configuration
// exported as JSON imports identically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
const SAMPLE = '#smi=1O7u7uREREamd';

async function openConfigurator(query = '') {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.url}configurator.html${query}`);
  await page.locator('#preview .smi-button--primary').waitFor();
  return { page, context, errors };
}

const formValues = (page) => page.evaluate(() =>
  Object.fromEntries([...document.getElementById('options').elements]
    .filter((el) => el.name)
    .map((el) => [el.name, el.type === 'checkbox' ? el.checked : el.value])));

const previewRoot = (page) => page.locator('#preview .smi');

test('options change the preview, and the copied snippet behaves the same in a fresh page', async () => {
  const { page, context, errors } = await openConfigurator();
  await page.selectOption('select[name=lang]', 'ru');
  await page.fill('input[name=accent]', '#0f6e5a');
  await page.fill('input[name=company]', 'Harbour & Lane');
  await page.fill('input[name=ctaLabel]', 'Book a call');
  await page.fill('input[name=ctaUrl]', 'https://example.com/call');
  await page.waitForFunction(() => document.querySelector('#preview')?.shadowRoot?.querySelector('.smi')?.getAttribute('lang') === 'ru');
  const start = page.locator('#preview .smi:not([data-first-screen]) .smi-button--primary');
  await start.filter({ hasText: 'Начать оценку' }).waitFor();
  assert.equal(await start.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(15, 110, 90)');
  await page.click('#show-card');
  await page.locator('#preview').getByRole('link', { name: 'Book a call' }).waitFor();
  await page.locator('#preview').getByText('Harbour & Lane', { exact: true }).waitFor();
  assert.deepEqual(await page.locator('#warnings li').allTextContents(), []);

  await page.click('[data-copy=snippet]');
  await page.locator('#copy-status').filter({ hasText: 'Copied.' }).waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.inputValue('#snippet'));
  assert.match(snippet, /lang="ru"/);
  const { files } = JSON.parse(await (await fetch(`${env.server.url}integrity.json`)).text());
  assert.ok(snippet.includes(`integrity="${files['smi-widget.js']}" crossorigin="anonymous"`), snippet);
  assert.match(snippet, /company="Harbour &amp; Lane"/);
  assert.match(await page.inputValue('#csp'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(await page.inputValue('#iframe'), /frame\.html\?lang=ru&amp;accent=%230f6e5a/);

  // The snippet, pasted as it is into a page of its own.
  env.server.pages['/pasted.html'] = { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body>${snippet}</body></html>` };
  const pasted = await context.newPage();
  await pasted.goto(`${env.server.url}pasted.html${SAMPLE}`);
  const w = pasted.locator('smi-assessment');
  await w.getByRole('link', { name: 'Book a call' }).waitFor();
  assert.equal(await w.locator('.smi').getAttribute('lang'), 'ru');
  assert.equal(await w.getByRole('link', { name: 'Book a call' }).getAttribute('href'), 'https://example.com/call');
  const accent = await w.locator('.smi-cta').evaluate((a) => getComputedStyle(a).backgroundColor);
  assert.equal(accent, 'rgb(15, 110, 90)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('choices that would hurt are warned about, with the fix', async () => {
  const { page, context } = await openConfigurator();
  await page.fill('input[name=accent]', '#ffd23f');
  await page.fill('input[name=leadEndpoint]', 'http://crm.example/hook');
  await page.waitForFunction(() => document.querySelectorAll('#warnings li').length >= 3);
  const warnings = (await page.locator('#warnings li').allTextContents()).join('\n');
  assert.match(warnings, /"accent": #ffd23f has a contrast of 1\.4:1 .* #[0-9a-f]{6} is the nearest shade/);
  assert.match(warnings, /"lead-endpoint": .* is not https/);
  assert.match(warnings, /the lead form is off/);
  await page.fill('#questionnaire-text', '{"format_version": 1, "id": "x", "title": "t", "pillars": [], "items": [], "categories": []}');
  await page.locator('#questionnaire-problems li').first().waitFor();
  assert.ok((await page.locator('#questionnaire-problems li').count()) >= 2, 'every problem listed');
  assert.deepEqual(await axeViolations(page), [], 'the configurator itself');
  await context.close();
});

test('an exported configuration imports identically, and the address carries it', async () => {
  const { page, context } = await openConfigurator();
  await page.selectOption('select[name=theme]', 'dark');
  await page.fill('input[name=company]', 'Northwind');
  await page.selectOption('select[name=lead]', 'after');
  await page.fill('input[name=leadFields]', 'name*,email,size');
  await page.check('input[name=analytics]');
  await page.waitForFunction(() => location.search.includes('lead=after') && location.search.includes('analytics='));
  const exported = await page.inputValue('#config-json');
  const values = await formValues(page);
  const address = page.url();

  const other = await openConfigurator();
  await other.page.fill('#config-json', exported);
  await other.page.click('#import');
  await other.page.locator('#import-status').filter({ hasText: 'Imported.' }).waitFor();
  assert.deepEqual(await formValues(other.page), values);
  await other.context.close();

  const shared = await openConfigurator(new URL(address).search);
  assert.deepEqual(await formValues(shared.page), values, 'the address alone restores it');
  assert.equal(await shared.page.locator('#preview .smi').getAttribute('data-theme'), 'dark');
  await shared.context.close();
  await context.close();
});

test('the preview compares with a sample pack until the host gives one, which goes into the snippet and CSP', async () => {
  const { page, context, errors } = await openConfigurator();
  await page.click('#show-card');
  const ahead = page.locator('#preview .smi-compare__ahead');
  await ahead.first().waitFor();
  assert.equal(await ahead.count(), 2);
  assert.match(await ahead.first().textContent(), /^Ahead of \d+%$/);
  assert.equal(await page.locator('#preview .smi-compare__base').textContent(), 'Compared with 212 companies in \u2068a sample group (illustrative data)\u2069');
  assert.doesNotMatch(await page.inputValue('#snippet'), /benchmark/, 'the sample is the preview\'s only');

  await page.fill('input[name=benchmark]', 'https://data.example/retail-2026.json');
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('benchmark='));
  assert.match(await page.inputValue('#snippet'), /benchmark="https:\/\/data\.example\/retail-2026\.json"/);
  assert.match(await page.inputValue('#csp'), /connect-src [^;]*https:\/\/data\.example/);
  assert.deepEqual(errors, []);
  await context.close();
});
