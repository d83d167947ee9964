// Build step: fills the loader's placeholders before esbuild bundles it.
// - each language's first screen besides English into its translation file (dist/i18n);
// - the stylesheet (minified) and the English first screen into loader/first-screen.js;
// - the version (Cargo.toml's) and the sha384 of the wasm and of each translation file,
//   as they now are, into loader/files.js.
// Usage: node .ci/inject.mjs SCREENS.json STYLES.css DIST STAGE
// (STAGE: a copy of src/js, whose files are filled in place.)
import fs from 'node:fs';
import path from 'node:path';
import { checkedFiles, sri, version } from './integrity.mjs';

const [screensPath, stylesPath, dist, stage] = process.argv.slice(2);
const screens = JSON.parse(fs.readFileSync(screensPath, 'utf8'));
const styles = fs.readFileSync(stylesPath, 'utf8').trim();

for (const [lang, screen] of Object.entries(screens)) {
  if (lang === 'en') continue;
  const file = path.join(dist, 'i18n', `${lang}.json`);
  const translation = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...translation, first_screen: screen }));
}

const integrity = Object.fromEntries(checkedFiles(dist).map((file) => [file, sri(dist, file)]));

/** Replaces each placeholder of `file` (in STAGE) with its value; a missing one is an error. */
function fill(file, replacements) {
  const at = path.join(stage, file);
  let text = fs.readFileSync(at, 'utf8');
  for (const [placeholder, value] of replacements) {
    if (!text.includes(placeholder)) throw new Error(`${at}: no "${placeholder}" to fill in`);
    text = text.replace(placeholder, () => value);
  }
  fs.writeFileSync(at, text);
}
fill('loader/first-screen.js', [
  ["const STYLES = '';", `const STYLES = ${JSON.stringify(styles)};`],
  ['export const FIRST_SCREEN = null;', `export const FIRST_SCREEN = ${JSON.stringify(screens.en)};`],
]);
fill('loader/files.js', [
  ["export const version = '0.0.0-dev';", `export const version = ${JSON.stringify(version)};`],
  ['const INTEGRITY = {};', `const INTEGRITY = ${JSON.stringify(integrity)};`],
]);
