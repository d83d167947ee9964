// The size budget: what a host page downloads for the widget (loader, glue, snippets, wasm
// with its CSS), brotli-compressed. Sizes are deterministic for a given toolchain, so this
// is a test; timings are not, and live in the benchmark (`bash .ci/bench.sh`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_FILES, consoleSizes, reportSizes, sizes } from '../bench/sizes.mjs';

// The budget keeps the widget from growing: the size reached plus at most 1 KiB, and it moves
// up only with a feature that says why (docs/dev/performance.md).
const BUDGET_KIB = 142;

test(`the widget is at most ${BUDGET_KIB} KiB brotli`, async () => {
  const { files, total } = await sizes();
  const kib = (n) => (n / 1024).toFixed(1).padStart(7);
  const table = files.map((f) => `${kib(f.raw)} ${kib(f.gzip)} ${kib(f.brotli)}  ${f.file}`).join('\n');
  console.log(`    raw    gzip  brotli (KiB)\n${table}\n${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}  total`);
  assert.ok(total.brotli <= BUDGET_KIB * 1024, `${kib(total.brotli)} KiB brotli is over the ${BUDGET_KIB} KiB budget:\n${table}`);
});

// The full report is not part of the first load: its module and fonts come on the first
// "Download the report". Its own budget: per language, the module and the fonts it needs.
// The module makes the report's text itself (from the widget's request), which keeps that
// code out of every visitor's first load.
const REPORT_BUDGET_KIB = 570;

test(`the report's download is at most ${REPORT_BUDGET_KIB} KiB brotli in every language`, async () => {
  const kib = (n) => (n / 1024).toFixed(1);
  const lines = [];
  for (const lang of Object.keys(REPORT_FILES)) {
    const { files, total } = await reportSizes(lang);
    lines.push(`    ${lang}: ${kib(total.brotli)} KiB brotli (${files.map((f) => `${f.file} ${kib(f.brotli)}`).join(', ')})`);
    assert.ok(total.brotli <= REPORT_BUDGET_KIB * 1024, `${lang}: ${kib(total.brotli)} KiB brotli is over the report's ${REPORT_BUDGET_KIB} KiB budget`);
  }
  console.log(lines.join('\n'));
});

// The console opened on its insights: the page and the console's wasm, not the widget's.
const CONSOLE_BUDGET_KIB = 250;

test(`the console's first load is at most ${CONSOLE_BUDGET_KIB} KiB brotli`, async () => {
  const { files, total } = await consoleSizes();
  const kib = (n) => (n / 1024).toFixed(1);
  const table = files.map((f) => `${kib(f.brotli)}  ${f.file}`).join('\n');
  assert.ok(total.brotli <= CONSOLE_BUDGET_KIB * 1024, `${kib(total.brotli)} KiB brotli is over the console's ${CONSOLE_BUDGET_KIB} KiB budget:\n${table}`);
});
