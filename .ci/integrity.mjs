// Build step for Subresource Integrity and the version.
//   node .ci/integrity.mjs inject DIST    fills the loader's version (Cargo.toml's) and the
//                                         sha384 of the wasm and each translation into it
//   node .ci/integrity.mjs manifest DIST  writes DIST/integrity.json: the version and the
//                                         sha384 of every file a page loads, loader included
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [mode, dist] = process.argv.slice(2);
const cargo = fs.readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const version = cargo.match(/^version = "([^"]+)"/m)[1];
const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dist, file))).digest('base64')}`;
const checked = ['smi_widget_bg.wasm', ...fs.readdirSync(path.join(dist, 'i18n')).sort().map((f) => `i18n/${f}`)];

if (mode === 'inject') {
  const loaderPath = path.join(dist, 'smi-widget.js');
  let loader = fs.readFileSync(loaderPath, 'utf8');
  const integrity = Object.fromEntries(checked.map((file) => [file, sri(file)]));
  for (const [placeholder, value] of [
    ["export const version = '0.0.0-dev';", `export const version = ${JSON.stringify(version)};`],
    ['const INTEGRITY = {};', `const INTEGRITY = ${JSON.stringify(integrity)};`],
  ]) {
    if (!loader.includes(placeholder)) throw new Error(`${loaderPath}: no "${placeholder}" to fill in`);
    loader = loader.replace(placeholder, () => value);
  }
  fs.writeFileSync(loaderPath, loader);
} else if (mode === 'manifest') {
  const files = Object.fromEntries(['smi-widget.js', ...checked].map((file) => [file, sri(file)]));
  fs.writeFileSync(path.join(dist, 'integrity.json'), `${JSON.stringify({ version, files }, null, 2)}\n`);
  console.log(`smi-widget.js ${version}: ${files['smi-widget.js']}`);
} else {
  throw new Error('usage: node .ci/integrity.mjs inject|manifest DIST');
}
