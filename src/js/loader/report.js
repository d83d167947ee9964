// The full report as a PDF: the report module (report/smi_report.wasm, a wasm with no
// imports and no glue) and its fonts, fetched with their integrity checked on the first
// request and kept for the page's life. The widget hands over the report's content
// (`engine::result::report::Report`, as a plain object); this copies it, the fonts and the
// logo's pixels into the module's memory and takes the PDF back.
import { dataUrl } from '../card.js';
import { verifiedFetch } from './files.js';

/**
 * The bytes of `file` (under report/), fetched once per page with its integrity checked and
 * kept; a failed fetch is forgotten, so the next request tries again.
 */
const files = {};
function reportFile(file) {
  files[file] ??= verifiedFetch(new URL(`./report/${file}`, import.meta.url), `report/${file}`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`report/${file} answered HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
  files[file].catch(() => { delete files[file]; });
  return files[file];
}

let module;
/** The report module's exports, instantiated once (again after a failure or a trap). */
function reportModule() {
  module ??= reportFile('smi_report.wasm').then((bytes) => WebAssembly.instantiate(bytes, {}))
    .then(({ instance }) => instance.exports);
  module.catch(() => { module = undefined; });
  return module;
}

// The logo's size in the PDF is at most 40 points high; this many pixels keep it sharp.
const LOGO_HEIGHT = 160;
const LOGO_WIDTH = 640;

/** The host's logo as RGBA pixels, or null (with a console line) when it cannot be drawn. */
async function logoPixels(url) {
  if (!url) return null;
  try {
    // A data: URL, as for the card, so that `img-src 'self' data:` is enough.
    const image = new Image();
    image.src = await dataUrl(url);
    await image.decode();
    const natural = [image.naturalWidth || LOGO_WIDTH, image.naturalHeight || LOGO_HEIGHT];
    const scale = Math.min(1, LOGO_WIDTH / natural[0], LOGO_HEIGHT / natural[1]);
    const [width, height] = natural.map((n) => Math.max(1, Math.round(n * scale)));
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, width, height);
    return { rgba: new Uint8Array(context.getImageData(0, 0, width, height).data.buffer), width, height };
  } catch (error) {
    console.warn(`SMI widget: the logo is left off the report (${error.message}).`);
    return null;
  }
}

/**
 * The report for `content` as `{ blob, pages, bytes }`; rejects with why not. A trap inside
 * the module drops it, so the next request starts from a fresh instance.
 */
export async function buildReport(content) {
  const [wasm, sans, naskh, logo] = await Promise.all([
    reportModule(),
    // Noto Sans in the scripts the language needs (Latin alone is smaller), and Noto Naskh
    // Arabic for Arabic and Persian.
    reportFile(content.lang === 'ru' ? 'cyrillic.ttf' : 'latin.ttf'),
    content.rtl ? reportFile('naskh.ttf') : null,
    logoPixels(content.logo),
  ]);
  const copy = (bytes) => {
    if (!bytes || bytes.length === 0) return [0, 0];
    const at = wasm.report_alloc(bytes.length);
    new Uint8Array(wasm.memory.buffer, at, bytes.length).set(bytes);
    return [at, bytes.length];
  };
  try {
    const status = wasm.report_build(
      ...copy(new TextEncoder().encode(JSON.stringify(content))),
      ...copy(sans),
      ...copy(naskh),
      copy(logo?.rgba)[0],
      logo?.width ?? 0,
      logo?.height ?? 0,
    );
    const output = new Uint8Array(wasm.memory.buffer, wasm.report_output_ptr(), wasm.report_output_len()).slice();
    if (status !== 0) throw new Error(new TextDecoder().decode(output));
    return { blob: new Blob([output], { type: 'application/pdf' }), pages: wasm.report_pages(), bytes: output.length };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      module = undefined;
      throw new Error(`the report module stopped (${error.message})`);
    }
    throw error;
  }
}
