#!/usr/bin/env bash
# Runs every test: formatting, lints, native tests, browser tests (wasm-bindgen-test in
# headless Chromium), then Playwright journeys against the built demo, the journeys in
# Chromium, Firefox and WebKit, the npm package in a Vite app, and the WordPress plugin on a
# real WordPress. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Snapshot mismatches fail; they are never rewritten here.
export INSTA_UPDATE=no

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
step "native tests"
cargo test
step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test browser
step "release build"
.ci/build.sh
step "end-to-end tests (Playwright, headless Chromium)"
node --test tests/e2e/
step "journeys in Chromium, Firefox ESR and WebKitGTK (tests/engines/)"
node --test tests/engines/
step "the npm package in a Vite + TypeScript app (installs Vite, TypeScript and React's types into a temporary folder)"
node --test tests/consumer/
step "WordPress plugin (a real WordPress and MariaDB, started and stopped by the test)"
node --test tests/wordpress/
echo
echo "all tests passed"
