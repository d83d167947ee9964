// The console's insights and benchmark pack (configurator.html, second tab): a lead export in
// the shapes form tools write gives the counts and charts the records hold, the filters move
// every chart, the pack it builds is one the widget reads and shows, the charts download as
// PNG, hostile names stay text, and it all works with the network cut once the tab is open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useServerAndBrowser, widget, finish, hostPage, SCREENSHOTS } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
const CATEGORIES = ['observer', 'conservative', 'participant', 'social-first'];
const NAMES = { observer: 'Observer', conservative: 'Conservative', participant: 'Participant', 'social-first': '#SocialFirst' };
const category = (inv, inn) => CATEGORIES[(inv >= 50 ? 1 : 0) + (inn >= 50 ? 2 : 0)];

/** `n` respondents with scores from a fixed linear congruential sequence. */
function respondents(n, seed = 11) {
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % 101; };
  return Array.from({ length: n }, (_, i) => {
    const [inv, inn] = [next(), next()];
    return {
      i, inv, inn, cat: category(inv, inn),
      month: `2026-${String(1 + (i % 6)).padStart(2, '0')}`,
      source: ['news', 'ads', 'partner'][i % 3],
    };
  });
}

/** Respondents per category, counted here from the scores. */
const tally = (list) => Object.fromEntries(CATEGORIES.map((c) => [c, list.filter((r) => r.cat === c).length]));

/** 300 records as JSON lines in the three shapes the widget sends, 20 repeated lead ids, 12
 * of another questionnaire and 5 malformed lines: 337 records, as the CLI's test has them. */
function jsonLines() {
  const people = respondents(300);
  const lines = [];
  for (const r of people) {
    const record = [
      { event: 'smi:complete', smi: { questionnaire: 'smi', category: r.cat, investment: r.inv, innovation: r.inn } },
      { lead_id: `L${r.i}`, lead: { email: 'a@b.c' }, result: { questionnaire: 'smi', category: r.cat, investment: r.inv, innovation: r.inn } },
      { id: `L${r.i}`, score_investment: r.inv, innovation: r.inn, category: r.cat, questionnaire: 'smi', consent: true },
    ][r.i % 3];
    lines.push(JSON.stringify(record));
    if (r.i % 3 === 2 && r.i % 15 === 2) lines.push(JSON.stringify(record));
  }
  for (let i = 0; i < 12; i++) lines.push(JSON.stringify({ questionnaire: 'other', category: 'observer', investment: i, innovation: i }));
  lines.splice(7, 0, '{not json');
  lines.splice(50, 0, '[1, 2]');
  lines.splice(90, 0, JSON.stringify({ questionnaire: 'smi', category: 'observer', investment: 101, innovation: 3 }));
  lines.splice(120, 0, JSON.stringify({ questionnaire: 'smi', category: 'guru', investment: 1, innovation: 3 }));
  lines.splice(150, 0, JSON.stringify({ questionnaire: 'smi', investment: 1, innovation: 3 }));
  return { text: `${lines.join('\n')}\n`, people };
}

/** A HubSpot-like CSV of `people`: a byte-order mark, a quoted comma in every row, renamed
 * columns, the timestamp column under HubSpot's name, the source in the page address. */
function csv(people) {
  const rows = people.map((r) => [`L${r.i}`, `"a${r.i}@b.c, x"`, r.inv, r.inn, r.cat, 'smi', 40, 50, 60, 3,
    `https://s.example/p?utm_source=${r.source}&utm_campaign=spring`, `${r.month}-15 09:00`].join(','));
  return `\ufeffRecord ID,Email,Investment,innovation,category,questionnaire,pillar_people,pillar_governance,pillar_technology,next_changes,page_url,Create Date\n${rows.join('\n')}\n`;
}

async function openConsole() {
  const context = await env.browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${env.server.url}configurator.html`);
  await page.getByRole('tab', { name: 'Insights and benchmark pack' }).click();
  await page.getByLabel('Lead export or event log').waitFor();
  return { page, context, errors };
}

const pick = (page, name, text) => page.getByLabel('Lead export or event log').setInputFiles({
  name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text),
});

const alt = (page, id) => page.locator(`#${id} figcaption`).textContent();

const shares = (counts, n) => CATEGORIES.map((c) => `${NAMES[c]}: ${counts[c]} (${Math.round((100 * counts[c]) / n)}%)`).join('; ');

test('337 records in three shapes give the counts and charts the records hold, as the CLI reads them', async () => {
  const { page, context, errors } = await openConsole();
  const { text, people } = jsonLines();
  await page.locator('#console-map').fill('investment:score_investment,lead_id:id');
  await page.locator('#console-map').dispatchEvent('change');
  await pick(page, 'leads.jsonl', text);
  const status = page.locator('#console-read');
  await status.filter({ hasText: 'Read 337 records from 1 file: 300 counted, 37 skipped.' }).waitFor();
  const skipped = await page.locator('#console-skipped li').allTextContents();
  assert.equal(skipped.length, 3);
  assert.match(skipped[0], /^another questionnaire: 12 — first at leads\.jsonl:/);
  assert.match(skipped[1], /^repeated lead_id: 20 — first at leads\.jsonl:\d+ \(lead_id "L2" again\)/);
  assert.match(skipped[2], /^malformed: 5 — first at leads\.jsonl:8 \(not JSON/);
  assert.ok(skipped[2].includes('leads.jsonl:121 ("guru" is not a category id)'), skipped[2]);

  const counts = tally(people);
  assert.equal(await page.locator('#console-kept').textContent(), '300 respondents with these filters.');
  assert.equal(await alt(page, 'chart-categories'), `${shares(counts, 300)}.`);
  const matrix = await alt(page, 'chart-matrix');
  assert.equal(matrix, `${shares(counts, 300)}; 300 respondents drawn as dots.`);
  assert.equal(await page.locator('#chart-matrix circle').count(), 300);
  // The investment bands, counted here.
  const band = (b) => people.filter((r) => Math.min(9, Math.floor(r.inv / 10)) === b).length;
  const investment = await alt(page, 'chart-investment');
  assert.ok(investment.startsWith(`0–9: ${band(0)} (${Math.round((100 * band(0)) / 300)}%); 10–19: ${band(1)} `), investment);
  // The same records as a JSON array give the same counts.
  const array = JSON.stringify(people.map((r) => ({ lead_id: `A${r.i}`, investment: r.inv, innovation: r.inn, category: r.cat, questionnaire: 'smi' })));
  await page.locator('#console-map').fill('');
  await page.locator('#console-map').dispatchEvent('change');
  await pick(page, 'export.json', array);
  await status.filter({ hasText: 'Read 300 records from 1 file: 300 counted.' }).waitFor();
  assert.equal(await alt(page, 'chart-categories'), `${shares(counts, 300)}.`);
  assert.deepEqual(await axeViolations(page, '#panel-insights'), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV export: months, sources and campaigns, and the filters every chart follows', async () => {
  const { page, context, errors } = await openConsole();
  const people = respondents(600, 3);
  await page.locator('#console-map').fill('lead_id:Record ID,investment:Investment');
  await page.locator('#console-map').dispatchEvent('change');
  await pick(page, 'hubspot.csv', csv(people));
  await page.locator('#console-read').filter({ hasText: 'Read 600 records from 1 file: 600 counted.' }).waitFor();
  // 600 is too many for a dot each: the matrix is shaded by cell.
  assert.equal(await page.locator('#chart-matrix circle').count(), 0);
  assert.match(await alt(page, 'chart-matrix'), /600 respondents drawn as shaded cells; the densest has \d+/);
  assert.equal(await alt(page, 'chart-months'), ['01', '02', '03', '04', '05', '06'].map((m) => `2026-${m}: 100 (17%)`).join('; ') + '.');
  assert.equal(await alt(page, 'chart-sources'), 'ads: 200 (33%); news: 200 (33%); partner: 200 (33%).');
  assert.equal(await alt(page, 'chart-campaigns'), 'spring: 600 (100%).');
  assert.match(await alt(page, 'chart-paths'), /3 answers: 600 \(100%\)/);
  assert.match(await page.locator('#chart-pillar-0 h3').textContent(), /median 40, 600 with a score/);

  await page.selectOption('#console-from', '2026-03');
  await page.selectOption('#console-to', '2026-04');
  await page.selectOption('#console-source', 'news');
  const kept = people.filter((r) => r.month >= '2026-03' && r.month <= '2026-04' && r.source === 'news');
  await page.locator('#console-kept').filter({ hasText: `${kept.length} respondents with these filters.` }).waitFor();
  assert.equal(await alt(page, 'chart-categories'), `${shares(tally(kept), kept.length)}.`);
  assert.equal(await page.locator('#chart-matrix circle').count(), kept.length);
  assert.equal(await alt(page, 'chart-sources'), `news: ${kept.length} (100%).`);

  // The summary as CSV, with the filters applied.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the summary (CSV)' }).click()]);
  const summary = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(summary.startsWith(`section,item,respondents\ntotal,respondents,${kept.length}\n`), summary);
  assert.ok(summary.includes('utm_source,news,'), summary);

  // A chart as a PNG, at twice its size on screen.
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-matrix').getByRole('button', { name: 'Download PNG' }).click()]);
  assert.equal(png.suggestedFilename(), 'smi-chart-matrix.png');
  const bytes = fs.readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  const width = bytes.readUInt32BE(16);
  const shown = await page.locator('#chart-matrix svg').evaluate((s) => s.getBoundingClientRect().width);
  assert.equal(width, Math.floor(shown * 2));
  await page.locator('.console').screenshot({ path: `${SCREENSHOTS}/console-insights.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the pack: refused under 30, built with noise, read by the widget with the rule\'s percentages', async () => {
  const { page, context, errors } = await openConsole();
  const people = respondents(240, 5);
  await page.locator('#console-map').fill('lead_id:Record ID,investment:Investment');
  await page.locator('#console-map').dispatchEvent('change');
  await pick(page, 'leads.csv', csv(people));
  await page.locator('#console-read').filter({ hasText: '240 counted' }).waitFor();
  const label = page.getByLabel(/^Label/);
  const build = page.getByRole('button', { name: 'Build the pack' });
  // No label: said, nothing built.
  await build.click();
  await page.locator('#console-pack-status').filter({ hasText: 'Give the pack a label' }).waitFor();
  await label.fill('UK retail, 2026');
  await label.dispatchEvent('change');
  // No one came from the news in February: refused, as the CLI refuses.
  await page.selectOption('#console-from', '2026-02');
  await page.selectOption('#console-to', '2026-02');
  await page.selectOption('#console-source', 'news');
  await build.click();
  await page.locator('#console-pack-status').filter({ hasText: /^0 respondents are counted with these filters; a pack needs at least 30/ }).waitFor();
  await page.selectOption('#console-from', '');
  await page.selectOption('#console-to', '');
  await page.selectOption('#console-source', '');
  await page.getByLabel('Privacy budget ε').fill('0');
  await page.getByLabel('Privacy budget ε').dispatchEvent('change');
  await build.click();
  await page.locator('#console-pack-status').filter({ hasText: 'The privacy budget "0" is not a number above 0' }).waitFor();
  await page.getByLabel('Privacy budget ε').fill('1');
  await page.getByLabel('Privacy budget ε').dispatchEvent('change');
  await build.click();
  await page.locator('#console-pack-status').filter({ hasText: /^The pack "UK retail, 2026" is ready, with noise of privacy budget ε = 1: 240 respondents counted, published as \d+\.$/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the pack' }).click()]);
  assert.equal(download.suggestedFilename(), 'smi-benchmark.json');
  const pack = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(pack.epsilon, 1, 'the pack states its noise');
  // Whole, non-negative, consistent: each axis and the categories add up to n.
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  for (const counts of [pack.axes.investment, pack.axes.innovation, Object.values(pack.categories)]) {
    assert.ok(counts.every((c) => Number.isInteger(c) && c >= 0));
    assert.equal(sum(counts), pack.n);
  }
  // The noise is there: the exact counts are not what was published.
  const exact = tally(people);
  assert.notDeepEqual(pack.axes.investment, Array.from({ length: 101 }, (_, s) => people.filter((r) => r.inv === s).length));
  assert.ok(Math.abs(pack.n - 240) < 40, `${pack.n}`);
  assert.ok(CATEGORIES.every((c) => Math.abs(pack.categories[c] - exact[c]) < 30));
  // The preview: a visitor scoring 50, by the README's rule applied here.
  const aheadOf = (counts, score) => Math.round((100 * sum(counts.slice(0, score))) / pack.n);
  assert.equal(await page.locator('#console-sample').textContent(),
    `A visitor scoring 50 will read: “Ahead of ${aheadOf(pack.axes.investment, 50)}%” on investment and “Ahead of ${aheadOf(pack.axes.innovation, 50)}%” on innovation.`);

  // The widget with that pack.
  env.server.pages['/console-pack.json'] = { body: JSON.stringify(pack), headers: { 'content-type': 'application/json' } };
  env.server.pages['/console-pack.html'] = { body: hostPage('<smi-assessment benchmark="/console-pack.json"></smi-assessment>') };
  const host = await context.newPage();
  await host.goto(`${env.server.url}console-pack.html`);
  await host.evaluate(() => { window.completed = new Promise((r) => document.addEventListener('smi:complete', (e) => r(e.detail))); });
  const w = widget(host);
  await finish(w, '012301230123012301230123012');
  const detail = await host.evaluate(() => window.completed);
  assert.deepEqual(await w.locator('.smi-compare__ahead').allTextContents(), [
    `Ahead of ${aheadOf(pack.axes.investment, detail.investment)}%`,
    `Ahead of ${aheadOf(pack.axes.innovation, detail.innovation)}%`,
  ]);
  assert.equal(await w.locator('.smi-compare__base').textContent(), `Compared with ${pack.n} companies in \u2068UK retail, 2026\u2069`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile names stay text, a file that is not records says so, and it all works offline once open', async () => {
  const { page, context, errors } = await openConsole();
  await context.setOffline(true);
  const people = respondents(40, 9);
  const evil = '<img src=x onerror=alert(1)>';
  const lines = people.map((r) => JSON.stringify({ questionnaire: 'smi', category: r.cat, investment: r.inv, innovation: r.inn, utm_source: evil, utm_campaign: '=HYPERLINK("http://x")' }));
  await pick(page, 'events.jsonl', lines.join('\n'));
  await page.locator('#console-read').filter({ hasText: 'Read 40 records from 1 file: 40 counted.' }).waitFor();
  assert.equal(await alt(page, 'chart-sources'), `${evil}: 40 (100%).`);
  assert.equal(await page.locator('#panel-insights img').count(), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the summary (CSV)' }).click()]);
  const summary = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(summary.includes('utm_campaign,"\'=HYPERLINK(""http://x"")",40'), summary);
  // Not an array of records, and a mapping that is not pairs.
  await pick(page, 'broken.json', '[{"a": 1}, oops');
  await page.locator('#panel-insights [role=alert]').filter({ hasText: /^broken\.json: not a JSON array of records/ }).waitFor();
  await page.locator('#console-map').fill('investment');
  await page.locator('#console-map').dispatchEvent('change');
  await page.locator('#console-map-error').filter({ hasText: '"investment" is not an ours:theirs pair' }).waitFor();
  assert.equal(await page.locator('#console-map').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the tabs are a tab list: arrow keys move between them, and a link can open the insights', async () => {
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${env.server.url}configurator.html`);
  const configure = page.getByRole('tab', { name: 'Configure' });
  await configure.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Insights and benchmark pack' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#panel-configure').isHidden(), true);
  await page.getByLabel('Lead export or event log').waitFor();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await configure.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-configure');
  await context.close();
  // Opened on the insights, the page fetches the console's wasm and not the widget's, until
  // the Configure tab is shown.
  const fresh = await env.browser.newContext({ reducedMotion: 'reduce' });
  const direct = await fresh.newPage();
  const fetched = [];
  direct.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await direct.goto(`${env.server.url}configurator.html#insights`);
  await direct.getByLabel('Lead export or event log').waitFor();
  assert.ok(fetched.includes('/console/smi_console_bg.wasm'), fetched.join(' '));
  assert.ok(!fetched.includes('/smi_widget_bg.wasm'), fetched.join(' '));
  await direct.getByRole('tab', { name: 'Configure' }).click();
  await direct.locator('#preview .smi-button--primary').waitFor();
  assert.ok(fetched.includes('/smi_widget_bg.wasm'));
  await fresh.close();
});
