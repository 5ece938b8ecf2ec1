// Hosting (SPEC §10): dist/ works at `/` and under a sub-path of a plain static host, with a
// strict CSP, subresource integrity on the app's js and wasm, an installable manifest, and no request leaving the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DIST_DIR, MIME, startServer, launchBrowser, openPage, waitForApp, planHops } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const LINK = '#from=8.2(5)&to=9.1(7)';

for (const sub of [false, true]) {
  test(`a shared link plans when hosted at ${sub ? 'a sub-path' : '/'}`, async () => {
    server.requests.length = 0;
    const rec = await openPage(browser, server.url(LINK, { sub }));
    assert.equal(await waitForApp(rec.page), 'ok');
    const hops = await planHops(rec.page);
    assert.ok(hops.length > 0, 'the plan has hops');
    assert.equal(hops[0].from, '8.2(5)');
    assert.equal(hops.at(-1).to, '9.1(7)');
    for (let i = 1; i < hops.length; i++) assert.equal(hops[i].from, hops[i - 1].to, 'hops chain');
    // Every file came from under the page's own directory, whatever it is.
    const prefix = server.url('', { sub });
    const paths = server.requests.map((r) => r.path);
    assert.ok(paths.some((p) => p.endsWith('.wasm') && (server.origin + p).startsWith(prefix)));
    assert.deepEqual(server.requests.filter((r) => r.status !== 200), [], 'every request was served');
    await rec.close();
  });
}

test('the CSP is strict and every inline script is allowed by hash', async () => {
  const html = await fs.readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const csp = html.match(/<meta[^>]*content="([^"]*)"[^>]*http-equiv="?Content-Security-Policy/i)
    ?? html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*content="([^"]*)"/i);
  assert.ok(csp, 'index.html has a CSP meta tag');
  const policy = csp[1];
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(policy, /default-src 'self'/);
  // Each inline script (the wasm loader) is allowed by its own hash, and nothing else is.
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  assert.ok(inline.length >= 1, 'the loader is inline');
  const allowed = [...policy.matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map((m) => m[1]);
  assert.deepEqual(allowed.sort(), inline.map(sha256).sort());
  // The fleet view's page likewise.
  {
    const page = await fs.readFile(path.join(DIST_DIR, 'fleet.html'), 'utf8');
    const policy = (page.match(/<meta[^>]*content="([^"]*)"[^>]*http-equiv="?Content-Security-Policy/i)
      ?? page.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*content="([^"]*)"/i))[1];
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    const inline = [...page.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
    const allowed = [...policy.matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map((m) => m[1]);
    assert.deepEqual(allowed.sort(), inline.map(sha256).sort(), 'fleet.html: every inline script by hash');
  }
  // Subresource integrity (Trunk's, sha384) on everything index.html links or preloads:
  // the glue, the wasm, the stylesheet and the service worker's registration script, checked
  // against the files actually served.
  const files = await fs.readdir(DIST_DIR);
  const one = (pattern, what) => {
    const found = files.filter((f) => pattern.test(f));
    assert.equal(found.length, 1, `dist has one ${what}: ${found.join(', ')}`);
    return found[0];
  };
  const sri = async (f) => `sha384-${crypto.createHash('sha384').update(await fs.readFile(path.join(DIST_DIR, f))).digest('base64')}`;
  for (const [pattern, what] of [
    [/^asa-planner-.*\.js$/, 'glue'],
    [/^asa-planner-.*_bg\.wasm$/, 'wasm'],
    [/^app-.*\.css$/, 'stylesheet'],
    [/^sw-register-.*\.js$/, 'registration script'],
  ]) {
    const file = one(pattern, what);
    const tag = html.match(new RegExp(`<[^>]*${escape(file)}[^>]*>`));
    assert.ok(tag, `index.html names the ${what} ${file}`);
    assert.ok(tag[0].includes(await sri(file)), `the ${what} carries its integrity: ${tag[0]}`);
  }
  // index.html names one wasm, the planner's; fleet.html its own, with its integrity.
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm') && html.includes(f)), [one(/^asa-planner-.*_bg\.wasm$/, 'wasm')]);
  const fleetHtml = await fs.readFile(path.join(DIST_DIR, 'fleet.html'), 'utf8');
  const fleetWasm = one(/^asa-fleet-.*_bg\.wasm$/, 'fleet wasm');
  const fleetTag = fleetHtml.match(new RegExp(`<[^>]*${escape(fleetWasm)}[^>]*>`));
  assert.ok(fleetTag && fleetTag[0].includes(await sri(fleetWasm)), `fleet.html preloads its wasm with its integrity`);
  assert.ok(!html.includes('asa-fleet-'), 'the planner names nothing of the fleet view');
  assert.ok(!/<meta name="?asa-(later|fleet|sw)/.test(html), 'no loader protocol in <meta>');
});

/** Base64 sha256, as CSP and SRI write it. */
function sha256(data) {
  return crypto.createHash('sha256').update(data).digest('base64');
}

/** `text` for use inside a RegExp. */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

test('a host that serves .wasm with another type still gets a working page', async () => {
  // Streaming compilation needs `application/wasm`; the loader then compiles the bytes instead.
  const plain = await startServer({ mime: { ...MIME, '.wasm': 'application/octet-stream' } });
  try {
    const rec = await openPage(browser, plain.url('#from=8.2(5)&to=9.1(7)'));
    assert.equal(await waitForApp(rec.page), 'ok');
    // 8.2(5) → 8.3(2) → 8.4(7) → 9.1(7) under the default rules (guide-9x).
    assert.equal((await planHops(rec.page)).length, 3);
    await rec.close();
  } finally {
    await plain.close();
  }
});

test('the manifest and its icons are served and relative', async () => {
  const rec = await openPage(browser, server.url('', { sub: true }));
  await waitForApp(rec.page);
  const manifest = await rec.page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const m = await (await fetch(href)).json();
    const icons = await Promise.all(
      m.icons.map(async (i) => {
        const r = await fetch(new URL(i.src, href));
        return { src: i.src, ok: r.ok, type: r.headers.get('content-type') };
      }),
    );
    return { start_url: m.start_url, scope: m.scope, display: m.display, icons };
  });
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.length >= 2);
  for (const icon of manifest.icons) assert.ok(icon.ok && /^image\//.test(icon.type), `${icon.src} served`);
  await rec.close();
});

test('the harness fails a page that requests another origin', async () => {
  // 127.0.0.2 is another origin on loopback (nothing listens there). With the CSP bypassed the
  // request really goes out, and the recorder must catch it; with the CSP in force it is
  // blocked, and the violation is caught instead.
  for (const bypassCSP of [true, false]) {
    const rec = await openPage(browser, server.url(LINK), { contextOptions: { bypassCSP } });
    await waitForApp(rec.page);
    await rec.page.evaluate(() => fetch('http://127.0.0.2:9/x').catch(() => {}));
    await rec.issues.waitFor(bypassCSP ? 'offOrigin' : 'cspViolations');
    assert.throws(() => rec.assertClean(), bypassCSP ? /left the page origin/ : /Content-Security-Policy/);
    if (bypassCSP) assert.deepEqual(rec.issues.offOrigin, ['http://127.0.0.2:9/x']);
    else assert.ok(rec.issues.cspViolations.some((v) => v.startsWith('connect-src')), 'the CSP blocked it');
    await rec.context.close();
  }
});
