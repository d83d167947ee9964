#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release dist/, then prints and writes
# tests/bench/results.{json,md}: file sizes raw/gzip/brotli and timings in headless
# Chromium at 1× and 4× CPU throttling (RUNS=n sets the runs per rate, default 11), the
# console's reading of a large export against smi-benchmark's, then Lighthouse's mobile
# preset (LIGHTHOUSE_RUNS, default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
bash .ci/build.sh
node tests/bench/bench.mjs
# The console's: a 100,000-record export in Chromium against smi-benchmark on the same file.
cargo build --quiet --release -p smi-engine --features records --bin smi-benchmark
node tests/bench/console.mjs
# Lighthouse is the benchmark's alone, so the test set-up does not carry it.
if [ "$(node_modules/.bin/lighthouse --version 2>/dev/null)" != "13.5.0" ]; then
  npm install --no-save --no-audit --no-fund --loglevel=error lighthouse@13.5.0
fi
node tests/bench/lighthouse.mjs
