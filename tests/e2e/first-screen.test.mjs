// The first screen: the intro paints from the loader, before the wasm arrives; the widget
// then takes its place without a pixel changing; a Start click made in between is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage, pixelDifference, useServerAndBrowser, widget } from './browser.mjs';

const env = useServerAndBrowser();

/** A page whose wasm is held back until `release()` is called; in `context` if given. */
async function open(attributes = '', { lang = 'en', context: given, hash = '' } = {}) {
  const name = `/first-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = { body: hostPage(`<smi-assessment ${attributes}></smi-assessment>`, { lang }) };
  const context = given ?? await env.browser.newContext({ viewport: { width: 800, height: 900 }, reducedMotion: 'reduce' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.unroute('**/smi_widget_bg.wasm');
  await context.route('**/smi_widget_bg.wasm', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(env.server.url.replace(/\/$/, '') + name + hash);
  return { page, context, release, problems };
}

const first = (page) => page.locator('smi-assessment .smi[data-first-screen]');

/** Waits past the frame in which the loader would show a first screen (it shows it at the
 * start of the next animation frame after the element connects), and one more. */
const pastFirstFrames = (page) => page.evaluate(() => customElements.whenDefined('smi-assessment')
  .then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))));
const live = (page) => page.locator('smi-assessment .smi:not([data-first-screen])');

for (const [what, attributes, lang] of [
  ['English', '', 'en'],
  ['Arabic, a dark theme and an accent', 'lang="ar" theme="dark" accent="#e0a030"', 'ar'],
  ['Persian with a lead form', 'lang="fa" lead="after"', 'fa'],
]) {
  test(`${what}: the first screen is there before the wasm, and the swap changes no pixel`, async () => {
    const { page, context, release, problems } = await open(attributes);
    await first(page).getByRole('button').first().waitFor();
    assert.equal(await first(page).getAttribute('lang'), lang);
    assert.equal(await live(page).count(), 0, 'no widget yet: its wasm is held back');
    const before = await page.locator('smi-assessment').screenshot({ animations: 'disabled' });
    release();
    await live(page).getByRole('button').first().waitFor();
    assert.equal(await first(page).count(), 0, 'the first screen is gone');
    assert.equal(await page.locator('smi-assessment .smi-pending').count(), 0);
    const after = await page.locator('smi-assessment').screenshot({ animations: 'disabled' });
    assert.equal(await pixelDifference(page, before, after), 0);
    // A light accent is used but warned about (it lacks contrast with white); its text is dark.
    assert.deepEqual(problems.filter((p) => !p.includes('has a contrast of')), []);
    await context.close();
  });
}

test('a Start click before the wasm is ready is kept and acted on', async () => {
  const { page, context, release } = await open();
  await first(page).getByRole('button', { name: 'Start the assessment' }).click();
  release();
  await live(page).getByText('Question 1 of 27').waitFor();
  // Focus moves to the question's heading, as after any Start.
  await page.waitForFunction(() => document.querySelector('smi-assessment').shadowRoot
    .activeElement?.classList.contains('smi-question__prompt'), null, { timeout: 5000, polling: 100 });
  await context.close();
});

test('no first screen where the widget will not start on the intro: saved progress, a share link', async () => {
  const { page, context, release } = await open('id="saved"');
  await first(page).waitFor();
  release();
  await live(page).getByRole('button', { name: 'Start the assessment' }).click();
  await live(page).getByRole('radio').first().check();
  // The next visit in the same browser: progress is saved, so the widget reopens the question.
  const again = await open('id="saved"', { context });
  await pastFirstFrames(again.page);
  assert.equal(await first(again.page).count(), 0, 'saved progress: no first screen');
  again.release();
  await live(again.page).getByText('Question 1 of 27').waitFor();
  await context.close();

  const shared = await open('', { hash: '#smi=1O7u7uREREamd' });
  await pastFirstFrames(shared.page);
  assert.equal(await first(shared.page).count(), 0, 'a share link opens a card, not the intro');
  shared.release();
  await widget(shared.page).getByRole('heading', { name: /Your social maturity/ }).waitFor();
  await shared.context.close();
});

test('no first screen for a custom questionnaire, an accent that is not #rrggbb, or mount()', async () => {
  // The same page shows one where nothing excludes it: the check can fail.
  const control = await open('');
  await pastFirstFrames(control.page);
  assert.equal(await first(control.page).count(), 1, 'a plain element gets the first screen');
  control.release();
  await control.context.close();

  env.server.pages['/first-custom.json'] = {
    body: await (await fetch(`${env.server.url}examples/benchmark-sample.json`)).text(),
  };
  for (const [what, attributes] of [
    ['a custom questionnaire', 'questionnaire="/first-custom.json"'],
    ['a named colour', 'accent="teal"'],
    ['a three-digit colour', 'accent="#0a6"'],
  ]) {
    const { page, context, release } = await open(attributes);
    await pastFirstFrames(page);
    assert.equal(await first(page).count(), 0, what);
    release();
    await context.close();
  }

  const name = `/first-mount-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = {
    body: hostPage(`<div id="host"></div><script type="module">
      import { mount } from '/smi-widget.js';
      window.mounted = mount(document.getElementById('host'), {});
    </script>`),
  };
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/smi_widget_bg.wasm', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  await pastFirstFrames(page);
  assert.equal(await page.locator('#host .smi[data-first-screen]').count(), 0, 'mount() from script');
  release();
  await page.locator('#host .smi:not([data-first-screen]) .smi-button').first().waitFor();
  await context.close();
});
