// Build step: shortens the names the wasm and its wasm-bindgen glue use for each other.
//
// wasm-bindgen names every import after the JS function plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`), all from the module "./smi_widget_bg.js", and
// every closure adapter it exports after its Rust signature (up to 200 characters). Both
// sides carry each name, and the hashes do not compress: about 2.4 KiB brotli in the wasm
// alone. This renames the imports to `a`.`b`, `a`.`c`, … and those exports to `$0`, `$1`, …
// in the wasm, and the same names in the glue, where they are object keys (imports) and
// `wasm.NAME` (exports). Exports the loader and the tests reach by name (`memory`, `mount`,
// `__wbindgen_malloc`, …) keep theirs. It also drops the custom sections (`producers`,
// `target_features`), which only tools read: 0.2 KiB.
// Usage: node .ci/short-names.mjs WASM GLUE
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// The glue's shape this was written against: another wasm-bindgen may name things otherwise.
const WASM_BINDGEN = '0.2.130';
const [wasmPath, gluePath] = process.argv.slice(2);
const cli = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
if (cli !== `wasm-bindgen ${WASM_BINDGEN}`) {
  throw new Error(`short-names.mjs was written for wasm-bindgen ${WASM_BINDGEN}, not "${cli}": check the glue's names before changing WASM_BINDGEN`);
}
const wasm = fs.readFileSync(wasmPath);
let glue = fs.readFileSync(gluePath, 'utf8');
const MODULE = './smi_widget_bg.js';

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const utf8 = (s) => Buffer.from(s, 'utf8');
const name = (s) => Buffer.concat([leb(utf8(s).length), utf8(s)]);

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

// The length in bytes of an import's description (after its kind byte), per the core spec.
function descLength(bytes, at, kind) {
  const limits = (p) => {
    const flags = bytes[p];
    let [, q] = readLeb(bytes, p + 1);
    if (flags & 1) [, q] = readLeb(bytes, q);
    return q;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1] - at; // function: type index
    case 1: return limits(at + 1) - at; // table: reference type, limits
    case 2: return limits(at) - at; // memory: limits
    case 3: return 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1] - at; // tag: attribute, type index
    default: throw new Error(`${wasmPath}: unknown import kind ${kind}`);
  }
}

// a, b, …, z, A, …, Z, aa, ab, …: valid JS identifiers, never a reserved word in the range used.
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % 52] + s;
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return s;
}

const imports = new Map();
const exports = new Map();

function rewriteImports(body) {
  let [count, at] = readLeb(body, 0);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, at] = readName(body, at);
    [field, at] = readName(body, at);
    const kind = body[at];
    const end = at + 1 + descLength(body, at + 1, kind);
    if (module !== MODULE) throw new Error(`${wasmPath}: an import from "${module}", not "${MODULE}"`);
    const short = shortName(imports.size);
    imports.set(field, short);
    entries.push(name('a'), name(short), body.subarray(at, end));
    at = end;
  }
  return Buffer.concat(entries);
}

function rewriteExports(body) {
  let [count, at] = readLeb(body, 0);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    let field;
    [field, at] = readName(body, at);
    const [, end] = readLeb(body, at + 1);
    let kept = field;
    if (field.startsWith('wasm_bindgen_')) {
      kept = `$${exports.size}`;
      exports.set(field, kept);
    }
    entries.push(name(kept), body.subarray(at, end));
    at = end;
  }
  return Buffer.concat(entries);
}

const sections = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  let body = wasm.subarray(start, start + size);
  if (id === 0) {
    at = start + size;
    continue;
  }
  if (id === 2) body = rewriteImports(body);
  if (id === 7) body = rewriteExports(body);
  sections.push(Buffer.from([id]), leb(body.length), body);
  at = start + size;
}

/** `s` matched literally inside a regular expression. */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
function replaceAll(pattern, replacement, what) {
  let found = 0;
  glue = glue.replace(pattern, () => (found++, replacement));
  if (!found) throw new Error(`${gluePath}: ${what} not found`);
}
replaceAll(new RegExp(`"${escape(MODULE)}":`, 'g'), 'a:', `the import module "${MODULE}"`);
for (const [long, short] of imports) {
  replaceAll(new RegExp(`(?<![\\w$])${escape(long)}(?=\\s*:)`, 'g'), short, `the import ${long}`);
}
for (const [long, short] of exports) {
  replaceAll(new RegExp(`\\bwasm\\.${escape(long)}(?![\\w$])`, 'g'), `wasm.${short}`, `the export ${long}`);
}
if (/__wbg_\w+_[0-9a-f]{16}\b|wasm\.wasm_bindgen_/.test(glue)) {
  throw new Error(`${gluePath}: a long name is left after renaming`);
}
const out = Buffer.concat(sections);
fs.writeFileSync(wasmPath, out);
fs.writeFileSync(gluePath, glue);
console.log(`short names: ${imports.size} imports, ${exports.size} exports; the wasm ${wasm.length} → ${out.length} bytes`);
