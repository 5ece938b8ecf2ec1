// A loopback static server for the bench site (dist/ plus the generated static page), like a
// static host: text, wasm and svg go out gzip -9 compressed when the browser asks for it (every
// host the page targets does this; Lighthouse would otherwise score an uncompressed wasm), and
// `Cache-Control: no-cache`. Compressed bodies are made once per file, before any timing, so
// the server's own work is not measured. The e2e harness's server sends raw bytes, hence this one.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { MIME } from '../../tests/e2e/harness.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

/** Serves `root` on 127.0.0.1 (a free port); resolves to `{ origin, close() }`. */
export async function startServer(root) {
  const base = path.resolve(root);
  const cache = new Map();
  const load = async (file) => {
    if (!cache.has(file)) {
      const raw = await fs.readFile(file);
      const gzip = COMPRESSIBLE.has(path.extname(file)) ? zlib.gzipSync(raw, { level: 9 }) : null;
      cache.set(file, { raw, gzip });
    }
    return cache.get(file);
  };
  const srv = http.createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(base, '.' + rel);
      if (!file.startsWith(base + path.sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const { raw, gzip } = await load(file);
      const useGzip = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = useGzip ? gzip : raw;
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        ...(useGzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const status = err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : 500;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found' : String(err));
    }
  });
  await new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  // Warm the compressed copies of every top-level file before anything is timed.
  for (const name of await fs.readdir(base)) {
    const file = path.join(base, name);
    if ((await fs.stat(file)).isFile()) await load(file);
  }
  return {
    origin: `http://127.0.0.1:${srv.address().port}`,
    close() {
      srv.closeAllConnections?.();
      return new Promise((resolve) => srv.close(resolve));
    },
  };
}

/** `--key value` pairs of argv. */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  return args;
}

/** Median of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Appends `key<TAB>value` lines to the results file xtask reads back. */
export async function record(out, entries) {
  const lines = Object.entries(entries).map(([k, v]) => `${k}\t${v}\n`).join('');
  await fs.appendFile(out, lines);
}
