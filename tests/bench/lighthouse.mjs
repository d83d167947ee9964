// Lighthouse 13.5.0, mobile preset (its default), on a page that holds only the widget and
// the README's preload hints, served gzip-compressed on 127.0.0.1: RUNS runs (default 5).
// Prints the median and every run of performance, accessibility, best practices, LCP and
// TBT, and adds them to tests/bench/results.{json,md}. Run by `bash .ci/bench.sh`, which
// installs Lighthouse (not a test dependency) when it is missing.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '../e2e/server.mjs';
import { CHROMIUM_ARGS } from '../e2e/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(HERE, '../../node_modules/.bin/lighthouse');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Social Maturity Index</title>
<meta name="description" content="How socially mature is your company? Take the assessment.">
<link rel="modulepreload" href="/smi-widget.js">
<script type="module" src="/smi-widget.js"></script>
</head><body><main><smi-assessment></smi-assessment></main></body></html>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await serve(undefined, 0, { gzip: true });
  server.pages['/lighthouse.html'] = { body: PAGE };
  const url = `${server.url}lighthouse.html`;
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { stdout } = await promisify(execFile)(BIN, [
        url, '--quiet', '--output=json', '--output-path=stdout',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
      const report = JSON.parse(stdout);
      const score = (id) => Math.round(report.categories[id].score * 100);
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        lcp: report.audits['largest-contentful-paint'].numericValue,
        tbt: report.audits['total-blocking-time'].numericValue,
        fcp: report.audits['first-contentful-paint'].numericValue,
      });
      process.stderr.write(`lighthouse run ${i + 1}: ${JSON.stringify(runs.at(-1))}\n`);
    }
  } finally {
    await server.close();
  }
  const col = (key) => runs.map((r) => r[key]);
  const ms = (x) => `${Math.round(x)}`;
  const rows = [
    ['performance', 'performance score', (x) => String(x), '100 in ≥ 4 of 5, none < 98'],
    ['accessibility', 'accessibility score', (x) => String(x), '100'],
    ['bestPractices', 'best practices score', (x) => String(x), ''],
    ['fcp', 'first contentful paint (ms)', ms, ''],
    ['lcp', 'largest contentful paint (ms)', ms, '≤ 1200'],
    ['tbt', 'total blocking time (ms)', ms, '≤ 50 (median)'],
  ];
  const lines = [
    '',
    `Lighthouse 13.5.0, mobile preset, ${RUNS} runs on a page with only the widget and its preload hints, served gzip on 127.0.0.1:`,
    '',
    '| measure | median | runs | target |',
    '|---|---|---|---|',
    ...rows.map(([key, label, f, target]) => `| ${label} | ${f(median(col(key)))} | ${col(key).map(f).join(', ')} | ${target} |`),
  ];
  const markdown = lines.join('\n') + '\n';
  const json = JSON.parse(await fs.readFile(path.join(HERE, 'results.json'), 'utf8').catch(() => '{}'));
  json.lighthouse = { version: '13.5.0', preset: 'mobile', runs };
  await fs.writeFile(path.join(HERE, 'results.json'), JSON.stringify(json, null, 2) + '\n');
  await fs.appendFile(path.join(HERE, 'results.md'), markdown);
  process.stdout.write(markdown);
}

await main();
