// Embedding: the widget in host pages a consultancy would write, including hostile CSS, a
// strict Content-Security-Policy, several instances, dynamic mounting, events, bad options
// and an iframe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, hostPage, pixelDifference, useServerAndBrowser, widget, widgetReady, SCREENSHOTS } from './browser.mjs';

const env = useServerAndBrowser();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// 13 investment items, then 14 innovation items: Participant, investment 19, innovation 84.
const PROFILE = '1010101010101' + '23232323232323';
const EVENTS = ['smi:ready', 'smi:start', 'smi:answer', 'smi:complete', 'smi:share', 'smi:error'];

// Records every smi:* event that reaches the document (so: bubbling and composed).
const RECORDER = `<script>
  window.smiEvents = [];
  for (const name of ${JSON.stringify(EVENTS)}) {
    document.addEventListener(name, (e) => smiEvents.push({ name, target: e.target.id, detail: e.detail }));
  }
  // Share links would leave the page; the widget still sees the click.
  document.addEventListener('click', (e) => { if (e.composedPath()[0].href) e.preventDefault(); }, true);
</script>`;

async function open(body, options = {}, contextOptions = {}) {
  const name = `/host-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = { body: hostPage(body, options), headers: options.headers ?? {} };
  const context = await env.browser.newContext(contextOptions);
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => problems.push(`${m.type()}: ${m.text()}`));
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context, problems };
}

const events = (page, name) =>
  page.evaluate((n) => window.smiEvents.filter((e) => !n || e.name === n), name);

test('every event reaches the host page with its payload, and dataLayer gets them too', async () => {
  const { page, context } = await open(
    `${RECORDER}<smi-assessment id="w" analytics="datalayer"></smi-assessment>`,
  );
  const w = widget(page);
  await finish(w, PROFILE);
  const all = await events(page);
  const names = all.map((e) => e.name);
  assert.deepEqual(names.slice(0, 2), ['smi:ready', 'smi:start']);
  assert.equal(names.filter((n) => n === 'smi:answer').length, 27);
  assert.equal(names.at(-1), 'smi:complete');
  assert.ok(all.every((e) => e.target === 'w'), 'dispatched on the element');
  const { version } = JSON.parse(await fs.readFile(path.join(ROOT, 'dist/integrity.json'), 'utf8'));
  assert.deepEqual(all[0].detail, { questionnaire: 'smi', items: 27, lang: 'en', version });
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.equal(await page.evaluate(async () => (await import('/smi-widget.js')).version), version, 'the loader\'s version export');
  assert.deepEqual(all[1].detail, { questionnaire: 'smi', resumed: false });
  const lastAnswer = all.filter((e) => e.name === 'smi:answer').at(-1).detail;
  assert.deepEqual(
    { index: lastAnswer.index, choice: lastAnswer.choice, answered: lastAnswer.answered, total: lastAnswer.total },
    { index: 26, choice: 3, answered: 27, total: 27 },
  );
  const done = all.at(-1).detail;
  assert.equal(done.category, 'participant');
  assert.equal(done.category_name, 'Participant');
  assert.deepEqual([done.investment, done.innovation], [19, 84]);
  assert.equal(Object.keys(done.answers).length, 27);
  assert.equal(done.pillars.length, 3);
  const link = await w.getByRole('textbox', { name: 'Link to your result' }).inputValue();
  assert.equal(done.share_url, link);

  await w.getByRole('link', { name: 'Share on LinkedIn' }).click();
  assert.deepEqual((await events(page, 'smi:share')).map((e) => e.detail), [{ method: 'linkedin', url: link }]);

  const layer = await page.evaluate(() => window.dataLayer.map((e) => e.event));
  assert.deepEqual(layer, names.concat('smi:share'));
  await context.close();
});

test('attributes brand the widget: company, logo, accent with readable text, call to action', async () => {
  const { page, context, problems } = await open(
    `<smi-assessment company="Harbour &amp; Lane" accent="#ffd23f" logo="/logo.svg"
       cta-label="Book a call" cta-url="https://example.com/call"
       share-url="https://example.com/smi"></smi-assessment>`,
  );
  const w = widget(page);
  // The widget itself, not the loader's first screen, which it replaces within a frame.
  await widgetReady(page);
  const start = w.getByRole('button', { name: 'Start the assessment' });
  const colours = await start.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
  assert.deepEqual(colours, ['rgb(255, 210, 63)', 'rgb(17, 17, 17)'], 'dark text on a light accent');
  await finish(w, PROFILE);
  await w.getByText('Harbour & Lane', { exact: true }).waitFor();
  assert.equal(await w.locator('.smi-brand__logo').getAttribute('src'), '/logo.svg');
  assert.equal(await w.getByRole('link', { name: 'Book a call' }).getAttribute('href'), 'https://example.com/call');
  const link = await w.getByRole('textbox', { name: 'Link to your result' }).inputValue();
  assert.match(link, /^https:\/\/example\.com\/smi#smi=1[\w-]{12}$/);
  // The accent is too light for bars on white: the host is told, with a shade that works.
  assert.ok(problems.some((p) => /warning: .*"accent": #ffd23f has a contrast of 1\.\d:1.*#[0-9a-f]{6} is the nearest/.test(p)), problems.join('\n'));
  await context.close();
});

test('invalid options fall back with warnings that name them, and the widget still works', async () => {
  const { page, context, problems } = await open(
    `${RECORDER}<smi-assessment theme="purple" cta-url="javascript:alert(1)" colour="red"></smi-assessment>`,
  );
  const w = widget(page);
  await widgetReady(page);
  for (const option of ['theme', 'cta-url', 'colour']) {
    assert.ok(problems.some((p) => p.startsWith('warning:') && p.includes(`option "${option}"`)), `${option}: ${problems.join('\n')}`);
  }
  const errors = await events(page, 'smi:error');
  assert.deepEqual(errors.map((e) => e.detail.code), ['invalid-option', 'invalid-option', 'invalid-option']);
  assert.equal(await w.locator('.smi').getAttribute('data-theme'), 'light');
  await context.close();
});

test('a custom questionnaire is used, and a broken one is listed problem by problem', async () => {
  const shipped = JSON.parse(await fs.readFile(path.join(ROOT, 'engine/content/questionnaire.en.json'), 'utf8'));
  const custom = structuredClone(shipped);
  custom.id = 'harbour-smi';
  custom.items[0].prompt = 'Who answers customers on social media at Harbour?';
  env.server.pages['/custom.json'] = { body: JSON.stringify(custom), headers: { 'content-type': 'application/json' } };
  const broken = structuredClone(shipped);
  broken.items[0].weight = 9;
  broken.items[1].choices = [];
  env.server.pages['/broken.json'] = { body: JSON.stringify(broken) };

  const { page, context } = await open(`${RECORDER}
    <smi-assessment id="custom" questionnaire="/custom.json"></smi-assessment>
    <smi-assessment id="broken" questionnaire="/broken.json"></smi-assessment>
    <smi-assessment id="missing" questionnaire="/missing.json"></smi-assessment>`);
  const custom1 = page.locator('#custom');
  await custom1.getByRole('button', { name: 'Start the assessment' }).click();
  await custom1.getByRole('heading', { name: 'Who answers customers on social media at Harbour?' }).waitFor();

  const alert = page.locator('#broken').getByRole('alert');
  await alert.waitFor();
  const items = await alert.getByRole('listitem').allTextContents();
  assert.equal(items.length, 2, items.join('\n'));
  assert.match(items[0], /^items\[0\]\.weight: /);
  assert.match(items[1], /^items\[1\]\.choices: /);

  const missing = await page.locator('#missing').getByRole('alert').textContent();
  assert.match(missing, /missing\.json answered HTTP 404/);
  const codes = (await events(page, 'smi:error')).map((e) => `${e.target}:${e.detail.code}`).sort();
  assert.deepEqual(codes, ['broken:invalid-questionnaire', 'missing:invalid-questionnaire']);
  await context.close();
});

test('two instances keep separate state, also after a reload', async () => {
  const { page, context } = await open(
    `<smi-assessment id="one"></smi-assessment><smi-assessment id="two"></smi-assessment>`,
  );
  const [one, two] = [page.locator('#one'), page.locator('#two')];
  await one.getByRole('button', { name: 'Start the assessment' }).click();
  await one.getByRole('radio').nth(2).check();
  await one.getByRole('button', { name: 'Next' }).click();
  await one.getByRole('radio').nth(1).check();
  await two.getByRole('button', { name: 'Start the assessment' }).waitFor();
  await page.reload();
  await one.getByRole('progressbar').waitFor();
  assert.equal(await one.getByRole('progressbar').getAttribute('aria-valuetext'), 'Question 2 of 27');
  assert.equal(await one.getByRole('radio').nth(1).isChecked(), true);
  await two.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(await two.getByRole('button', { name: 'Continue where you left off' }).count(), 0);
  await context.close();
});

test('elements added and removed by a single-page app mount and unmount cleanly', async () => {
  const { page, context, problems } = await open('<div id="app"></div>');
  const counts = await page.evaluate(async () => {
    const app = document.getElementById('app');
    const seen = [];
    for (let i = 0; i < 10; i++) {
      const el = document.createElement('smi-assessment');
      app.append(el);
      await new Promise((resolve) => el.addEventListener('smi:ready', resolve, { once: true }));
      seen.push(el.shadowRoot.querySelectorAll('.smi').length);
      el.remove();
      seen.push(el.shadowRoot.querySelectorAll('.smi').length);
    }
    return seen;
  });
  assert.deepEqual(counts, Array(10).fill([1, 0]).flat());

  // The JS API: mount(element, options) and destroy().
  const api = await page.evaluate(async () => {
    const { mount } = await import('/smi-widget.js');
    const div = document.createElement('div');
    document.body.append(div);
    const handle = await mount(div, { company: 'Api Co', theme: 'dark' });
    // Rendered: its first button is there.
    while (!div.shadowRoot.querySelector('.smi button')) await new Promise((resolve) => requestAnimationFrame(resolve));
    const theme = div.shadowRoot.querySelector('.smi').dataset.theme;
    handle.destroy();
    return { theme, left: div.shadowRoot.childElementCount };
  });
  assert.deepEqual(api, { theme: 'dark', left: 0 });
  assert.deepEqual(problems.filter((p) => !p.startsWith('info')), []);
  await context.close();
});

test('lazy waits for the element to scroll into view before loading the wasm', async () => {
  const { page, context } = await open('<div style="height: 3000px"></div><smi-assessment lazy></smi-assessment>');
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  // The element is defined and its observer has had a frame to report it out of view.
  await page.evaluate(() => customElements.whenDefined('smi-assessment')
    .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  assert.deepEqual(wasm, [], 'no wasm before it is needed');
  await page.locator('smi-assessment').scrollIntoViewIfNeeded();
  // The live widget, not the loader's first screen, which shows before the wasm is fetched.
  await widget(page).locator('.smi:not([data-first-screen])').getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(wasm.length, 1);
  await context.close();
});

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

test('under a strict CSP the assessment completes with no violation', async () => {
  const { page, context, problems } = await open(
    '<smi-assessment company="Strict Co"></smi-assessment>',
    {
      headers: { 'content-security-policy': STRICT_CSP },
      init: () => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    },
  );
  await finish(widget(page), PROFILE);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  // The control: the policy is in force, and a violation would have been seen.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{}' })));
  await page.waitForFunction(() => window.violations.length > 0);
  assert.match((await page.evaluate(() => window.violations))[0], /^style-src-elem inline/);
  await context.close();
});

const HOSTILE_CSS = `<style>
  html { font-size: 10px !important; }
  * { all: unset !important; font-family: "Comic Sans MS", cursive !important; color: red !important;
      line-height: 3 !important; letter-spacing: 2px !important; text-transform: uppercase !important; }
  body { display: block !important; margin: 0 !important; }
  div, section, p, button, svg, h2, ul, li { display: inline !important; border: 5px dashed lime !important; }
  smi-assessment { display: inline !important; font-size: 40px !important; visibility: visible; }
  button { background: black !important; min-height: 0 !important; }
  [hidden] { display: block !important; }
  .smi, .smi-button { display: none !important; }
</style>`;

test('hostile host CSS and a right-to-left host page do not change the widget', async () => {
  const shots = {};
  for (const [name, options] of Object.entries({
    plain: {},
    hostile: { head: HOSTILE_CSS },
    rtl: { lang: 'ar', dir: 'rtl' },
  })) {
    const { page, context } = await open(
      // lang="en": an Arabic page would otherwise, rightly, get the Arabic widget.
      '<div id="frame"><smi-assessment lang="en"></smi-assessment></div>',
      { ...options, head: `${options.head ?? ''}<style>#frame { width: 720px !important; display: block !important; }</style>` },
      { viewport: { width: 900, height: 900 }, reducedMotion: 'reduce' },
    );
    const w = widget(page);
    await w.getByRole('button', { name: 'Start the assessment' }).click();
    await w.getByRole('radio').nth(1).check();
    await w.getByRole('button', { name: 'Next' }).focus();
    shots[name] = await w.locator('.smi').screenshot({ animations: 'disabled' });
    if (name === 'hostile') await fs.writeFile(path.join(SCREENSHOTS, 'question-hostile-host.png'), shots[name]);
    if (process.env.SHOTS_DIR) await fs.writeFile(path.join(process.env.SHOTS_DIR, `${name}.png`), shots[name]);
    await context.close();
  }
  const page = await env.browser.newPage();
  assert.equal(await pixelDifference(page, shots.plain, shots.hostile), 0, 'hostile CSS');
  assert.equal(await pixelDifference(page, shots.plain, shots.rtl), 0, 'RTL host page');
  await page.close();
});

test('at 320 px nothing overflows and every control is at least 44 px tall, on every screen', async () => {
  const { page, context } = await open('<smi-assessment lead="after"></smi-assessment>', {}, {
    viewport: { width: 320, height: 720 }, deviceScaleFactor: 2, reducedMotion: 'reduce',
  });
  const w = widget(page);
  // Buttons, choices, links set apart as controls, fields and the consent box's label; a link
  // inside a sentence is text, not a target of its own (WCAG 2.5.8's inline exception).
  const measure = (screen) => page.evaluate((screen) => {
    const root = document.querySelector('smi-assessment').shadowRoot.querySelector('.smi');
    const inSentence = (el) => el.tagName === 'A' && el.closest('p, li') && el.parentElement.textContent.trim() !== el.textContent.trim();
    const targets = [...root.querySelectorAll('button, .smi-choice__label, a, input:not([type=checkbox]):not([type=radio]), select, textarea, label:has(input[type=checkbox])')]
      .filter((el) => el.getClientRects().length && !inSentence(el))
      .map((el) => ({ what: `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}"`, ...JSON.parse(JSON.stringify(el.getBoundingClientRect())) }));
    const small = targets.filter((r) => Math.min(r.height, r.width) < 44).map((r) => `${r.what} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    return { screen, count: targets.length, small, overflow: root.scrollWidth - root.clientWidth, pageOverflow: document.documentElement.scrollWidth - window.innerWidth };
  }, screen);
  const screens = [];
  await w.getByRole('button', { name: 'Start the assessment' }).waitFor();
  screens.push(await measure('intro'));
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  await w.getByRole('radio').nth(2).check();
  screens.push(await measure('question'));
  await w.locator('.smi').screenshot({ path: path.join(SCREENSHOTS, 'question-320.png') });
  for (let i = 0; i < 27; i++) {
    await w.getByRole('radio').nth(i % 3).check();
    await w.getByRole('button', { name: i === 26 ? 'See my result' : 'Next' }).click();
  }
  await w.getByRole('button', { name: 'Send me the report' }).waitFor();
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.locator('[aria-invalid=true]').first().waitFor();
  screens.push(await measure('result with the lead form and its errors'));
  for (const s of screens) {
    assert.ok(s.count > 0, `${s.screen}: controls found`);
    assert.deepEqual(s.small, [], `${s.screen}: controls under 44 px`);
    assert.equal(s.overflow, 0, `${s.screen}: overflow`);
    assert.equal(s.pageOverflow, 0, `${s.screen}: page overflow`);
  }
  await context.close();
});

test('the iframe page sizes itself to its content and forwards events to the parent', async () => {
  const { page, context } = await open(`
    <iframe id="f" title="SMI" style="width: 700px; height: 150px; border: 0"
      src="/frame.html?company=Frame%20Co"></iframe>
    <script>
      window.messages = [];
      addEventListener('message', (e) => {
        messages.push(e.data);
        if (e.data.type === 'smi:resize') document.getElementById('f').style.height = e.data.height + 'px';
      });
    </script>`);
  const frame = page.frameLocator('#f');
  await frame.getByRole('button', { name: 'Start the assessment' }).waitFor();
  await page.waitForFunction(() => messages.some((m) => m.type === 'smi:event' && m.name === 'smi:ready'));
  const height = await page.locator('#f').evaluate((f) => f.getBoundingClientRect().height);
  const content = await frame.locator('smi-assessment').evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(Math.abs(height - content) <= 2, `frame ${height}px, content ${content}px`);
  await context.close();
});

test('a trap in the wasm leaves the crash message in the widget, never a frozen box', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.server.url);
  const w = widget(page);
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  await w.getByRole('radio').first().waitFor();
  // A real trap from a task of its own, as a panic in an event handler would be: an
  // allocation the wasm cannot make aborts, and in the release build an abort is a trap.
  await page.evaluate(async () => {
    const wasm = await (await import('/smi-widget.js')).wasmExports();
    setTimeout(() => wasm.__wbindgen_malloc(0xfffffff0, 8));
  });
  await w.getByRole('alert').filter({ hasText: 'Sorry, the assessment stopped because of an error.' }).waitFor();
  assert.equal(await w.getByRole('radio').count(), 0, 'the question is gone');
  assert.ok(errors.some((t) => t.startsWith('SMI widget crashed: RuntimeError')), errors.join('\n'));
  // A trap of another wasm module on the page is not the widget's.
  await page.evaluate(() => new Promise((resolve) => {
    setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); });
    setTimeout(resolve);
  }));
  assert.equal(errors.filter((t) => t.startsWith('SMI widget crashed')).length, 1);
  await page.close();
});
