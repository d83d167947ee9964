// The size budget: what a host page downloads for the widget (loader, glue, snippets, wasm
// with its CSS), brotli-compressed. Sizes are deterministic for a given toolchain, so this
// is a test; timings are not, and live in the benchmark (`bash .ci/bench.sh`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sizes } from '../bench/sizes.mjs';

// The budget keeps the widget from growing: the size reached plus at most 1 KiB, and it only
// moves down (docs/dev/performance.md).
const BUDGET_KIB = 130;

test(`the widget is at most ${BUDGET_KIB} KiB brotli`, async () => {
  const { files, total } = await sizes();
  const kib = (n) => (n / 1024).toFixed(1).padStart(7);
  const table = files.map((f) => `${kib(f.raw)} ${kib(f.gzip)} ${kib(f.brotli)}  ${f.file}`).join('\n');
  console.log(`    raw    gzip  brotli (KiB)\n${table}\n${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}  total`);
  assert.ok(total.brotli <= BUDGET_KIB * 1024, `${kib(total.brotli)} KiB brotli is over the ${BUDGET_KIB} KiB budget:\n${table}`);
});
