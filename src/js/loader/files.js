// Verified files, and the wasm fetched and instantiated once per page.
import init from '../smi_widget.js';

// The build (`.ci/inject.mjs`) fills these in: the version from Cargo.toml, and the
// sha384 of the wasm and of each translation file, which the browser checks on every fetch
// (Subresource Integrity): a file that was altered on its way or on a CDN does not run.
/** This build's version (Cargo.toml's), also in `smi:ready`'s detail. */
export const version = '0.0.0-dev';
const INTEGRITY = {};

/**
 * A fetch of `url`, the file `file` of this build, that the browser checks against its sha384.
 * Callers write `new URL('./…', import.meta.url)` out, so that bundlers (Vite, webpack 5) see
 * which files the module needs and ship them.
 */
export async function verifiedFetch(url, file) {
  const integrity = INTEGRITY[file];
  try {
    return await fetch(url, integrity ? { integrity } : {});
  } catch (error) {
    throw integrity ? await diagnose(url, integrity, error) : error;
  }
}

/**
 * Why a fetch with an integrity check failed: the browser says only "Failed to fetch", for a
 * tampered file and a dropped connection alike. Fetched again without the check and hashed
 * here, a file whose digest differs is named as such (error code `integrity-failed`).
 */
async function diagnose(url, integrity, error) {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    // An error page fails the check too; its status is the better reason.
    if (!response.ok) return new Error(`${url} answered HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-384', bytes);
    const actual = `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
    if (actual === integrity) return error;
    return Object.assign(new Error(`${url} does not match its integrity hash (expected ${integrity}, got ${actual}): the file was altered, so the widget does not run it`), { code: 'integrity-failed' });
  } catch {
    return error;
  }
}

let ready;
/** The wasm, fetched (streaming) and instantiated on the first call; its exports. */
export function load() {
  ready ??= init({ module_or_path: verifiedFetch(new URL('./smi_widget_bg.wasm', import.meta.url), 'smi_widget_bg.wasm') });
  return ready;
}

/** Whether the wasm has been asked for. */
export const loading = () => ready !== undefined;
