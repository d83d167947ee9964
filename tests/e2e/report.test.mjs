// The full report: downloaded as a PDF in each language and read back with poppler-utils
// (the category, both scores, the visitor's company, every action on screen, the share link,
// Arabic and Persian in logical order, the page count, the title, language and embedded
// fonts); the `lead="report"` gate; a failure that leaves the result; a strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostPage, useServerAndBrowser, widgetReady, SCREENSHOTS } from './browser.mjs';
import { DIST } from './server.mjs';

const env = useServerAndBrowser();
const PROFILE = '1010101010101' + '23232323232323';
const CATEGORY = { en: 'Participant', ms: 'Peserta', ar: 'المشارك', fa: 'مشارکت‌کننده', ru: 'Участник' };
const ZERO = { en: '0', ms: '0', ar: '0', fa: '۰', ru: '0' };
const CONTACT = 'Northwind Consulting|hello@northwind.example';

/** `text` without whitespace, Arabic vowel marks and bidi controls: lines break differently in
 * the PDF than on screen, and pdftotext moves a vowel mark before its letter. */
const letters = (text) => text.replace(/[\s\u064B-\u065F\u0670\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

const digits = (n, lang) => String(n).replace(/[0-9]/g, (d) => String.fromCodePoint(ZERO[lang].codePointAt(0) + Number(d)));

/** What poppler reads from `pdf` (bytes): its text, its info, its fonts. */
function readPdf(pdf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-report-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const run = (tool, ...args) => execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    return {
      text: run('pdftotext', '-enc', 'UTF-8'),
      info: run('pdfinfo'),
      meta: run('pdfinfo', '-meta'),
      fonts: run('pdffonts'),
      images: run('pdfimages', '-list').trim().split('\n').length - 2,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Page 1 of `pdf` as `<out>.png`, 60 pixels per inch (the docs show it). */
function firstPage(pdf, out) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-report-'));
  try {
    fs.writeFileSync(path.join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'report.pdf'), out]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function open(body, { headers, init } = {}) {
  const name = `/report-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = { body: hostPage(body), headers };
  const context = await env.browser.newContext({ acceptDownloads: true, reducedMotion: 'reduce' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.events = [];
    for (const name of ['smi:complete', 'smi:report', 'smi:error', 'smi:lead']) {
      document.addEventListener(name, (e) => window.events.push({ name, detail: e.detail }));
    }
  });
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context, problems, w: page.locator('smi-assessment') };
}

async function complete(w, page) {
  await widgetReady(page);
  await w.locator('.smi-button--primary').click();
  for (const d of PROFILE) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.locator('button[type=submit]').click();
  }
  await w.locator('.smi-report, .smi-capture').first().waitFor();
}

const events = (page, name) => page.evaluate((name) => window.events.filter((e) => e.name === name).map((e) => e.detail), name);

/** Clicks "Download the report" and returns the PDF's bytes and its file name. */
async function download(page, w) {
  const [file] = await Promise.all([page.waitForEvent('download'), w.locator('.smi-report button').click()]);
  return { pdf: fs.readFileSync(await file.path()), name: file.suggestedFilename() };
}

for (const lang of Object.keys(CATEGORY)) {
  test(`${lang}: the report downloads and reads back with the result on every page`, async () => {
    const { page, context, problems, w } = await open(
      `<smi-assessment lang="${lang}" company="Northwind Consulting" cta-label="Book a call" cta-url="https://northwind.example/book" report-contact="${CONTACT}"></smi-assessment>`,
    );
    await complete(w, page);
    const [result] = await events(page, 'smi:complete');
    const onScreen = await w.locator('.smi-plan__item').allTextContents();
    assert.ok(onScreen.length > 0);
    const { pdf, name } = await download(page, w);
    assert.equal(name, 'social-maturity-participant.pdf');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:report'));
    const [reported] = await events(page, 'smi:report');
    const { text, info, meta, fonts } = readPdf(pdf);
    const plain = letters(text);
    for (const needle of [CATEGORY[lang], digits(result.investment, lang), digits(result.innovation, lang),
      'Northwind Consulting', 'hello@northwind.example', 'Book a call', result.share_url, ...onScreen]) {
      assert.ok(plain.includes(letters(needle)), `${lang}: ${JSON.stringify(needle)} is in the PDF`);
    }
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
    assert.deepEqual(reported, { lang, pages, bytes: pdf.length });
    console.log(`    ${lang}: ${pages} pages, ${(pdf.length / 1024).toFixed(1)} KiB`);
    assert.ok(pages >= 6, `${pages} pages: cover, result, next category, plan, answers, last page`);
    assert.match(info, /^Title:\s+\S/m);
    assert.match(meta, new RegExp(`<dc:language>[\\s\\S]*${lang}[\\s\\S]*</dc:language>`));
    const rows = fonts.trim().split('\n').slice(2);
    assert.ok(rows.length >= 1 && rows.every((row) => / yes yes yes /.test(row)), `every font embedded and subset:\n${fonts}`);
    if (lang === 'ar' || lang === 'fa') assert.match(fonts, /NotoNaskhArabic/);
    if (lang === 'en' || lang === 'ar') firstPage(pdf, path.join(SCREENSHOTS, `report-${lang}`));
    assert.equal(await w.locator('.smi-report [role=status]').textContent(), '');
    assert.equal(readPdf(pdf).images, 0, 'no logo given, none drawn');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('lead="report": the result is free, the report comes after the form, and the lead says so', async () => {
  const { page, context, w } = await open(
    '<smi-assessment lead="report" lead-fields="name,email*,company" lead-endpoint="https://crm.example/hook"></smi-assessment>',
  );
  const bodies = [];
  await context.route('https://crm.example/hook', async (route) => {
    bodies.push(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 200, body: '{}', headers: { 'access-control-allow-origin': '*' } });
  });
  await complete(w, page);
  await w.getByRole('heading', { name: /Your social maturity/ }).waitFor();
  assert.equal(await w.locator('.smi-report').count(), 0, 'no report before the form');
  await w.getByRole('textbox', { name: 'Work e-mail' }).fill('ada@acme.example');
  await w.getByRole('textbox', { name: 'Company (optional)' }).fill('Acme Retail');
  await w.getByRole('checkbox').check();
  const [file] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: 'Send me the report' }).click()]);
  const { text } = readPdf(fs.readFileSync(await file.path()));
  assert.ok(text.includes('Acme Retail'), 'the company from the form is on the cover');
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:report'));
  await w.locator('.smi-report button').waitFor();
  assert.equal(bodies.length, 1);
  assert.equal(bodies[0].report, true);
  assert.equal(bodies[0].company, 'Acme Retail');
  await context.close();
});

test('a report whose module cannot load says so, keeps the result, and works on the next try', async () => {
  const { page, context, w } = await open('<smi-assessment></smi-assessment>');
  await complete(w, page);
  await page.route('**/report/smi_report.wasm', (route) => route.fulfill({ status: 503, body: 'down' }));
  await w.locator('.smi-report button').click();
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:error'));
  const [error] = await events(page, 'smi:error');
  assert.equal(error.code, 'report-failed');
  assert.match(error.message, /HTTP 503/);
  assert.match(await w.locator('.smi-report [role=status]').textContent(), /could not be made/);
  assert.equal(await w.getByRole('heading', { name: /Your social maturity/ }).count(), 1, 'the result stays');
  await page.unroute('**/report/smi_report.wasm');
  const { pdf } = await download(page, w);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  await context.close();
});

test('a report module or font altered by one byte is refused by its integrity hash, and nothing is made from it', async () => {
  for (const file of ['smi_report.wasm', 'latin.ttf']) {
    const { page, context, w } = await open('<smi-assessment></smi-assessment>');
    await complete(w, page);
    const bytes = fs.readFileSync(path.join(DIST, 'report', file));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await page.route(`**/report/${file}`, (route) => route.fulfill({ status: 200, body: bytes, contentType: 'application/octet-stream' }));
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await w.locator('.smi-report button').click();
    await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:error'));
    const [error] = await events(page, 'smi:error');
    assert.equal(error.code, 'report-failed', file);
    assert.match(error.message, new RegExp(`report/${file.replace('.', '\\.')} does not match its integrity hash`), file);
    assert.match(await w.locator('.smi-report [role=status]').textContent(), /could not be made/);
    assert.equal(downloads, 0, `${file}: no PDF from an altered file`);
    await context.close();
  }
});

test('under the strict CSP the report is made with no violation', async () => {
  const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
  env.server.pages['/logo.svg'] = {
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0a7"/></svg>',
    headers: { 'content-type': 'image/svg+xml' },
  };
  const { page, context, problems, w } = await open('<smi-assessment logo="/logo.svg" company="Strict Co"></smi-assessment>', {
    headers: { 'content-security-policy': STRICT_CSP },
    init: () => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
  await complete(w, page);
  const { pdf } = await download(page, w);
  const { text, images } = readPdf(pdf);
  assert.ok(text.includes('Strict Co'));
  assert.ok(images >= 1, 'the logo, drawn from pixels the browser decoded');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
