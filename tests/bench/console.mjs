// The console's benchmark: a 100,000-record CSV export read, summarised and charted in
// headless Chromium (from the file picked to the charts drawn, as the console itself times
// it: `data-took-ms`) at 1× and 4× CPU, against `smi-benchmark` reading the same file natively
// (wall time of the process, which also builds and writes the pack); and the console's own
// download (wasm, glue, start-up script), raw, gzip and brotli. Medians over RUNS runs
// (default 5). Run by `bash .ci/bench.sh` after the widget's benchmark, or alone after
// `bash .ci/build.sh` and `cargo build --release -p smi-engine --features records`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const RUNS = Number(process.env.RUNS ?? 5);
const RECORDS = 100_000;
const CATEGORIES = ['observer', 'conservative', 'participant', 'social-first'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A HubSpot-like export: quoted commas, the page address with UTM parameters, a date. */
function csv() {
  let seed = 1;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % 101; };
  const rows = ['Record ID,Email,investment,innovation,category,questionnaire,pillar_people,pillar_governance,pillar_technology,next_changes,page_url,Create Date'];
  for (let i = 0; i < RECORDS; i++) {
    const [inv, inn] = [next(), next()];
    const category = CATEGORIES[(inv >= 50 ? 1 : 0) + (inn >= 50 ? 2 : 0)];
    rows.push([`L${i}`, `"a${i}@b.c, x"`, inv, inn, category, 'smi', next(), next(), next(), i % 9,
      `https://s.example/p?utm_source=s${i % 7}&utm_campaign=c${i % 13}`, `2026-${String(1 + (i % 12)).padStart(2, '0')}-15 09:00`].join(','));
  }
  return `${rows.join('\n')}\n`;
}

async function sizes() {
  const files = ['console/smi_console_bg.wasm', 'console/smi_console.js', 'console/boot.js'];
  const out = [];
  for (const file of files) {
    const bytes = await fs.readFile(path.join(ROOT, 'dist', file));
    out.push({
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return out;
}

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'smi-console-bench-'));
  const file = path.join(dir, 'leads.csv');
  const text = csv();
  await fs.writeFile(file, text);
  const bin = path.join(ROOT, 'target/release/smi-benchmark');
  const native = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    execFileSync(bin, [file, '--label', 'Bench', '--lead-map', 'lead_id:Record ID', '--out', path.join(dir, 'pack.json')], { stdio: 'ignore' });
    native.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const server = await serve();
  const browser = await launch();
  const browserTimes = {};
  try {
    for (const rate of [1, 4]) {
      browserTimes[rate] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage();
        await page.goto(`${server.url}configurator.html#insights`);
        await page.locator('#console-files').waitFor({ state: 'attached' });
        await page.locator('#console-map').fill('lead_id:Record ID');
        await page.locator('#console-map').dispatchEvent('change');
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        await page.locator('#console-files').setInputFiles(file);
        await page.locator('.console[data-took-ms]').waitFor({ state: 'attached', timeout: 120_000 });
        const took = Number(await page.locator('.console').getAttribute('data-took-ms'));
        const read = await page.locator('#console-read').textContent();
        if (!read.includes(`${RECORDS.toLocaleString('en').replace(/,/g, '')} counted`)) throw new Error(`unexpected: ${read}`);
        browserTimes[rate].push(took);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  const kib = (b) => (b / 1024).toFixed(1);
  const files = await sizes();
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const range = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  const lines = [
    `Console, ${RECORDS.toLocaleString('en')} CSV records (${kib(Buffer.byteLength(text))} KiB), median (min–max) of ${RUNS} runs, ms:`,
    `  read, summarised and charted in Chromium at 1× CPU: ${range(browserTimes[1])}`,
    `  the same at 4× CPU: ${range(browserTimes[4])}`,
    `  smi-benchmark natively, the whole process: ${range(native)}`,
    `  Chromium 1× / native: ${(median(browserTimes[1]) / median(native)).toFixed(2)}×`,
    'Console download (KiB raw / gzip / brotli):',
    ...files.map((f) => `  ${f.file}: ${kib(f.raw)} / ${kib(f.gzip)} / ${kib(f.brotli)}`),
    `  total: ${kib(total.raw)} / ${kib(total.gzip)} / ${kib(total.brotli)}`,
  ];
  console.log(lines.join('\n'));
}

await main();
