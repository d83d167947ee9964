// Hostile input and a hostile host, in the browser: query parameters of the iframe page that
// would be event handlers or styles, a page that enforces Trusted Types, damaged copies of the
// lead outbox, characters XML forbids in the card, a custom questionnaire that claims the
// shipped one's id, and personal data that must stay out of window.dataLayer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillForm, finish, hostPage, useServerAndBrowser, widget, widgetReady } from './browser.mjs';
// The option list generated from the engine's table (a native test keeps it equal).
import { OPTIONS } from '../../src/js/facts.js';

const env = useServerAndBrowser();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// 13 investment items, then 14 innovation items: Participant, investment 19, innovation 84.
const PROFILE = '1010101010101' + '23232323232323';

/** A host page holding `body`, served with `headers`; problems are the console's errors and
 * warnings and uncaught exceptions. */
async function open(body, { headers = {}, lang, init, contextOptions = {}, hold } = {}) {
  const name = `/hostile-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = { body: hostPage(body, { lang }), headers };
  const context = await env.browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
  if (init) await context.addInitScript(init);
  let release = () => {};
  if (hold) {
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/smi_widget_bg.wasm', async (route) => { await held; await route.continue(); });
  }
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context, problems, release };
}

test('the iframe page sets only known options: handlers, styles and odd names run nothing and are reported', async () => {
  const query = new URLSearchParams([
    ['company', 'Frame Co'],
    ['ctaLabel', 'Book a call'],
    ['cta-url', 'https://example.com/call'],
    ['onfocus', 'window.top.xss = "onfocus"'],
    ['autofocus', '1'],
    ['tabindex', '0'],
    ['onmouseover', 'window.top.xss = "onmouseover"'],
    ['ONCLICK', 'window.top.xss = "ONCLICK"'],
    ['onContentVisibilityAutoStateChange', 'window.top.xss = "cv"'],
    ['style', 'position:fixed;inset:0;z-index:2147483647;content-visibility:auto'],
    ['a b', '1'],
    ['__proto__', 'x'],
    ['', 'empty'],
  ]);
  const { page, context, problems } = await open(`
    <iframe id="f" title="SMI" style="width: 700px; height: 700px; border: 0" src="/frame.html?${query}"></iframe>
    <script>
      window.messages = [];
      addEventListener('message', (e) => messages.push(e.data));
    </script>`);
  const frame = page.frameLocator('#f');
  const w = frame.locator('smi-assessment');
  await w.locator('.smi:not([data-first-screen]) .smi-button').first().waitFor();
  // Every handler's chance: hover, focus, a click on Start, keyboard focus moving through.
  await w.hover();
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  await w.getByRole('radio').first().waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.mouse.click(5, 5);
  assert.equal(await page.evaluate(() => window.xss), undefined, 'no handler ran');
  const attributes = await w.evaluate((e) => e.getAttributeNames().sort());
  assert.deepEqual(attributes, ['company', 'cta-label', 'cta-url']);
  // Each unknown parameter is reported, by name, as the widget reports an unknown option.
  await page.waitForFunction(() => messages.filter((m) => m.name === 'smi:error').length >= 10);
  const reported = await page.evaluate(() => messages.filter((m) => m.name === 'smi:error').map((m) => m.detail));
  for (const name of ['onfocus', 'autofocus', 'tabindex', 'onmouseover', 'ONCLICK', 'onContentVisibilityAutoStateChange', 'style', 'a b', '__proto__', '']) {
    assert.ok(reported.some((d) => d.code === 'invalid-option' && d.message.startsWith(`option "${name}": is not an option of this widget`)),
      `${name} is reported: ${JSON.stringify(reported)}`);
  }
  assert.ok(reported.every((d) => d.message.includes(OPTIONS.join(', '))), 'the message lists the options');
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  await context.close();
});

test('the iframe page with only a malformed parameter still shows the widget', async () => {
  const { page, context } = await open('<iframe id="f" title="SMI" style="width: 700px; height: 600px; border: 0" src="/frame.html?a%20b=1&%3Cx%3E=2"></iframe>');
  await page.frameLocator('#f').getByRole('button', { name: 'Start the assessment' }).waitFor();
  await context.close();
});

const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types smi-widget";

for (const [lang, heading] of [['en', 'Start the assessment'], ['ar', null]]) {
  test(`under Trusted Types (${lang}) the first screen shows, the widget takes over, and the card exports`, async () => {
    env.server.pages['/tt-logo.svg'] = {
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#ff0000"/></svg>',
      headers: { 'content-type': 'image/svg+xml' },
    };
    const { page, context, problems, release } = await open(`<smi-assessment lang="${lang}" logo="/tt-logo.svg"></smi-assessment>`, {
      headers: { 'content-security-policy': TRUSTED_TYPES },
      lang,
      hold: true,
      contextOptions: { acceptDownloads: true },
      init: () => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));
      },
    });
    // The control: the page refuses markup from a string.
    const refused = await page.evaluate(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return false; } catch { return true; } });
    assert.ok(refused, 'Trusted Types are enforced');
    await page.evaluate(() => { window.violations = []; });
    problems.length = 0; // the control's own console error
    const first = page.locator('smi-assessment .smi[data-first-screen]');
    await first.getByRole('button').first().waitFor();
    if (heading) assert.equal(await first.getByRole('button', { name: heading }).count(), 1);
    release();
    await widgetReady(page);
    assert.equal(await first.count(), 0, 'the widget took the first screen\'s place');
    const w = widget(page);
    await w.locator('.smi .smi-button--primary').first().click();
    for (const d of PROFILE) {
      await w.getByRole('radio').nth(Number(d)).check();
      await w.locator('button[type=submit]').click();
    }
    await w.locator('.smi-score__number').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('button', { name: lang === 'en' ? 'Download image' : 'نزّل الصورة' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.png$/);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('where the page does not allow the widget\'s policy, the widget mounts without its first screen and says why', async () => {
  const { page, context, problems } = await open('<smi-assessment></smi-assessment>', {
    headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types other-policy" },
  });
  await widgetReady(page);
  await widget(page).getByRole('button', { name: 'Start the assessment' }).click();
  await widget(page).getByRole('radio').first().waitFor();
  assert.ok(problems.some((p) => p.startsWith('warning: SMI widget: the first screen is left out')), problems.join('\n'));
  await context.close();
});

test('"Delete my data" removes every key the widget wrote, damaged outbox copies too; old copies expire', async () => {
  const day = 24 * 60 * 60 * 1000;
  const { page, context } = await open('<smi-assessment lead="after"></smi-assessment>');
  const now = await page.evaluate(() => Date.now());
  const keys = {
    fresh: `smi-widget:outbox:damaged:${now - 2 * day}`,
    old: `smi-widget:outbox:damaged:${now - 31 * day}`,
    future: `smi-widget:outbox:damaged:${now + 400 * day}`,
    garbled: 'smi-widget:outbox:damaged:soon',
  };
  await page.evaluate((keys) => {
    for (const key of Object.values(keys)) localStorage.setItem(key, '{"v":1,"leads":[{"email":"ada@example.com"}');
    localStorage.setItem('smi-widget:custom:other:0123456789abcdef', '{"v":1}');
    localStorage.setItem('host-app:settings', 'kept');
  }, keys);
  await page.reload();
  await widgetReady(page);
  const stored = () => page.evaluate(() => Object.keys(localStorage).sort());
  const afterLoad = await stored();
  assert.ok(afterLoad.includes(keys.fresh), 'a copy from two days ago is kept');
  for (const key of [keys.old, keys.future, keys.garbled]) assert.ok(!afterLoad.includes(key), `${key} has expired`);

  const w = widget(page);
  await finish(w, PROFILE);
  assert.ok((await stored()).includes('smi-widget:smi'), 'progress is stored');
  await w.getByRole('button', { name: 'Delete my data' }).click();
  await w.getByRole('status').filter({ hasText: 'has been deleted' }).waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('smi-widget')));
  assert.deepEqual(await stored(), ['host-app:settings'], 'only the host page\'s own key is left');
  await context.close();
});

test('a company name with characters XML forbids still exports the card as a PNG', async () => {
  // Character references: the HTML parser keeps noncharacters and controls as they are.
  const { page, context, problems } = await open('<smi-assessment company="Bad&#xFFFF;&#xFFFE;&#x1; Co"></smi-assessment>', { contextOptions: { acceptDownloads: true } });
  await widgetReady(page);
  const w = widget(page);
  await finish(w, PROFILE);
  assert.equal(await w.locator('.smi-brand__name').textContent(), 'Bad\uFFFF\uFFFE\u0001 Co', 'the page shows the text as given');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Download image' }).click(),
  ]);
  const png = await fs.readFile(await download.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(await w.getByText('The image could not be made').count(), 0);
  assert.deepEqual(problems.filter((p) => !p.includes('option')), []);
  await context.close();
});

test("a custom questionnaire that claims the id `smi` leaves the shipped one's progress alone", async () => {
  const shipped = JSON.parse(await fs.readFile(path.join(ROOT, 'engine/content/questionnaire.en.json'), 'utf8'));
  const impostor = structuredClone(shipped);
  impostor.items[0].prompt = 'An impostor asks first';
  impostor.items.pop();
  env.server.pages['/impostor.json'] = { body: JSON.stringify(impostor), headers: { 'content-type': 'application/json' } };
  const real = await open('<smi-assessment></smi-assessment>');
  const w = widget(real.page);
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  for (const d of '210') {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.getByRole('button', { name: 'Next' }).click();
  }
  const progress = await real.page.evaluate(() => localStorage.getItem('smi-widget:smi'));
  assert.ok(progress, 'the shipped questionnaire saved its progress');

  // The same site, another page: the impostor, answered a little.
  const other = await real.context.newPage();
  env.server.pages['/impostor.html'] = { body: hostPage('<smi-assessment questionnaire="/impostor.json"></smi-assessment>') };
  await other.goto(`${env.server.url}impostor.html`);
  const o = widget(other);
  await o.getByRole('button', { name: 'Start the assessment' }).click();
  await o.getByText('An impostor asks first').waitFor();
  await o.getByRole('radio').nth(3).check();
  await o.getByRole('button', { name: 'Next' }).click();
  await o.getByText(/Question 2 of 26/).waitFor();
  assert.equal(await other.evaluate(() => localStorage.getItem('smi-widget:smi')), progress, 'untouched');
  assert.equal(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('smi-widget:custom:smi:')).length), 1);

  // Back on the real one: it resumes where the visitor left it.
  await real.page.reload();
  await widgetReady(real.page);
  await w.getByText(/Question 4 of 27/).waitFor();
  await real.context.close();
});

test('with analytics="datalayer", dataLayer gets the lead\'s id and result and none of what the visitor typed', async () => {
  const { page, context } = await open(`<script>
      window.leads = [];
      document.addEventListener('smi:lead', (e) => leads.push(e.detail));
    </script><smi-assessment analytics="datalayer" lead="after" lead-fields="name,email*,company,role,size"></smi-assessment>`);
  const w = widget(page);
  await finish(w, PROFILE);
  await fillForm(w);
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await page.waitForFunction(() => window.leads.length === 1);
  const [lead] = await page.evaluate(() => window.leads);
  assert.equal(lead.lead.email, 'ada@example.com', 'the host page\'s own event keeps the fields');
  const layer = await page.evaluate(() => window.dataLayer);
  const pushed = layer.find((e) => e.event === 'smi:lead');
  assert.deepEqual(Object.keys(pushed.smi).sort(), ['lead_id', 'result']);
  assert.equal(pushed.smi.lead_id, lead.lead_id);
  assert.equal(pushed.smi.result.category, 'participant');
  const text = JSON.stringify(layer);
  for (const typed of ['ada@example.com', 'Ada Lovelace', 'Analytical Ltd']) assert.ok(!text.includes(typed), `${typed} is not in dataLayer`);
  await context.close();
});
