#!/usr/bin/env bash
# Installs, idempotently, everything the build and the tests need on a machine of this kind
# (Debian 12, rustup, Node 20, only the package registries reachable). Each step checks first
# and skips what is already there, so running it twice costs seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen` crate pinned in Cargo.toml
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup: wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm is built on nightly with the standard library rebuilt (.ci/build.sh): its
# sources and the wasm target. Only the toolchain's own `nightly` channel is served here.
# Without them the release build falls back to stable, with a warning.
nightly_warning() { echo "warning: $1; the release build will use stable (about 13 KiB brotli larger)" >&2; }
if ! rustup toolchain list | grep -q '^nightly'; then
  step "rustup: nightly"
  rustup toolchain install nightly --profile minimal || nightly_warning "no nightly toolchain"
fi
if ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  step "rustup: rust-src (nightly)"
  rustup component add rust-src --toolchain nightly || nightly_warning "no rust-src for nightly"
fi
if ! rustup target list --toolchain nightly --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup: wasm32-unknown-unknown (nightly)"
  rustup target add wasm32-unknown-unknown --toolchain nightly || nightly_warning "no wasm target for nightly"
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "rustup: $component"
    rustup component add "$component"
  fi
done

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (several minutes, once)"
  # No --locked: its lock file names a webpki-roots version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Chromium and its driver for the browser tests, Noto fonts for Arabic and Persian (and,
# subset by fonttools' pyftsubset, for the report), Python 3 for the build's small helpers
# and the lead endpoint the tests start, poppler-utils to read the report's PDF back.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v python3 >/dev/null \
  || [ ! -d /usr/share/fonts/truetype/noto ] || [ ! -x /usr/bin/pyftsubset ] || [ ! -x /usr/bin/pdftotext ]; then
  step "apt: chromium, chromium-driver, fonts-noto-core, fonttools, poppler-utils, python3"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-core fonttools \
    poppler-utils python3 >/dev/null
fi

# Firefox ESR and WebKitGTK for the journeys in every engine (tests/engines/): Firefox is
# driven over WebDriver BiDi by puppeteer-core (no driver binary), WebKitGTK's MiniBrowser by
# WebKitWebDriver under an Xvfb display the test starts and stops.
if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ]; then
  step "apt: firefox-esr, webkit2gtk-driver, xvfb"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr webkit2gtk-driver \
    xvfb xauth >/dev/null
fi

# A real WordPress for the plugin's tests (tests/wordpress/): Debian's WordPress and its
# twentytwentythree theme, MariaDB, and PHP's CLI with its MySQL driver. The tests start and
# stop their own database and server; nothing here is left running.
if [ ! -f /usr/share/wordpress/wp-load.php ] || [ ! -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] \
  || ! command -v mysqld_safe >/dev/null || ! command -v php >/dev/null || ! php -m | grep -qx mysqli; then
  step "apt: wordpress, mariadb-server, php8.2-cli, php8.2-mysql"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wordpress \
    wordpress-theme-twentytwentythree mariadb-server php8.2-cli php8.2-mysql >/dev/null
fi

# npm: wasm-opt (binaryen), esbuild (minifies the JS), the Playwright driver, axe-core.
# `npm ci` is exact and offline-friendly once package-lock.json exists.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "setup: ok ($(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version), $(/usr/bin/firefox-esr --version))"
