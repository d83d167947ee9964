// The team view (team.html): three members take the assessment in three browser profiles and
// send their result links; the coordinator pastes them and sees the mean, the spreads and the
// questions the team disagrees on, computed here again from the questionnaire; the team stays
// in the address across a reload; a 50-member team link opens; a hostile address runs nothing;
// axe is clean in English and Arabic, and the view is photographed in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPage, useServerAndBrowser, widget, widgetReady, SCREENSHOTS } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const Q = JSON.parse(fs.readFileSync(path.join(ROOT, 'engine/content/questionnaire.en.json'), 'utf8'));
const base = () => env.server.url.replace(/\/$/, '');

// The share code written out again from its description (docs/sharing.md): mixed radix, FNV-1a
// fingerprint, CRC-16/CCITT-FALSE, base64url. A second implementation, so the team view is
// fed codes the widget did not make.
function fingerprint(q) {
  let h = 0xcbf29ce484222325n;
  const feed = (bytes) => { for (const b of bytes) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; } };
  feed(Buffer.from(q.id));
  for (const it of q.items) { feed([0x1f]); feed(Buffer.from(it.id)); feed([it.choices.length]); }
  return h.toString(16).padStart(16, '0');
}
function crc16(bytes) {
  let crc = 0xffff;
  for (const b of bytes) { crc ^= b << 8; for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff; }
  return crc;
}
function shareCode(q, digits) {
  let value = 0n, max = 0n;
  for (let i = q.items.length - 1; i >= 0; i--) {
    const radix = BigInt(q.items[i].choices.length);
    value = value * radix + BigInt(digits[i]);
    max = max * radix + radix - 1n;
  }
  const len = Math.max(1, Math.ceil(max.toString(2).length / 8));
  const bytes = [];
  for (let i = len - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(8 * i)) & 0xffn));
  const crc = crc16([...Buffer.from(fingerprint(q)), '1'.charCodeAt(0), ...bytes]);
  return `1${Buffer.from([...bytes, crc >> 8, crc & 0xff]).toString('base64url')}`;
}

/** The engine's scoring again: each axis the weighted mean of chosen/best, × 100, rounded. */
function evaluate(q, digits) {
  const score = (keep) => {
    let sum = 0, total = 0;
    q.items.forEach((it, i) => {
      if (!keep(it)) return;
      const best = Math.max(...it.choices.map((c) => c.score));
      sum += it.weight * (it.choices[digits[i]].score / best);
      total += it.weight;
    });
    return Math.round((sum / total) * 100);
  };
  return { investment: score((it) => it.axis === 'investment'), innovation: score((it) => it.axis === 'innovation') };
}

const MEMBERS = [
  ['Ada', '101010101010123232323232323'],
  ['B.O.', '333333333333333333333333333'],
  ['Cy', '000000000000011111111111111'],
];

async function memberLink(digits) {
  env.server.pages['/assess.html'] ??= { body: hostPage('<smi-assessment lang="en"></smi-assessment>') };
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${base()}/assess.html#smi-team=Board`);
  await widgetReady(page);
  const w = widget(page);
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  for (const [n, d] of [...digits].entries()) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.getByRole('button', { name: n === digits.length - 1 ? 'See my result' : 'Next' }).click();
  }
  const link = await w.locator('#smi-share-link').inputValue();
  await context.close();
  return link;
}

async function openTeam(context, query = '', hash = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${base()}/team.html${query}${hash}`);
  await page.locator('main.team').waitFor();
  return { page, errors };
}

test('a coordinator gathers three members and sees the team as the questionnaire says', async () => {
  const links = [];
  for (const [, digits] of MEMBERS) links.push(await memberLink(digits));
  // Opened from the invitation, each result's link names the team.
  for (const [i, [, digits]] of MEMBERS.entries()) assert.ok(links[i].endsWith(`#smi=${shareCode(Q, digits)}&smi-team=Board`), links[i]);

  const context = await env.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1000, height: 1200 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.teamEvents = [];
    document.addEventListener('smi:team', (e) => window.teamEvents.push(e.detail));
  });
  const { page, errors } = await openTeam(context);
  await page.getByLabel('Team name').fill('Board');
  await page.getByLabel('Team name').press('Tab');
  await page.getByLabel('Address of the page with the assessment').fill(`${base()}/assess.html`);
  await page.getByLabel('Address of the page with the assessment').press('Tab');
  assert.match(await page.locator('.team-invitation').textContent(), new RegExp(`assess\\.html#smi-team=Board$`));
  // Pasted with names around the links, one twice, and a line that is no link.
  const pasted = `${MEMBERS.map(([name], i) => `${name}: ${links[i]}`).join('\n')}\nAda: ${links[0]}\nhello\nDi ${links[0].replace('smi-team=Board', 'smi-team=Sales')}`;
  await page.getByLabel(/Members' result links/).fill(pasted);
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await page.getByText('Added: 3. Already in the team: 1. From another team: 1. Not a result of this assessment: 1.').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Members: 3' }).count(), 1);

  const scores = MEMBERS.map(([, d]) => evaluate(Q, d));
  const mean = (k) => Math.round(scores.reduce((s, x) => s + x[k], 0) / scores.length);
  const sorted = (k) => scores.map((x) => x[k]).sort((a, b) => a - b);
  assert.equal(
    await page.locator('.team-block p', { hasText: 'Mean investment' }).textContent(),
    `Mean investment ${mean('investment')} and mean innovation ${mean('innovation')} across 3 members.`,
  );
  const row = async (name) => page.locator('.team-spread tbody tr', { has: page.getByRole('rowheader', { name }) }).locator('td').allTextContents();
  assert.deepEqual(await row('Investment'), sorted('investment').map(String));
  assert.deepEqual(await row('Innovation'), sorted('innovation').map(String));
  // smi:team went out with the same aggregate, by ids.
  const detail = await page.evaluate(() => window.teamEvents.at(-1));
  assert.equal(detail.team, 'Board');
  assert.equal(detail.members, 3);
  assert.deepEqual([detail.investment, detail.innovation], [mean('investment'), mean('innovation')]);
  assert.deepEqual(detail.spreads[0], { of: 'investment', lowest: sorted('investment')[0], median: sorted('investment')[1], highest: sorted('investment')[2] });
  // Three members who answered 1/0/3, 2/3/1 … everywhere: every item differs; the five listed
  // are the ones with the largest variance of scores, ties in questionnaire order.
  const variance = (i) => {
    const s = MEMBERS.map(([, d]) => Q.items[i].choices[Number(d[i])].score);
    const m = s.reduce((a, b) => a + b, 0) / s.length;
    return s.reduce((a, b) => a + (b - m) ** 2, 0);
  };
  const expected = Q.items.map((_, i) => i).filter((i) => variance(i) > 0)
    .sort((a, b) => variance(b) - variance(a) || a - b).slice(0, 5).map((i) => Q.items[i].prompt);
  assert.deepEqual(await page.locator('.team-disagreements__prompt').allTextContents(), expected);
  // Each member's dot, named, and the mean, in the matrix and its text alternative.
  assert.deepEqual(await page.locator('.team-matrix__member text').allTextContents(), ['Ada', 'B.O.', 'Cy']);
  assert.match(await page.locator('#team-matrix-desc').textContent(), /Ada\u2069: investment \d+, innovation \d+/);
  assert.deepEqual(await axeViolations(page, 'main.team'), []);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'team-en.png'), fullPage: true });
  // The team card: a 1200 × 1400 PNG of the matrix under the team's name and mean.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download image' }).click()]);
  assert.equal(download.suggestedFilename(), 'smi-team-board.png');
  const png = fs.readFileSync(await download.path());
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 1400]);
  fs.writeFileSync(path.join(SCREENSHOTS, 'team-card.png'), png);

  // The address holds the team: a reload (or a bookmark) shows the same three.
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#smi-team=Board&smi-members=/);
  await page.reload();
  await page.getByRole('heading', { name: 'Members: 3' }).waitFor();
  // Removing a member updates the view and the address.
  await page.getByRole('button', { name: 'Remove' }).first().click();
  await page.getByRole('heading', { name: 'Members: 2' }).waitFor();
  assert.ok(!new URL(page.url()).hash.includes(shareCode(Q, MEMBERS[0][1])));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a team of 50 opens from its link of under 2,000 characters, in Arabic, axe clean', async () => {
  const members = [];
  for (let i = 0; i < 50; i++) {
    const digits = Q.items.map((it, j) => (i * 7 + j * 3 + (i >> 2)) % it.choices.length).join('');
    members.push(`${shareCode(Q, digits)}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
  }
  const hash = `#smi-team=Board&smi-members=${members.join(',')}`;
  const url = `${base()}/team.html?lang=ar${hash}`;
  assert.ok(url.length < 2000, `${url.length}`);
  const context = await env.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1000, height: 1200 } });
  const { page, errors } = await openTeam(context, '?lang=ar', hash);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await page.getByRole('heading', { name: 'الأعضاء: 50' }).waitFor();
  assert.equal(await page.locator('.team-matrix__member').count(), 50);
  assert.equal(await page.locator('.team-disagreements > li').count(), 5);
  assert.deepEqual(await axeViolations(page, 'main.team'), []);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'team-ar.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Persian, the team view is right to left, in its digits, axe clean, and usable by keyboard alone', async () => {
  const members = MEMBERS.map(([name, digits]) => `${shareCode(Q, digits)}${encodeURIComponent(name)}`);
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  const { page, errors } = await openTeam(context, '?lang=fa', `#smi-team=Board&smi-members=${members.join(',')}`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await page.getByRole('heading', { name: 'اعضا: ۳' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'main.team'), []);
  // Keyboard only: from the page's start, Tab to the paste field, type a link, Tab to the
  // button, press Enter; then Tab to a member's Remove button and press Space.
  const link = `${base()}/assess.html#smi=${shareCode(Q, '222222222222222222222222222')}`;
  let steps = 0;
  while (!(await page.evaluate(() => document.activeElement?.id === 'team-paste')) && steps++ < 10) await page.keyboard.press('Tab');
  await page.keyboard.type(`Di: ${link}`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'اعضا: ۴' }).waitFor();
  steps = 0;
  while (!(await page.evaluate(() => document.activeElement?.classList.contains('team-link-button'))) && steps++ < 10) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.getByRole('heading', { name: 'اعضا: ۳' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hostile address runs nothing and keeps only what checks', async () => {
  const ada = shareCode(Q, MEMBERS[0][1]);
  const damaged = `${ada.slice(0, -1)}${ada.endsWith('A') ? 'B' : 'A'}`;
  const name = encodeURIComponent('<img src=x onerror=alert(1)>\u202e');
  const hash = `#smi-team=${name}&smi-members=${ada}${name},${damaged}X&smi-page=javascript:alert(2)`;
  const context = await env.browser.newContext();
  const { page, errors } = await openTeam(context, '', hash);
  await page.getByRole('heading', { name: 'Members: 1' }).waitFor();
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('.team-matrix__member text').textContent(), '<img src=x onerror=alert');
  assert.equal(await page.getByLabel('Address of the page with the assessment').inputValue(), '');
  assert.equal(await page.locator('.team-invitation').count(), 0);
  // Rewritten without what did not check.
  assert.ok(!new URL(page.url()).hash.includes(damaged));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the configurator's team view link opens the team view", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base()}/configurator.html`);
  await page.getByRole('link', { name: 'team view' }).click();
  await page.locator('main.team').waitFor();
  assert.equal(await page.title(), 'Team view');
  await context.close();
});
