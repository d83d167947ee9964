// Prints a file's size in KiB after brotli at quality 11 (Node's zlib), one decimal.
// Usage: node .ci/brotli-kib.mjs FILE
import fs from 'node:fs';
import zlib from 'node:zlib';

const bytes = fs.readFileSync(process.argv[2]);
const size = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log((size / 1024).toFixed(1));
