// Whole journeys against the built demo (dist/), by keyboard alone, finding elements by
// role and accessible name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, widget, widgetReady } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();

const ITEMS = 27;


/** The element focused inside the widget's shadow root, described for assertions. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent.trim(), type: el?.type };
  });
}

/** Tabs forward until the focused element's text matches `name` (at most 20 presses). */
async function tabTo(page, name) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (name.test((await focused(page)).text)) return;
  }
  assert.fail(`no focusable element named ${name}`);
}

/** Answers the question on screen with choice `k` (0-based) by keyboard, then goes on. */
async function answerByKeyboard(page, k, n) {
  const w = widget(page);
  await w.getByRole('heading', { level: 2 }).waitFor();
  const progress = w.getByRole('progressbar');
  assert.equal(await progress.getAttribute('aria-valuetext'), `Question ${n} of ${ITEMS}`);
  // Focus is on the question's heading; Tab enters the radio group.
  assert.equal((await focused(page)).tag, 'h2');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).type, 'radio');
  if (k === 0) await page.keyboard.press('Space');
  for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
  const radios = w.getByRole('radio');
  assert.equal(await radios.nth(k).isChecked(), true);
  await tabTo(page, n === ITEMS ? /^See my result$/ : /^Next$/);
  await page.keyboard.press('Enter');
}

async function checkResult(page, category, investment, innovation) {
  const w = widget(page);
  const heading = w.getByRole('heading', { name: `Your social maturity: ${category}` });
  await heading.waitFor();
  assert.equal((await focused(page)).text, `Your social maturity: ${category}`);
  const scores = await w.locator('.smi-score__number').allTextContents();
  assert.deepEqual(scores, [String(investment), String(innovation)]);
  const matrix = `investment ${investment}, innovation ${innovation}, in the ${category} quadrant`;
  await w.getByRole('img', { name: new RegExp(matrix) }).waitFor();
  // The first screen paints first; the pillars, the plan and sharing follow it.
  await w.getByRole('heading', { name: 'Your action plan' }).waitFor();
  assert.ok((await w.getByRole('listitem').count()) >= 3 + 3, 'pillars and actions listed');
}

test('a keyboard-only journey scores an Observer', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(env.server.url);
  await widget(page).getByRole('button', { name: 'Start the assessment' }).waitFor();
  await tabTo(page, /^Start the assessment$/);
  await page.keyboard.press('Enter');
  for (let n = 1; n <= ITEMS; n++) await answerByKeyboard(page, 0, n);
  await checkResult(page, 'Observer', 0, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reload halfway resumes, and the result is Conservative', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  await widget(page).getByRole('button', { name: 'Start the assessment' }).click();
  // 13 investment items answered with the third choice, then a reload.
  for (let n = 1; n <= 13; n++) await answerByKeyboard(page, 2, n);
  await page.reload();
  const progress = widget(page).getByRole('progressbar');
  await progress.waitFor();
  assert.equal(await progress.getAttribute('aria-valuetext'), 'Question 14 of 27');
  // Going back shows the saved answer.
  await widget(page).getByRole('button', { name: 'Back' }).click();
  assert.equal(await widget(page).getByRole('radio').nth(2).isChecked(), true);
  await widget(page).getByRole('button', { name: 'Next' }).click();
  await widget(page).getByRole('heading', { level: 2 }).focus();
  for (let n = 14; n <= ITEMS; n++) await answerByKeyboard(page, 1, n);
  await checkResult(page, 'Conservative', 67, 33);

  // Restart forgets the answers.
  await widget(page).getByRole('button', { name: 'Retake the assessment' }).click();
  await widget(page).getByRole('button', { name: 'Start the assessment' }).waitFor();
  await page.close();
});

test('axe finds no violations on the intro, a question and the result', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const w = widget(page);
  await widgetReady(page);
  assert.deepEqual(await axeViolations(page), [], 'intro');
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  await w.getByRole('radio').nth(1).check();
  assert.deepEqual(await axeViolations(page), [], 'question');
  for (let n = 1; n <= ITEMS; n++) {
    await w.getByRole('radio').nth(n % 4).check();
    await w.getByRole('button', { name: n === ITEMS ? 'See my result' : 'Next' }).click();
  }
  await w.getByRole('heading', { name: /Your social maturity/ }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'result');
  await page.close();
});

test('a chosen answer and the Next it enables show at once: nothing fades on the way', async () => {
  // Each answer costs one frame of style and paint, not a transition's worth of frames.
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const w = widget(page);
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  await w.getByRole('radio').first().waitFor();
  const [running, enabled] = await page.evaluate(async () => {
    const root = document.querySelector('smi-assessment').shadowRoot;
    const input = root.querySelector('input[type=radio]');
    const next = root.querySelector('button[type=submit]');
    input.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A fade would be a running CSS transition on the choice or on Next.
    return [root.getAnimations().map((a) => a.transitionProperty ?? a.animationName), !next.disabled];
  });
  assert.equal(enabled, true, 'Next enabled by the time the colours were read');
  assert.deepEqual(running, [], 'no transition runs after a choice');
  await page.close();
});

test('Next is unavailable until a choice is made', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  await widget(page).getByRole('button', { name: 'Start the assessment' }).click();
  const next = widget(page).getByRole('button', { name: 'Next' });
  assert.equal(await next.isDisabled(), true);
  await widget(page).getByRole('radio', { name: 'A dedicated social customer-service team' }).check();
  assert.equal(await next.isDisabled(), false);
  await page.close();
});
