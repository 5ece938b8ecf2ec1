// A loopback static server that behaves like the static hosts the page is made for, shared by
// the e2e tests (through harness.mjs, which serves dist/) and the bench (benches/browser/*.mjs,
// which serve the bench site). Node's standard library only: the bench imports it without the
// tests' npm packages.
//
//   const server = await startServer({ root: 'dist', subPath: '/tools/asa/' });
//   server.url('#from=8.2(5)&to=9.1(7)', { sub: true }); // http://127.0.0.1:<port>/tools/asa/#…
//   await server.close();
//
// Like any static host: the site is served at `/` and, with `subPath`, also under that path;
// directories answer with their index.html, unknown paths 404, nothing outside `root` is
// served, and `Cache-Control: no-cache` makes a redeploy visible to the browser's HTTP cache at
// once (the service worker decides the rest).

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

/** Content types of what a build holds. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** What `gzip: true` compresses (the PNG icons are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

/**
 * Serves `root` on 127.0.0.1 (a free port). Options:
 * - `subPath` (e.g. `/tools/asa/`): the site is also served under it;
 * - `mime`: the content-type table (the hosting tests serve `.wasm` as another type);
 * - `gzip`: send text, wasm and svg gzip -9 compressed to a browser that accepts it, as the
 *   hosts the page targets do (Lighthouse scores an uncompressed wasm). Each file is read and
 *   compressed once, the top-level ones before the server answers, so no timing includes the
 *   server's own work; the site must not change while it is served. Without it every request
 *   reads the file afresh (the redeploy tests rewrite what is served).
 *
 * Resolves to `{ origin, requests, url(rest, { sub }), setRoot(dir), root, close() }`;
 * `requests` keeps every request as `{ path, status }`.
 */
export async function startServer({ root, subPath = null, mime = MIME, gzip = false } = {}) {
  if (!root) throw new Error('startServer needs the directory to serve: { root }');
  if (subPath && !(subPath.startsWith('/') && subPath.endsWith('/'))) {
    throw new Error(`subPath must start and end with '/': ${subPath}`);
  }
  let current = path.resolve(root);
  const requests = [];
  const compressed = new Map();
  const read = async (file) => {
    if (!gzip) return { raw: await fs.readFile(file), packed: null };
    if (!compressed.has(file)) {
      const raw = await fs.readFile(file);
      const packed = COMPRESSIBLE.has(path.extname(file)) ? zlib.gzipSync(raw, { level: 9 }) : null;
      compressed.set(file, { raw, packed });
    }
    return compressed.get(file);
  };
  /** The file a request path names, or null when it is outside the served directory. */
  const fileFor = (url) => {
    let rel = decodeURIComponent(new URL(url, 'http://localhost').pathname);
    if (subPath && rel.startsWith(subPath)) rel = '/' + rel.slice(subPath.length);
    else if (subPath && rel === subPath.slice(0, -1)) rel = '/';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(current, '.' + rel);
    return file.startsWith(current + path.sep) ? file : null;
  };

  const srv = http.createServer(async (req, res) => {
    let status = 500;
    try {
      const file = fileFor(req.url);
      if (!file) throw Object.assign(new Error('outside the served directory'), { code: 'ENOENT' });
      const { raw, packed } = await read(file);
      const useGzip = packed && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = useGzip ? packed : raw;
      status = 200;
      res.writeHead(200, {
        'Content-Type': mime[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        ...(gzip ? { Vary: 'Accept-Encoding' } : {}),
        ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      status = err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : 500;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found' : String(err));
    } finally {
      requests.push({ path: req.url, status });
    }
  });
  await new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  if (gzip) {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      if (entry.isFile()) await read(path.join(current, entry.name));
    }
  }
  const origin = `http://127.0.0.1:${srv.address().port}`;
  return {
    origin,
    requests,
    /** The site's URL with `rest` appended (e.g. `#from=8.2(5)&to=9.1(7)`); `sub`: under subPath. */
    url(rest = '', { sub = false } = {}) {
      if (sub && !subPath) throw new Error('this server has no subPath');
      return origin + (sub ? subPath : '/') + rest;
    },
    /** Swaps the served directory (a redeploy); takes effect for the next request. */
    setRoot(dir) {
      current = path.resolve(dir);
    },
    get root() {
      return current;
    },
    close() {
      srv.closeAllConnections?.();
      return new Promise((resolve) => srv.close(resolve));
    },
  };
}
