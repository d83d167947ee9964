#!/usr/bin/env bash
# Builds the release widget into dist/: the wasm (bindgen'd, wasm-opt -Oz), the loader
# smi-widget.js (its parts, the wasm's JS glue and the card's helpers bundled and minified by
# esbuild), the iframe page frame.html, the demo page and the example host pages, the npm
# package and the WordPress plugin. Usage: .ci/build.sh [--dev] (unoptimised, unminified)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

profile=release
[ "${1:-}" = "--dev" ] && profile=dev
target_dir=$(cargo metadata --format-version 1 --no-deps | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).target_directory')
out=$target_dir/wasm32-unknown-unknown/$([ $profile = dev ] && echo debug || echo release)

# Nightly, with the standard library rebuilt for size: a panic is an immediate `unreachable`
# trap (no formatting or unwinding code, no panic locations), 13 KiB brotli less. The loader
# turns a trap into the widget's crash message (`src/js/loader/crash.js`), or the report's
# failure. Dev builds and the tests stay on stable, where the panic hook writes that message.
# Where the nightly build cannot run, the stable release build still does, with a warning.
wasm_build() {
  local package=$1
  if [ $profile = release ]; then
    if ! RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zcross-crate-inline-threshold=always" cargo +nightly build -p "$package" --lib --release \
      --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -Zbuild-std-features= \
      -Zpanic-immediate-abort --config 'profile.release.panic="immediate-abort"'; then
      echo "warning: the nightly size build of $package failed; building on stable instead (larger)" >&2
      cargo build -p "$package" --lib --release --target wasm32-unknown-unknown
    fi
  else
    cargo build -p "$package" --lib --target wasm32-unknown-unknown --profile "$profile"
  fi
}
wasm_build smi-widget
wasm_build smi-report
wasm_build smi-team
wasm_build smi-console
rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name smi_widget "$out/smi_widget.wasm"
if [ $profile = release ]; then
  # --converge repeats the passes until the module stops shrinking: about 1 KiB brotli;
  # --gufa-optimizing (whole-program type inference) 0.2 KiB more. --low-memory-unused lets
  # a constant added to an address become the load's offset (0.7 KiB): it holds because
  # nothing lives in the first KiB: the stack ends at 1 MiB, and the data and heap follow it.
  wasm-opt --low-memory-unused -Oz --converge --gufa-optimizing --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue --enable-sign-ext --enable-mutable-globals \
    dist/smi_widget_bg.wasm -o dist/smi_widget_bg.wasm
  # The names the wasm and the glue use for each other, shortened: 4.4 KiB brotli.
  node .ci/short-names.mjs dist/smi_widget_bg.wasm dist/smi_widget.js
fi
# The report module: a wasm of its own with no imports and no glue (the loader calls its
# exports), and its fonts, fetched on a visitor's first "Download the report".
mkdir -p dist/report
if [ $profile = release ]; then
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-debug --strip-producers "$out/smi_report.wasm" -o dist/report/smi_report.wasm
else
  cp "$out/smi_report.wasm" dist/report/
fi
.ci/report-fonts.sh dist/report
# The team view (team.html): the team crate's wasm and its own glue, loaded by that page alone
# (never by the widget), so a coordinator's tool adds nothing to a visitor's download.
wasm-bindgen --target web --no-typescript --out-dir dist/team --out-name smi_team "$out/smi_team.wasm"
if [ $profile = release ]; then
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers \
    dist/team/smi_team_bg.wasm -o dist/team/smi_team_bg.wasm
fi
cp src/js/team/boot.js dist/team/
# The console's insights and benchmark pack (the configurator's second tab): a wasm and glue
# of its own, loaded when that tab opens, with the sample pack the configurator's preview
# compares with.
wasm-bindgen --target web --no-typescript --out-dir dist/console --out-name smi_console "$out/smi_console.wasm"
if [ $profile = release ]; then
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers \
    dist/console/smi_console_bg.wasm -o dist/console/smi_console_bg.wasm
fi
cp src/js/console/boot.js examples/benchmark-sample.json dist/console/
cp src/js/configurator.js src/frame.html src/configurator.html src/team.html \
  index.html styles/demo.css styles/frame.css styles/configurator.css styles/team.css dist/
cp -r examples dist/
cp engine/content/questionnaire.schema.json engine/content/benchmark.schema.json dist/
# One file per language besides English (which is inside the wasm): its questionnaire and
# interface strings, fetched by the loader when a widget shows that language.
node .ci/translations.mjs engine/content dist/i18n
# The loader's sources (src/js) and the wasm-bindgen glue, staged; the stylesheet (minified)
# and the first screen, rendered natively with the widget's own intro component in every
# language; then every placeholder filled in: the first screens (English into the loader,
# the others into their translation files), the version and the sha384 of the wasm and of
# each translation, which the loader has the browser check on every fetch.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r src/js/. "$stage/"
mv dist/smi_widget.js "$stage/"
cargo run --quiet --bin smi-prerender -- "$stage/screens.json"
esbuild styles/widget.css --minify --log-level=warning --outfile="$stage/widget.css"
node .ci/inject.mjs "$stage/screens.json" "$stage/widget.css" dist "$stage"
# The loader, its parts, the wasm-bindgen glue and the card's helpers become one module: one
# request and one integrity hash for all the JS a page loads. Release builds are minified
# (whitespace, comments, local names); the sources in src/js stay as written. The
# configurator is a tool page and stays readable. ES2022 is below what the widget needs
# anyway (constructed stylesheets: Chrome 73, Firefox 101, Safari 16.4).
minify=()
[ $profile = release ] && minify=(--minify)
esbuild "$stage/smi-widget.js" --bundle "${minify[@]}" --format=esm --target=es2022 --log-level=warning \
  --outfile=dist/smi-widget.js
# The iframe page's script, with the facts and names it shares with the loader; the loader
# itself stays its own file (frame.html preloads it).
esbuild "$stage/frame.js" --bundle "${minify[@]}" --external:./smi-widget.js --format=esm --target=es2022 \
  --log-level=warning --outfile=dist/frame.js
node .ci/integrity.mjs dist
version=$(node -p 'require("./dist/integrity.json").version')
widget_files=(dist/smi-widget.js dist/smi_widget_bg.wasm dist/i18n dist/report dist/integrity.json
  dist/team dist/team.html dist/team.css dist/console dist/configurator.html dist/configurator.js
  dist/configurator.css)
# A versioned folder a CDN can cache for a year: its files never change under its name.
mkdir -p "dist/cdn/$version"
cp -r "${widget_files[@]}" "dist/cdn/$version/"
# The npm package: the same files, the types and the Custom Elements Manifest.
node .ci/package.mjs dist "$version" "${widget_files[@]}"
# The WordPress plugin with the widget's files inside it (so a site loads nothing from another
# origin), as a folder to copy into wp-content/plugins and as the zip WordPress uploads.
plugin=dist/wordpress/smi-assessment
mkdir -p "$plugin/widget"
cp -r wordpress/smi-assessment/. "$plugin/"
cp -r "${widget_files[@]}" "$plugin/widget/"
python3 .ci/zip.py dist/smi-assessment dist/wordpress smi-assessment
wasm_brotli=$(node .ci/brotli-kib.mjs dist/smi_widget_bg.wasm)
report_brotli=$(node .ci/brotli-kib.mjs dist/report/smi_report.wasm)
team_brotli=$(node .ci/brotli-kib.mjs dist/team/smi_team_bg.wasm)
console_brotli=$(node .ci/brotli-kib.mjs dist/console/smi_console_bg.wasm)
echo "built dist/ ($profile): $(du -sh dist | cut -f1); the wasm is $wasm_brotli KiB brotli, the report's $report_brotli, the team view's $team_brotli, the console's $console_brotli"
