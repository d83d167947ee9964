// Languages: every screen in every language passes axe; Arabic by keyboard alone; how the
// language is chosen; a translation that does not load leaves a working English widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPage, useServerAndBrowser, widgetReady, SCREENSHOTS } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
const PROFILE = '1010101010101' + '23232323232323';
const LANGUAGES = { en: 'ltr', ms: 'ltr', ar: 'rtl', fa: 'rtl', ru: 'ltr' };
const HEADINGS = {
  en: 'Your social maturity: Participant',
  ms: 'Kematangan sosial anda: Peserta',
  ar: 'نضجك الاجتماعي: المشارك',
  fa: 'بلوغ اجتماعی شما: مشارکت‌کننده',
  ru: 'Ваша социальная зрелость: Участник',
};

async function open(body, { htmlLang = 'en', locale = 'en-US', reducedMotion = 'reduce', route } = {}) {
  const name = `/lang-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = { body: hostPage(body, { lang: htmlLang }) };
  const context = await env.browser.newContext({ locale, reducedMotion, acceptDownloads: true });
  if (route) await context.route(route.url, route.handler);
  const page = await context.newPage();
  const console_ = [];
  page.on('console', (m) => console_.push(`${m.type()}: ${m.text()}`));
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context, console: console_ };
}

const root = (page) => page.locator('smi-assessment .smi');

for (const [lang, dir] of Object.entries(LANGUAGES)) {
  test(`${lang}: the whole assessment, and axe finds nothing on any screen`, async () => {
    const { page, context, console: messages } = await open(`<smi-assessment lang="${lang}"></smi-assessment>`);
    const w = page.locator('smi-assessment');
    await widgetReady(page);
    assert.equal(await root(page).getAttribute('lang'), lang);
    assert.equal(await root(page).getAttribute('dir'), dir);
    assert.deepEqual(await axeViolations(page), [], `${lang} intro`);
    await w.locator('.smi-button--primary').click();
    await w.getByRole('radio').nth(1).check();
    assert.deepEqual(await axeViolations(page), [], `${lang} question`);
    for (const d of PROFILE) {
      await w.getByRole('radio').nth(Number(d)).check();
      await w.locator('button[type=submit]').click();
    }
    await w.getByRole('heading', { level: 2, name: HEADINGS[lang] }).waitFor();
    assert.deepEqual(await axeViolations(page), [], `${lang} result`);
    if (dir === 'rtl') {
      await root(page).screenshot({ path: path.join(SCREENSHOTS, `result-${lang}.png`) });
      const [download] = await Promise.all([page.waitForEvent('download'), w.locator('.smi-share__networks button').nth(-2).click()]);
      await download.saveAs(path.join(SCREENSHOTS, `card-${lang}.png`));
    }
    assert.deepEqual(messages.filter((m) => !m.startsWith('info')), [], `${lang}: console`);
    await context.close();
  });
}

test('Arabic by keyboard alone, focus on each new question, progress in Arabic', async () => {
  const { page, context } = await open('<smi-assessment lang="ar"></smi-assessment>');
  const w = page.locator('smi-assessment');
  await w.getByRole('button', { name: 'ابدأ التقييم' }).waitFor();
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent.trim(), type: el?.type };
  });
  const tabTo = async (name) => {
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()).text === name) return;
    }
    assert.fail(`no focusable element named ${name}`);
  };
  await tabTo('ابدأ التقييم');
  await page.keyboard.press('Enter');
  for (const [i, d] of [...PROFILE].entries()) {
    await w.getByRole('heading', { level: 2 }).waitFor();
    assert.equal((await focused()).tag, 'h2', `question ${i + 1}: focus on its heading`);
    assert.equal(await w.getByRole('progressbar').getAttribute('aria-valuetext'), `السؤال ${i + 1} من 27`);
    await page.keyboard.press('Tab');
    assert.equal((await focused()).type, 'radio');
    if (d === '0') await page.keyboard.press('Space');
    for (let k = 0; k < Number(d); k++) await page.keyboard.press('ArrowDown');
    assert.equal(await w.getByRole('radio').nth(Number(d)).isChecked(), true);
    await tabTo(i === PROFILE.length - 1 ? 'اعرض نتيجتي' : 'التالي');
    await page.keyboard.press('Enter');
  }
  await w.getByRole('heading', { level: 2, name: HEADINGS.ar }).waitFor();
  assert.equal((await focused()).text, HEADINGS.ar);
  await context.close();
});

test('the language comes from the attribute, else the page, else the browser', async () => {
  const cases = [
    [{ body: '<smi-assessment></smi-assessment>', htmlLang: 'fa-IR' }, 'fa'],
    [{ body: '<smi-assessment></smi-assessment>', htmlLang: 'de', locale: 'ru-RU' }, 'ru'],
    [{ body: '<smi-assessment lang="xx"></smi-assessment>', htmlLang: 'ms' }, 'ms'],
    [{ body: '<smi-assessment lang="ar-EG"></smi-assessment>', htmlLang: 'ms' }, 'ar'],
    [{ body: '<smi-assessment></smi-assessment>', htmlLang: 'de', locale: 'de-DE' }, 'en'],
  ];
  for (const [{ body, ...options }, expected] of cases) {
    const { page, context, console: messages } = await open(body, options);
    await page.locator('smi-assessment .smi-button--primary').waitFor();
    assert.equal(await root(page).getAttribute('lang'), expected, JSON.stringify(options));
    if (body.includes('"xx"')) assert.ok(messages.some((m) => m.includes('option "lang": "xx"')), messages.join('\n'));
    await context.close();
  }
});

test('a translation that does not load leaves a working English widget and says why', async () => {
  const { page, context, console: messages } = await open('<smi-assessment lang="ms"></smi-assessment>', {
    route: { url: '**/i18n/ms.json', handler: (route) => route.fulfill({ status: 503, body: 'down' }) },
  });
  await page.locator('smi-assessment').getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(await root(page).getAttribute('lang'), 'en');
  assert.ok(messages.some((m) => m.startsWith('error:') && m.includes('i18n/ms.json answered HTTP 503')), messages.join('\n'));
  await context.close();
});

test('the dark theme passes axe on the intro, a question and the result with the lead offer', async () => {
  const { page, context } = await open('<smi-assessment lang="en" theme="dark" lead="after"></smi-assessment>');
  const w = page.locator('smi-assessment');
  await widgetReady(page);
  assert.equal(await root(page).getAttribute('data-theme'), 'dark');
  assert.deepEqual(await axeViolations(page), [], 'dark intro');
  await w.locator('.smi-button--primary').click();
  await w.getByRole('radio').nth(1).check();
  assert.deepEqual(await axeViolations(page), [], 'dark question');
  for (const d of PROFILE) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.locator('button[type=submit]').click();
  }
  await w.locator('.smi-capture').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'dark result');
  await context.close();
});
