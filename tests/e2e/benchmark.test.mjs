// Benchmark packs in the widget: the percentages shown are the rule applied to the pack, a
// pack for another questionnaire is refused with an error and a note, 29 respondents give
// the "not enough data" note, mount() takes a pack object, axe passes in en and ar, and the
// result with the strips is photographed in en and fa.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, hostPage, useServerAndBrowser, widget, widgetReady, SCREENSHOTS } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
// 13 investment items, then 14 innovation items: investment 19, innovation 84.
const PARTICIPANT = '1010101010101' + '23232323232323';
const CATEGORIES = ['observer', 'conservative', 'participant', 'social-first'];

/** A pack of `n` respondents with scores from a small deterministic generator. */
function makePack(n, { questionnaire = 'smi', label = 'UK retail, 2026' } = {}) {
  const axes = { investment: Array(101).fill(0), innovation: Array(101).fill(0) };
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % 101; };
  for (let i = 0; i < n; i++) {
    const [inv, inn] = [next(), next()];
    axes.investment[inv] += 1;
    axes.innovation[inn] += 1;
    categories[CATEGORIES[(inv >= 50 ? 1 : 0) + (inn >= 50 ? 2 : 0)]] += 1;
  }
  return { format_version: 1, questionnaire, label, n, axes, categories };
}

/** The README's rule: round(100 × respondents with a lower score / n). */
const aheadOf = (counts, n, score) => Math.round((100 * counts.slice(0, score).reduce((a, b) => a + b, 0)) / n);

async function open({ pack, lang = 'en', viewport, attrs = '', route } = {}) {
  const id = Math.random().toString(36).slice(2);
  let benchmark = '';
  if (pack) {
    env.server.pages[`/pack-${id}.json`] = { body: JSON.stringify(pack), headers: { 'content-type': 'application/json' } };
    benchmark = ` benchmark="/pack-${id}.json"`;
  }
  env.server.pages[`/bench-${id}.html`] = {
    body: hostPage(`<smi-assessment lang="${lang}"${benchmark}${attrs}></smi-assessment>`, { lang }),
  };
  const context = await env.browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true, ...(viewport && { viewport }) });
  await context.addInitScript(() => {
    window.events = [];
    for (const name of ['smi:complete', 'smi:error']) {
      document.addEventListener(name, (e) => window.events.push({ name, detail: e.detail }));
    }
  });
  if (route) await context.route(route.url, route.handler);
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.server.url.replace(/\/$/, '')}/bench-${id}.html`);
  return { page, context, warnings };
}

const events = (page, name) => page.evaluate((name) => window.events.filter((e) => e.name === name).map((e) => e.detail), name);

test('with a pack, the percentages shown are the rule applied to the pack, and smi:complete carries them', async () => {
  const pack = makePack(212);
  const { page, context } = await open({ pack });
  const w = widget(page);
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:complete'));
  const [complete] = await events(page, 'smi:complete');
  const expected = {
    investment: aheadOf(pack.axes.investment, pack.n, complete.investment),
    innovation: aheadOf(pack.axes.innovation, pack.n, complete.innovation),
  };
  assert.deepEqual(complete.benchmark, { label: 'UK retail, 2026', n: 212, ...expected });
  // The group named once, then how far ahead each score is, on a strip with its scale.
  assert.equal(await w.locator('.smi-compare__base').textContent(), 'Compared with 212 companies in \u2068UK retail, 2026\u2069');
  assert.deepEqual(await w.locator('.smi-compare__ahead').allTextContents(), [
    `Ahead of ${expected.investment}%`,
    `Ahead of ${expected.innovation}%`,
  ]);
  const scale = w.locator('.smi-compare__scale').first();
  assert.deepEqual(
    await scale.evaluate((e) => [getComputedStyle(e, '::before').content, e.textContent, getComputedStyle(e, '::after').content]),
    ['"0"', '50', '"100"'],
  );
  // Each strip's text alternative gives the bands and the visitor's score.
  const strip = await w.locator('.smi-compare__strip').first().getAttribute('aria-label');
  const band = (from, to) => pack.axes.investment.slice(from, to + 1).reduce((a, b) => a + b, 0);
  assert.ok(strip.includes(`0–9: ${Math.round((100 * band(0, 9)) / 212)}%`), strip);
  assert.ok(strip.includes(`90–100: ${Math.round((100 * band(90, 100)) / 212)}%`), strip);
  assert.ok(strip.endsWith(`Your score: ${complete.investment}.`), strip);
  // The category shares sit in the matrix's quadrants; its text alternative keeps them all.
  const share = (c) => Math.round((100 * pack.categories[c]) / 212);
  assert.deepEqual(await w.locator('.smi-matrix__name').allTextContents(), [
    `\u2068Conservative\u2069: ${share('conservative')}%`,
    `\u2068#SocialFirst\u2069: ${share('social-first')}%`,
    `\u2068Observer\u2069: ${share('observer')}%`,
    `\u2068Participant\u2069: ${share('participant')}%`,
  ]);
  assert.equal(await w.locator('.smi-matrix__name[data-place]').textContent(), `\u2068Participant\u2069: ${share('participant')}%`);
  const description = await w.locator('#smi-matrix-desc').textContent();
  assert.ok(description.includes(`Participant\u2069: ${share('participant')}%\u00a0(your category)`), description);
  assert.ok(description.includes(`Observer\u2069: ${share('observer')}%`), description);
  assert.deepEqual(await events(page, 'smi:error'), []);
  await context.close();
});

test('a pack for another questionnaire is refused: an error, a warning, a note, no percentages', async () => {
  const { page, context, warnings } = await open({ pack: makePack(100, { questionnaire: 'other' }) });
  const w = widget(page);
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:complete'));
  const errors = await events(page, 'smi:error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].code, 'invalid-benchmark');
  assert.match(errors[0].message, /built for the questionnaire "other", this widget runs "smi"/);
  assert.ok(warnings.some((t) => t.includes('invalid') || t.includes('"other"')), warnings.join('\n'));
  assert.equal(await w.locator('.smi-compare__ahead').count(), 0);
  assert.equal(await w.locator('.smi-compare').textContent(), 'The comparison with other companies could not be loaded, so it is not shown.');
  assert.equal((await events(page, 'smi:complete'))[0].benchmark, null);
  await context.close();
});

test('a pack that cannot be fetched is reported the same way', async () => {
  const { page, context } = await open({ attrs: ' benchmark="/no-such-pack.json"' });
  const w = widget(page);
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:error'));
  const [error] = await events(page, 'smi:error');
  assert.equal(error.code, 'invalid-benchmark');
  assert.match(error.message, /answered HTTP 404/);
  await context.close();
});

/** A route that holds the pack's request until `release()` (never, if it is not called). */
function heldPack(pack) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const state = { requested: false };
  const route = {
    url: '**/held-pack.json',
    handler: async (r) => {
      state.requested = true;
      await released;
      await r.fulfill({ body: JSON.stringify(pack), headers: { 'content-type': 'application/json' } }).catch(() => {});
    },
  };
  return { route, release, state };
}

test('a pack still on its way holds nothing up, and is used once it arrives', async () => {
  const held = heldPack(makePack(212));
  const { page, context } = await open({ attrs: ' benchmark="/held-pack.json"', route: held.route });
  const w = widget(page);
  // The live widget (not only the loader's first screen) while the pack has not answered.
  await widgetReady(page);
  assert.equal(held.state.requested, true, 'the pack was asked for');
  await finish(w, PARTICIPANT);
  assert.equal(await w.locator('.smi-compare__ahead').count(), 0, 'no comparison before the pack');
  held.release();
  // It arrives on the result: the comparison appears where it belongs.
  await w.locator('.smi-compare__ahead').nth(1).waitFor();
  assert.match(await w.locator('.smi-compare__ahead').first().textContent(), /^Ahead of \d+%$/);
  assert.equal(await w.locator('.smi-compare__base').textContent(), 'Compared with 212 companies in \u2068UK retail, 2026\u2069');
  assert.deepEqual(await events(page, 'smi:error'), []);
  await context.close();
});

test('a pack that never answers is reported after 15 s, and the widget works meanwhile', async () => {
  const held = heldPack(makePack(212));
  const { page, context } = await open({ attrs: ' benchmark="/held-pack.json"', route: held.route });
  const w = widget(page);
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:error'), null, { timeout: 20000 });
  const [error] = await events(page, 'smi:error');
  assert.equal(error.code, 'invalid-benchmark');
  assert.match(error.message, /did not answer within 15 s/);
  assert.equal(await w.locator('.smi-compare__ahead').count(), 0);
  assert.match(await w.locator('.smi-compare').first().textContent(), /could not be loaded/);
  await context.close();
});

test('29 respondents: no percentages, and the note that there is not yet enough data', async () => {
  const { page, context } = await open({ pack: makePack(29) });
  const w = widget(page);
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:complete'));
  assert.equal(await w.locator('.smi-compare__ahead').count(), 0);
  assert.equal(await w.locator('.smi-compare__strip').count(), 0);
  assert.equal(
    await w.locator('.smi-compare').textContent(),
    'Not enough data to compare yet: 29 companies in \u2068UK retail, 2026\u2069 so far, and comparisons start at 30.',
  );
  const [complete] = await events(page, 'smi:complete');
  assert.deepEqual(complete.benchmark, { label: 'UK retail, 2026', n: 29, investment: null, innovation: null });
  await context.close();
});

test("the host's label is isolated wherever it appears: a right-to-left override in it stays inside it", async () => {
  const label = 'UK retail\u202E, 2026\u2067';
  const { page, context } = await open({ pack: makePack(212, { label }) });
  const w = widget(page);
  await finish(w, PARTICIPANT);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:complete'));
  const text = await w.locator('.smi').evaluate((root) => root.textContent);
  const occurrences = text.split(label).length - 1;
  assert.ok(occurrences >= 2, `the label shows (${occurrences} times)`);
  assert.equal(text.split(`\u2068${label}\u2069`).length - 1, occurrences, 'each time between FSI and PDI');
  // The controls: after the label, the widget's own words read as they should.
  assert.match(await w.locator('.smi-compare__base').textContent(), /^Compared with 212 companies in \u2068/);
  for (const ahead of await w.locator('.smi-compare__ahead').allTextContents()) {
    assert.match(ahead, /^Ahead of \d+%$/);
  }
  await context.close();
});

test('mount() takes the pack as an object', async () => {
  const pack = makePack(40);
  const { page, context } = await open();
  await page.evaluate(async (pack) => {
    const { mount } = await import('/smi-widget.js');
    document.querySelector('smi-assessment').remove();
    const host = document.body.appendChild(document.createElement('div'));
    host.id = 'mounted';
    await mount(host, { benchmark: pack });
  }, pack);
  const w = page.locator('#mounted');
  await finish(w, PARTICIPANT);
  assert.equal(await w.locator('.smi-compare__ahead').count(), 2);
  await context.close();
});

for (const lang of ['en', 'ar', 'fa']) {
  test(`${lang}: the result with a pack passes axe${lang === 'ar' ? '' : ' and is photographed'}`, async () => {
    const { page, context } = await open({ pack: makePack(212), lang, viewport: { width: 1100, height: 1400 } });
    const w = widget(page);
    await w.locator('.smi-button--primary').click();
    for (const d of PARTICIPANT) {
      await w.getByRole('radio').nth(Number(d)).check();
      await w.locator('button[type=submit]').click();
    }
    await w.locator('.smi-compare__strip').first().waitFor();
    await w.locator('.smi-next__changes li').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], `${lang}: the result with a pack`);
    // The bands listed with the language's own separator ("، " in Arabic and Persian).
    const strip = await w.locator('.smi-compare__strip').first().getAttribute('aria-label');
    const separator = lang === 'en' ? ', ' : '، ';
    const between = strip.match(new RegExp(`[%٪]${separator}`, 'g')) ?? [];
    assert.equal(between.length, 9, `${lang}: ten bands, separated by "${separator}": ${strip}`);
    if (lang !== 'ar') {
      await w.locator('.smi-result__overview').screenshot({ path: path.join(SCREENSHOTS, `result-benchmark-${lang}.png`) });
    }
    if (lang === 'en') {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        w.getByRole('button', { name: 'Download image' }).click(),
      ]);
      await download.saveAs(path.join(SCREENSHOTS, 'card-benchmark.png'));
    }
    await context.close();
  });
}
