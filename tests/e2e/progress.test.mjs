// Progress over time in the widget: a retake shows what moved since the last result (the
// section, the arrow on the matrix, smi:complete's `previous`), in English and Arabic with axe
// clean; a pasted link is compared with and a damaged one refused beside the field; a
// tampered stored history is left out with a warning; "Delete my data" removes the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { hostPage, useServerAndBrowser, widget, widgetReady, SCREENSHOTS } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
// investment 19, innovation 84 (Participant); then every investment item raised.
const FIRST = '1010101010101' + '23232323232323';
const SECOND = '3333333333333' + '23232323232323';
const HISTORY = 'smi-widget:smi:history';

async function open({ lang = 'en', history, viewport = { width: 1100, height: 1400 } } = {}) {
  const id = Math.random().toString(36).slice(2);
  const dir = ['ar', 'fa'].includes(lang) ? 'rtl' : 'ltr';
  env.server.pages[`/progress-${id}.html`] = {
    body: hostPage(`<smi-assessment lang="${lang}"></smi-assessment>`, { lang, dir }),
  };
  const context = await env.browser.newContext({ reducedMotion: 'reduce', viewport });
  await context.addInitScript(([key, history]) => {
    window.events = [];
    document.addEventListener('smi:complete', (e) => window.events.push(e.detail));
    if (history && !sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, history);
      sessionStorage.setItem('seeded', '1');
    }
  }, [HISTORY, history]);
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.server.url.replace(/\/$/, '')}/progress-${id}.html`);
  await widgetReady(page);
  return { page, context, warnings, w: widget(page) };
}

/** Takes the assessment by position (any language), from the intro to the whole result. */
async function take(page, w, digits) {
  await w.locator('.smi:not([data-first-screen]) .smi-button--primary').first().click();
  for (const d of digits) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.locator('button[type=submit]').click();
  }
  await w.locator('.smi-plan').waitFor();
}

const completions = (page) => page.evaluate(() => window.events);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

for (const lang of ['en', 'ar', 'fa']) {
  test(`a retake shows what moved since the last result (${lang})`, async () => {
    const { page, context, w } = await open({ lang });
    await take(page, w, FIRST);
    // A first result: nothing to compare with, only the field to paste a link into.
    assert.equal(await w.locator('.smi-since h3').count(), 0);
    assert.equal(await w.locator('.smi-matrix__trail').count(), 0);
    await w.locator('#smi-compare').waitFor();
    const [first] = await completions(page);
    assert.equal(first.previous, null);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), HISTORY));
    assert.equal(stored.length, 1);
    const [date, code] = stored[0].split(' ');
    assert.equal(date, today());
    assert.equal(first.share_url.split('#smi=')[1], code);

    // Retake with every investment answer raised.
    await w.locator('.smi-actions .smi-button:not(.smi-button--primary)').click();
    await take(page, w, SECOND);
    const [, second] = await completions(page);
    assert.deepEqual(second.previous, { category: 'participant', investment: 19, innovation: 84, date: today() });
    assert.ok(second.investment > 19 && second.innovation === 84);
    const section = w.locator('.smi-since');
    await section.locator('h3').waitFor();
    const changes = await section.locator('ul').first().locator('li').allTextContents();
    assert.equal(changes.length, 2 + 3, 'both axes and the three pillars');
    if (lang === 'en') {
      assert.match(await section.locator('h3').textContent(), /^Since your last result, \w+ \d+, \d{4}$/);
      assert.equal(changes[0], `Investment: was 19, now ${second.investment} (\u2066+${second.investment - 19}\u2069)`);
      assert.equal(changes[1], 'Innovation: was 84, now 84 (\u2066\u00b10\u2069)');
      assert.match(await section.textContent(), /Category: was \u2068Participant\u2069, now \u2068#SocialFirst\u2069/);
      assert.equal(await section.getByRole('heading', { name: 'Answers that improved' }).count(), 1);
      assert.equal(await section.getByRole('heading', { name: 'Answers that now score lower' }).count(), 0);
      assert.match(await w.locator('#smi-matrix-desc').textContent(), /A line leads from your last result: investment 19, innovation 84\./);
    } else if (lang === 'ar') {
      assert.match(await section.locator('h3').textContent(), /^منذ نتيجتك السابقة، /);
      assert.match(changes[0], /^الاستثمار: كان 19، والآن /);
    } else {
      // Persian: its own digits and calendar.
      assert.match(await section.locator('h3').textContent(), /^از نتیجهٔ قبلی شما، [۰-۹]+ \S+ [۰-۹]{4}$/);
      assert.match(changes[0], /^سرمایه‌گذاری: قبلاً ۱۹، اکنون /);
    }
    // The improved answers are exactly the investment items that were not at their best.
    const improved = await section.locator('h4 + ul li').count();
    assert.equal(improved, [...FIRST.slice(0, 13)].filter((d) => d !== '3').length);
    // A vertical line has no width, which Playwright counts as hidden: attached is enough.
    await w.locator('.smi-matrix__trail').waitFor({ state: 'attached' });
    assert.deepEqual(await axeViolations(page), []);
    await w.locator('.smi-result__overview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `progress-${lang}.png`), fullPage: true });

    // "Delete my data" forgets the history with everything else.
    await w.getByRole('button', { name: lang === 'en' ? 'Delete my data' : /.+/ }).last().click();
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('smi-widget:')));
    assert.deepEqual(left, []);
    await context.close();
  });
}

test('an earlier result can be pasted; a damaged link is refused beside the field', async () => {
  const { page, context, w } = await open();
  await take(page, w, SECOND);
  const field = w.getByRole('textbox', { name: 'Compare with an earlier result: paste its link' });
  const code = '1O7u7uREREamd'; // FIRST
  await field.fill(`https://elsewhere.example/smi?x=1#smi=${code.slice(0, -1)}B`);
  await w.getByRole('button', { name: 'Compare' }).click();
  await w.getByText('This link holds no complete result of this assessment.').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await w.locator('.smi-since h3').count(), 0);
  await field.fill(`https://elsewhere.example/smi?x=1#smi=${code}`);
  await field.press('Enter');
  await w.getByRole('heading', { name: 'Since the earlier result you pasted' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), null);
  assert.match(await w.locator('.smi-since').textContent(), /Investment: was 19, now/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a tampered stored history is left out with a warning and the widget works on', async () => {
  const history = JSON.stringify(['2026-02-30 1O7u7uREREamd', '2026-11-01 1O7u7uREREamX']);
  const { page, context, w, warnings } = await open({ history });
  assert.ok(warnings.some((m) => /2 stored earlier result\(s\) did not check/.test(m)), warnings.join('\n'));
  await take(page, w, SECOND);
  const [complete] = await completions(page);
  assert.equal(complete.previous, null);
  assert.equal(await w.locator('.smi-since h3').count(), 0);
  // Recorded afresh, without the entries that did not check.
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), HISTORY));
  assert.equal(stored.length, 1);
  await context.close();
});
