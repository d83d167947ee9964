// Browser-side help for the result card, imported by the loader the first time a visitor
// uses a share action: rasterising the card's SVG to PNG through a canvas, saving or sharing
// the file, and printing the card alone.

/** The image at `url` as a data: URL (fetched without credentials). */
export async function dataUrl(url) {
  const response = await fetch(new URL(url, document.baseURI), { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

// The card's SVG is the widget's own (`engine::card`): its one image is the logo, written as
// `<image class="logo" href="…" …/>` with the URL escaped. Worked on as text, so that no
// markup is parsed (which Trusted Types would refuse without a policy).
const LOGO = /<image class="logo" href="([^"]*)"[^>]*\/>/;
const unescapeXml = (text) => text.replace(/&(amp|lt|gt|quot|apos);/g,
  (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]);

/** The card with its logo inlined: an SVG drawn as an image cannot fetch it itself. */
async function inlineImages(svg) {
  const logo = svg.match(LOGO);
  if (!logo) return svg;
  try {
    // A data: URL has no character that needs escaping in an attribute.
    const inlined = await dataUrl(unescapeXml(logo[1]));
    return svg.replace(LOGO, (tag) => tag.replace(`href="${logo[1]}"`, () => `href="${inlined}"`));
  } catch (error) {
    console.warn(`SMI widget: the logo is left off the image (${error.message}).`);
    return svg.replace(LOGO, '');
  }
}

/** The SVG text as a PNG Blob of (width × scale) by (height × scale) pixels. */
export async function svgToPng(svg, width, height, scale) {
  // A data: URL rather than a blob: one, so a host CSP of `img-src 'self' data:` suffices.
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await inlineImages(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas made no PNG'))), 'image/png'));
}

/** Saves `blob` as `filename` through a temporary link. */
export function saveFile(blob, filename) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
}

/**
 * Opens the native share sheet with the link, and the image when the browser can share
 * files. Resolves to 'shared' or 'cancelled'; rejects when sharing fails.
 */
export async function shareNative(blob, filename, title, text, url) {
  const data = { title, text, url };
  const file = blob && new File([blob], filename, { type: 'image/png' });
  if (file && navigator.canShare?.({ files: [file] })) data.files = [file];
  try {
    await navigator.share(data);
    return 'shared';
  } catch (error) {
    if (error.name === 'AbortError') return 'cancelled';
    throw error;
  }
}

// While the visitor prints from the widget, everything on the host page but the widget is
// hidden. The rule lives in a constructed sheet (allowed under a strict CSP) that only
// matches while the host element carries data-smi-print.
let printSheet;
export function printCard(node) {
  const host = node.getRootNode().host;
  if (!host) return window.print();
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(`@media print {
      body *:not(:has([data-smi-print])):not([data-smi-print]):not([data-smi-print] *) { display: none !important; }
      :has(> [data-smi-print]), [data-smi-print] { margin: 0 !important; padding: 0 !important; border: 0 !important; }
    }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
  }
  host.setAttribute('data-smi-print', '');
  window.addEventListener('afterprint', () => host.removeAttribute('data-smi-print'), { once: true });
  window.print();
}
