// A static file server for dist/ on 127.0.0.1, for the browser tests. Extra response
// headers (a Content-Security-Policy, say) can be set per test.
import http from 'node:http';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server (on a free port unless `port` is given); resolves to
 * { url, close, headers, pages }. `headers` go on every response; `pages` maps a path to
 * { body, headers, delay, until } served instead of a file (after `delay` ms, once the
 * promise `until` settles), for host pages a test writes itself or a file it holds back. With
 * `gzip`, responses are compressed for clients that accept it, as a host's server would.
 */
export async function serve(root = DIST, port = 0, { gzip = false } = {}) {
  const headers = {};
  const pages = {};
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    // Browsers ask for one on every page; a 404 would be logged as a console error.
    if (url.pathname === '/favicon.ico') { res.writeHead(204).end(); return; }
    const page = pages[url.pathname];
    if (page) {
      if (page.delay) await new Promise((resolve) => setTimeout(resolve, page.delay));
      if (page.until) await page.until;
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...page.headers });
      res.end(page.body);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      let body = await fs.readFile(file);
      const compress = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (compress) body = zlib.gzipSync(body, { level: 9 });
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(compress && { 'content-encoding': 'gzip' }),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    headers,
    pages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// `node tests/e2e/server.mjs [port]` serves dist/ until interrupted (the demo command).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(DIST, Number(process.argv[2] ?? 8080));
  console.log(`SMI widget demo: ${url}  (Ctrl+C to stop)`);
}
