// Each screen's accessibility tree, pinned: Playwright's ARIA snapshot (roles, names, levels,
// states, the text a screen reader reads) of every screen in English and Arabic, compared with
// the committed one in tests/e2e/aria/. A changed name, role, heading level or live region
// fails here and is reviewed; `ARIA_UPDATE=1 node --test tests/e2e/aria.test.mjs` rewrites the
// files. The clock is fixed, so dates do not move the trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, hostPage, useServerAndBrowser, widget, widgetReady } from './browser.mjs';

const env = useServerAndBrowser();
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'aria');
const PARTICIPANT = '1010101010101' + '23232323232323';
// The same answers as a share code.
const CODE = '1O7u7uREREamd';

/** Compares `snapshot` with the committed `aria/<name>.yml` (or writes it under ARIA_UPDATE),
 * with the test server's address and the pages' random names written the same every run. */
function pinned(name, raw) {
  const origin = env.server.url.replace(/\/$/, '');
  const snapshot = raw
    .replaceAll(origin, 'http://host.example')
    .replaceAll(encodeURIComponent(origin), encodeURIComponent('http://host.example'))
    .replace(/aria-(en|ar)-[a-z0-9]+\.html/g, 'aria-$1.html');
  const file = path.join(DIR, `${name}.yml`);
  if (process.env.ARIA_UPDATE === '1') {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(file, `${snapshot}\n`);
    return;
  }
  assert.ok(fs.existsSync(file), `no ${path.relative(process.cwd(), file)}: run with ARIA_UPDATE=1 and review it`);
  assert.equal(`${snapshot}\n`, fs.readFileSync(file, 'utf8'), `${name}: the accessibility tree changed (ARIA_UPDATE=1 rewrites it)`);
}

async function open(lang, attributes = '', hash = '') {
  const name = `/aria-${lang}-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = {
    body: hostPage(`<smi-assessment lang="${lang}" ${attributes}></smi-assessment>`, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' }),
  };
  const context = await env.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1000, height: 1000 } });
  await context.clock.setFixedTime(new Date('2026-12-05T10:00:00Z'));
  const page = await context.newPage();
  await page.goto(`${env.server.url.replace(/\/$/, '')}${name}${hash}`);
  await widgetReady(page);
  return { page, context, w: widget(page) };
}

const tree = (w) => w.locator('.smi').ariaSnapshot();

/** Takes the assessment by its buttons' positions, whatever the language. */
async function answer(w, digits) {
  await w.locator('.smi-button--primary').click();
  for (const d of digits) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.locator('.smi-nav .smi-button--primary').click();
  }
}

for (const lang of ['en', 'ar']) {
  test(`${lang}: the intro, a question, the lead form with its errors and the result`, async () => {
    const { page, context, w } = await open(lang, 'lead="before"');
    pinned(`intro-${lang}`, await tree(w));
    await w.locator('.smi-button--primary').click();
    await w.getByRole('radio').nth(1).check();
    pinned(`question-${lang}`, await tree(w));
    await w.locator('.smi-nav .smi-button--primary').click();
    for (const d of PARTICIPANT.slice(1)) {
      await w.getByRole('radio').nth(Number(d)).check();
      await w.locator('.smi-nav .smi-button--primary').click();
    }
    // The gate: sent empty, so every message shows.
    await w.locator('form .smi-button--primary').last().click();
    await w.locator('[aria-invalid=true]').first().waitFor();
    pinned(`lead-errors-${lang}`, await tree(w));
    await context.close();

    const result = await open(lang);
    await answer(result.w, PARTICIPANT);
    await result.w.locator('.smi-result__title').waitFor();
    await result.w.locator('#smi-share-link').waitFor();
    pinned(`result-${lang}`, await tree(result.w));
    await result.context.close();
  });

  test(`${lang}: a shared result and the comparison with a pack`, async () => {
    const shared = await open(lang, '', `#smi=${CODE}`);
    await shared.w.locator('.smi-result__title').waitFor();
    pinned(`shared-${lang}`, await tree(shared.w));
    await shared.context.close();

    const compared = await open(lang, 'benchmark="/console/benchmark-sample.json"');
    await answer(compared.w, PARTICIPANT);
    await compared.w.locator('.smi-compare__ahead').first().waitFor();
    // The result's second paint (the path's arrow in the matrix's description, sharing).
    await compared.w.locator('#smi-share-link').waitFor();
    pinned(`benchmark-${lang}`, await compared.w.locator('.smi-result__overview').ariaSnapshot());
    await compared.context.close();
  });

  test(`${lang}: the team view`, async () => {
    const context = await env.browser.newContext({ reducedMotion: 'reduce' });
    await context.clock.setFixedTime(new Date('2026-12-05T10:00:00Z'));
    const page = await context.newPage();
    await page.goto(`${env.server.url}team.html?lang=${lang}#smi-team=Board&smi-members=${CODE}Ada`);
    await page.locator('.team-matrix').waitFor();
    pinned(`team-${lang}`, await page.locator('#smi-team').ariaSnapshot());
    await context.close();
  });
}

test('en: the console\'s insights', async () => {
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${env.server.url}configurator.html#insights`);
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({
    questionnaire: 'smi', category: ['observer', 'conservative', 'participant', 'social-first'][i % 4],
    investment: (i % 2) * 60 + (i % 7), innovation: (i % 4 > 1 ? 60 : 0) + (i % 5), utm_source: i % 3 ? 'news' : 'ads',
  }));
  await page.getByLabel('Lead export or event log').setInputFiles({ name: 'events.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) });
  await page.locator('#console-kept').waitFor();
  pinned('console-en', await page.locator('#smi-console').ariaSnapshot());
  await context.close();
});
