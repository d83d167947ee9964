// Sizes of what a host page downloads for the widget, raw, gzip -9 and brotli 11 (Node's
// zlib), for the benchmark and the size budget test.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from '../e2e/server.mjs';

// What a host page downloads for the widget: the module (the loader with the stylesheet and
// the English first screen, the wasm-bindgen glue and the card helpers, bundled), any
// snippets, and the wasm.
export async function sizes() {
  return measure(['smi-widget.js', 'smi_widget_bg.wasm'], true);
}

// What the full report downloads on its first request, per language: the report module and
// the fonts that language needs (src/js/loader/report.js).
export const REPORT_FILES = {
  en: ['report/smi_report.wasm', 'report/latin.ttf'],
  ms: ['report/smi_report.wasm', 'report/latin.ttf'],
  ar: ['report/smi_report.wasm', 'report/latin.ttf', 'report/naskh.ttf'],
  fa: ['report/smi_report.wasm', 'report/latin.ttf', 'report/naskh.ttf'],
  ru: ['report/smi_report.wasm', 'report/cyrillic.ttf'],
};

export async function reportSizes(lang) {
  return measure([...REPORT_FILES[lang]], false);
}

// What the console downloads when it opens on its insights (`configurator.html#insights`):
// the page, its script and the loader it imports, and the console's own wasm and glue; the
// widget's wasm waits until the Configure tab is shown (tests/e2e/console.test.mjs checks
// that it is not fetched).
export const CONSOLE_FILES = ['configurator.html', 'configurator.css', 'configurator.js', 'smi-widget.js',
  'integrity.json', 'console/boot.js', 'console/smi_console.js', 'console/smi_console_bg.wasm',
  'console/benchmark-sample.json'];

export async function consoleSizes() {
  return measure([...CONSOLE_FILES], false);
}

async function measure(files, withSnippets) {
  const snippets = path.join(DIST, 'snippets');
  const walk = async (d) => {
    for (const entry of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else files.push(path.relative(DIST, p));
    }
  };
  if (withSnippets && await fs.stat(snippets).catch(() => null)) await walk(snippets);
  const rows = [];
  for (const file of files) {
    const bytes = await fs.readFile(path.join(DIST, file));
    rows.push({
      file,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    });
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files: rows, total };
}

