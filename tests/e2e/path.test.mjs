// What moves you up: the changes the result lists, applied through the real UI (Back to
// each item, the most mature answer, on to the result), give the category and scores the
// result named; the section passes axe in English and Arabic; screenshots of both dots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, hostPage, useServerAndBrowser, widget, SCREENSHOTS } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ITEMS = JSON.parse(fs.readFileSync(path.resolve(HERE, '../../engine/content/questionnaire.en.json'), 'utf8')).items;
const NAMES = { observer: 'Observer', conservative: 'Conservative', participant: 'Participant', 'social-first': '#SocialFirst' };

// 13 investment items, then 14 innovation items.
const PROFILES = {
  observer: '0101000100000' + '10000000000000',
  conservative: '3323232322121' + '10101010101010',
  participant: '1010101010101' + '23232323232323',
};

async function open({ lang = 'en', viewport } = {}) {
  const name = `/path-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = { body: hostPage(`<smi-assessment lang="${lang}"></smi-assessment>`, { lang }) };
  const context = await env.browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true, ...(viewport && { viewport }) });
  await context.addInitScript(() => {
    window.completions = [];
    document.addEventListener('smi:complete', (e) => window.completions.push(e.detail));
  });
  const page = await context.newPage();
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context };
}

const completions = (page) => page.evaluate(() => window.completions);
const scores = (w) => w.locator('.smi-score__number').allTextContents();

for (const [category, digits] of Object.entries(PROFILES)) {
  test(`${category}: the listed changes, made in the widget, reach the named category and scores`, async () => {
    const { page, context } = await open();
    const w = widget(page);
    await finish(w, digits);
    await page.waitForFunction(() => window.completions.length === 1);
    const [first] = await completions(page);
    assert.equal(first.category, category);
    const { next } = first;
    assert.ok(next && next.changes.length > 0, JSON.stringify(next));
    // The result shows the same path: one line per change, and the hollow dot where it leads.
    const listed = w.locator('.smi-next__changes li');
    assert.equal(await listed.count(), next.changes.length);
    for (const [k, change] of next.changes.entries()) {
      const item = ITEMS.find((it) => it.id === change.item);
      assert.equal(change.choice, item.choices.length - 1, 'the most mature choice');
      assert.equal(await listed.nth(k).locator("span").textContent(), `${item.prompt} → ${item.choices[change.choice].label}`);
    }
    await w.getByRole('heading', { name: `What would make you ${NAMES[next.category]}` }).waitFor();
    assert.equal(await w.locator('.smi-matrix__next').count(), 1);
    const desc = await w.locator('#smi-matrix-desc').textContent();
    assert.ok(desc.includes(`With the changes below: investment ${next.investment}, innovation ${next.innovation}`), desc);

    // "Change this answer" on the first change opens its question; from there, on through
    // the questions, the most mature answer wherever the path says, to the result again.
    const at = Object.fromEntries(next.changes.map((c) => [ITEMS.findIndex((it) => it.id === c.item), c.choice]));
    const lowest = Math.min(...Object.keys(at).map(Number));
    await listed.first().getByRole('button', { name: 'Change this answer' }).click();
    for (let index = lowest; index < ITEMS.length; index++) {
      await w.getByText(`Question ${index + 1} of ${ITEMS.length}`).waitFor();
      if (index in at) await w.getByRole('radio').nth(at[index]).check();
      await w.getByRole('button', { name: index === ITEMS.length - 1 ? 'See my result' : 'Next' }).click();
    }
    await w.getByRole('heading', { name: `Your social maturity: ${NAMES[next.category]}` }).waitFor();
    assert.deepEqual(await scores(w), [String(next.investment), String(next.innovation)]);
    await page.waitForFunction(() => window.completions.length === 2);
    const second = (await completions(page))[1];
    assert.deepEqual([second.category, second.investment, second.innovation], [next.category, next.investment, next.innovation]);
    await context.close();
  });
}

test('a changed answer goes straight back to the result', async () => {
  const { page, context } = await open();
  const w = widget(page);
  await finish(w, PROFILES.participant);
  const before = await scores(w);
  await w.locator('.smi-next__changes li').first().getByRole('button', { name: 'Change this answer' }).click();
  await w.getByRole('radio').last().check();
  await w.getByRole('button', { name: 'Back to my result' }).click();
  await w.getByRole('heading', { name: /Your social maturity/ }).waitFor();
  const after = await scores(w);
  assert.ok(Number(after[0]) > Number(before[0]), `investment ${before[0]} → ${after[0]}`);
  assert.equal(after[1], before[1]);
  await page.waitForFunction(() => window.completions.length === 2);
  await context.close();
});

test('#SocialFirst has no path: what keeps it there instead, and next is null', async () => {
  const { page, context } = await open();
  const w = widget(page);
  await finish(w, '3'.repeat(ITEMS.length));
  await page.waitForFunction(() => window.completions.length === 1);
  assert.equal((await completions(page))[0].next, null);
  await w.getByRole('heading', { name: 'What keeps you #SocialFirst' }).waitFor();
  assert.equal(await w.locator('.smi-next').count(), 0);
  assert.equal(await w.locator('.smi-matrix__next').count(), 0);
  await context.close();
});

for (const lang of ['en', 'ar', 'fa']) {
  test(`${lang}: the path section passes axe, and the result with both dots is photographed`, async () => {
    const { page, context } = await open({ lang, viewport: { width: 1100, height: 1400 } });
    const w = widget(page);
    await w.locator('.smi-button--primary').click();
    for (const d of PROFILES.participant) {
      await w.getByRole('radio').nth(Number(d)).check();
      await w.locator('button[type=submit]').click();
    }
    await w.locator('.smi-next__changes li').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], `${lang}: the result with its path`);
    if (lang !== 'ar') {
      await w.locator('.smi').screenshot({ path: path.join(SCREENSHOTS, `result-next-${lang}.png`) });
    }
    if (lang === 'en') {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        w.getByRole('button', { name: 'Download image' }).click(),
      ]);
      await download.saveAs(path.join(SCREENSHOTS, 'card-next.png'));
    }
    await context.close();
  });
}
