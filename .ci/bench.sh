#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release dist/, then prints and writes
# tests/bench/results.{json,md}: file sizes raw/gzip/brotli and timings in headless
# Chromium at 1× and 4× CPU throttling. RUNS=n sets the runs per rate (default 11).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
bash .ci/build.sh
node tests/bench/bench.mjs
