// Share links: a recipient in a fresh browser context sees the same card; a tampered link
// is refused with a message over the normal start screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, hostPage, useServerAndBrowser, widget, SCREENSHOTS } from './browser.mjs';

const env = useServerAndBrowser();

// 13 investment items, then 14 innovation items: Participant, investment 19, innovation 84.
const PROFILE = '1010101010101' + '23232323232323';

const scores = (page) => widget(page).locator('.smi-score__number').allTextContents();

test('a share link opens the same card in a fresh context', async () => {
  const sender = await env.browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce',
  });
  const page = await sender.newPage();
  await page.goto(env.server.url);
  await finish(widget(page), PROFILE);
  await widget(page).locator('.smi-result__date').waitFor();
  await widget(page).locator('.smi').screenshot({ path: path.join(SCREENSHOTS, 'result-desktop.png') });
  const link = await widget(page).getByRole('textbox', { name: 'Link to your result' }).inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#smi=1[A-Za-z0-9_-]{12}$/);
  await widget(page).getByRole('button', { name: 'Copy link' }).click();
  await widget(page).getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const linkedin = await widget(page).getByRole('link', { name: 'Share on LinkedIn' }).getAttribute('href');
  assert.equal(linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(link)}`);
  assert.deepEqual(await scores(page), ['19', '84']);
  await sender.close();

  const recipient = await env.browser.newContext();
  const other = await recipient.newPage();
  await other.goto(link);
  const w = widget(other);
  await w.getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  assert.deepEqual(await scores(other), ['19', '84']);
  assert.equal(await w.getByRole('textbox', { name: 'Link to your result' }).count(), 0, 'read-only card');
  await w.getByRole('button', { name: 'Take the assessment yourself' }).click();
  await w.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(new URL(other.url()).hash, '');
  await recipient.close();
});

test('a tampered link is refused over the start screen', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${env.server.url}#smi=1O7u7uREREamX`);
  const w = widget(page);
  await w.getByRole('alert').filter({ hasText: 'This share link cannot be opened' }).waitFor();
  await w.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(await w.getByRole('heading', { name: /Your social maturity/ }).count(), 0);
  assert.ok(warnings.some((t) => t.includes('damaged')), warnings.join('\n'));
  await context.close();
});

/** Resolves once `check()` holds (polled every 50 ms); fails after `ms`. */
async function until(check, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the card downloads as a 1200×630 PNG drawn at 2×', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const w = widget(page);
  await finish(w, PROFILE);
  const events = [];
  await page.exposeFunction('shareEvent', (d) => events.push(d));
  await page.evaluate(() => document.addEventListener('smi:share', (e) => window.shareEvent(e.detail)));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Download image' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'social-maturity-participant.png');
  // The downloaded file itself is checked; a copy is kept to look at.
  assert.deepEqual(pngSize(await fs.readFile(await download.path())), [2400, 1260]);
  await download.saveAs(path.join(SCREENSHOTS, 'card-participant.png'));
  await until(() => events.at(-1)?.method === 'png', 'smi:share for the PNG');
  await context.close();
});

/** Pages in a PDF made by Chromium (its page objects are written out uncompressed). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test('printing puts the card alone on one A4 or Letter page', async () => {
  const context = await env.browser.newContext();
  // The print dialog is the browser's; what is printed is what the print media shows.
  await context.addInitScript(() => { window.print = () => {}; });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const w = widget(page);
  await finish(w, PROFILE);
  const before = { a4: pdfPages(await page.pdf({ format: 'A4' })) };
  await w.getByRole('button', { name: 'Print' }).click();
  await page.locator('smi-assessment[data-smi-print]').waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => getComputedStyle(document.querySelector('.hero')).display);
  assert.equal(hidden, 'none', 'the host page is hidden while the card prints');
  for (const format of ['A4', 'Letter']) {
    assert.equal(pdfPages(await page.pdf({ format, printBackground: true })), 1, format);
  }
  assert.ok(before.a4 > 1, `the whole page printed without the button takes ${before.a4} pages`);
  await context.close();
});

test("the host's logo is drawn on the card", async () => {
  env.server.pages['/logo.svg'] = {
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#ff0000"/></svg>',
    headers: { 'content-type': 'image/svg+xml' },
  };
  env.server.pages['/branded.html'] = { body: hostPage('<smi-assessment logo="/logo.svg" company="Red Co"></smi-assessment>') };
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.server.url}branded.html`);
  const w = widget(page);
  await finish(w, PROFILE);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Download image' }).click(),
  ]);
  const png = await fs.readFile(await download.path());
  // The logo's box is 160×44 at the card's top right; a square logo sits at its right end.
  const pixel = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(2 * 1118, 2 * 62, 1, 1).data];
  }, png.toString('base64'));
  assert.deepEqual(pixel, [255, 0, 0, 255]);
  await context.close();
});
