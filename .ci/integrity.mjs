// Subresource Integrity and the version. As a build step, writes DIST/integrity.json: the
// version and the sha384 of every file a page loads, the loader included. .ci/inject.mjs
// uses the same functions to put the wasm's and the translations' hashes into the loader.
// Usage: node .ci/integrity.mjs DIST
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The version in Cargo.toml. */
export const version = fs.readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8')
  .match(/^version = "([^"]+)"/m)[1];

/** `file`'s (relative to `dist`) integrity attribute. */
export const sri = (dist, file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dist, file))).digest('base64')}`;

/** The files the loader fetches with an integrity check: the wasm, every translation, and the
 * report's wasm and fonts. */
export const checkedFiles = (dist) => [
  'smi_widget_bg.wasm',
  ...fs.readdirSync(path.join(dist, 'i18n')).sort().map((f) => `i18n/${f}`),
  ...['smi_report.wasm', 'latin.ttf', 'cyrillic.ttf', 'naskh.ttf'].map((f) => `report/${f}`),
];

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dist] = process.argv.slice(2);
  const files = Object.fromEntries(['smi-widget.js', ...checkedFiles(dist)].map((file) => [file, sri(dist, file)]));
  fs.writeFileSync(path.join(dist, 'integrity.json'), `${JSON.stringify({ version, files }, null, 2)}\n`);
  console.log(`smi-widget.js ${version}: ${files['smi-widget.js']}`);
}
