// Build step: puts the widget's stylesheet (minified) and its first screen into the loader,
// and each other language's first screen into its translation file.
// Usage: node .ci/first-screen.mjs SCREENS.json STYLES.css DIST
import fs from 'node:fs';

const [screensPath, stylesPath, dist] = process.argv.slice(2);
const screens = JSON.parse(fs.readFileSync(screensPath, 'utf8'));
const styles = fs.readFileSync(stylesPath, 'utf8').trim();

const loaderPath = `${dist}/smi-widget.js`;
let loader = fs.readFileSync(loaderPath, 'utf8');
for (const [placeholder, value] of [
  ["const STYLES = '';", `const STYLES = ${JSON.stringify(styles)};`],
  ['const FIRST_SCREEN = null;', `const FIRST_SCREEN = ${JSON.stringify(screens.en)};`],
]) {
  if (!loader.includes(placeholder)) throw new Error(`${loaderPath}: no "${placeholder}" to fill in`);
  loader = loader.replace(placeholder, () => value);
}
fs.writeFileSync(loaderPath, loader);

for (const [lang, screen] of Object.entries(screens)) {
  if (lang === 'en') continue;
  const path = `${dist}/i18n/${lang}.json`;
  const translation = JSON.parse(fs.readFileSync(path, 'utf8'));
  fs.writeFileSync(path, JSON.stringify({ ...translation, first_screen: screen }));
}
