// Build step: one file per language besides English (which is inside the wasm), with its
// questionnaire and interface strings, for the loader to fetch when a widget shows that
// language. Usage: node .ci/translations.mjs CONTENT_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const [content, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
for (const file of fs.readdirSync(content).sort()) {
  const lang = file.match(/^ui\.([a-z]+)\.json$/)?.[1];
  if (!lang || lang === 'en') continue;
  const read = (name) => JSON.parse(fs.readFileSync(path.join(content, name), 'utf8'));
  const translation = { questionnaire: read(`questionnaire.${lang}.json`), ui: read(file) };
  fs.writeFileSync(path.join(out, `${lang}.json`), JSON.stringify(translation));
}
