// End-to-end harness: the loopback static server (static-server.mjs) for dist/, Debian's
// Chromium driven by playwright-core, and a page recorder that turns every off-origin request,
// console error, page error and CSP violation into a test failure.
//
// How to use (each test file is tests/e2e/<name>.test.mjs, run by `node --test` in tests/e2e;
// `cargo xtask test` builds dist/ first and sets E2E_DIST):
//
//   import { test, before, after } from 'node:test';
//   import { startServer, launchBrowser, openPage, waitForApp } from './harness.mjs';
//
//   let server, browser;
//   before(async () => { server = await startServer(); browser = await launchBrowser(); });
//   after(async () => { await browser?.close(); await server?.close(); });
//
//   test('a shared link plans', async () => {
//     const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)'));
//     await waitForApp(rec.page);
//     // ... assertions on rec.page through the SPEC §9 hooks ...
//     await rec.close(); // asserts: nothing left the origin, no console/page errors, no CSP violations
//   });
//
// `server.url(rest)` is the app at `/`; `server.url(rest, { sub: true })` the same dist/ under
// SUB_PATH (`/tools/asa/`). `server.setRoot(dir)` swaps the served directory (redeploys).
// Nothing here sleeps: wait for conditions (page.waitForSelector, page.waitForFunction).

import fs from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer as startStaticServer } from './static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
/** The built site under test: `E2E_DIST` if set (xtask sets it), else `<repo>/dist`. */
export const DIST_DIR = path.resolve(process.env.E2E_DIST ?? path.join(REPO_ROOT, 'dist'));
/** A second build that differs from DIST_DIR (xtask builds it) for the redeploy tests. */
export const DIST_B_DIR = process.env.E2E_DIST_B ? path.resolve(process.env.E2E_DIST_B) : null;
/** The sub-path the same dist/ is also served under (hosting anywhere, SPEC §10). */
export const SUB_PATH = '/tools/asa/';
/** Debian's Chromium; `npx playwright install` cannot work here (no internet) and is never used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export { MIME } from './static-server.mjs';
/** Where tests save the screenshots a person looks at. */
export const ARTIFACTS = path.join(HERE, 'artifacts');

/**
 * A test file's loopback server and browser: started before its tests, closed after them. The
 * returned object's `server` and `browser` are set once the tests run.
 */
export function suite() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
    await fs.mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * The static server (static-server.mjs) for the site under test: DIST_DIR at `/` and under
 * SUB_PATH. Options as there (`root` to serve another build, `mime` to change a content type).
 */
export function startServer({ root = DIST_DIR, subPath = SUB_PATH, ...options } = {}) {
  return startStaticServer({ root, subPath, ...options });
}

/**
 * Launches headless Chromium (root needs --no-sandbox; playwright-core gives it a fresh profile
 * directory) with no background traffic. `browser.newContext()` gives isolated contexts: own
 * cache, storage and service workers.
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Waits until `server` has logged no request for 300 ms. A request still being answered is
 * logged when its answer ends: before counting what reaches the server while offline, let
 * what was asked online finish.
 */
export async function serverQuiet(server) {
  for (let before = -1; before !== server.requests.length; ) {
    before = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Opens `url` in a fresh context and records what must never happen. Returns
 * `{ page, context, issues, close, assertClean }`; `close()` calls `assertClean()` first.
 * `issues` = { offOrigin: [url], consoleErrors: [text], pageErrors: [text], cspViolations: [text] }.
 * `navigate: false` only prepares the page (e.g. to seed storage first); the origin still comes
 * from `url`. Console errors matching one of `allowConsoleErrors` (RegExps) are not issues.
 */
export async function openPage(
  browser,
  url,
  { contextOptions = {}, allowConsoleErrors = [], navigate = true } = {},
) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const issues = recordIssues(context, page, origin, allowConsoleErrors);
  await context.exposeBinding('__e2eCspViolation', (_source, text) => issues.push('cspViolations', text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__e2eCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  if (navigate) await page.goto(url);
  const assertClean = () => assertNoIssues(issues);
  return {
    page,
    context,
    issues,
    assertClean,
    async close() {
      try {
        assertClean();
      } finally {
        await context.close();
      }
    },
  };
}

/** The recorded issues: four arrays, plus `push(kind, text)` and `waitFor(kind)` (resolves
 * with the first issue of that kind, at once if there already is one). */
function recordIssues(context, page, origin, allowConsoleErrors) {
  const events = new EventEmitter();
  const issues = {
    offOrigin: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    push(kind, text) {
      this[kind].push(text);
      events.emit(kind, text);
    },
    waitFor(kind) {
      if (this[kind].length > 0) return Promise.resolve(this[kind][0]);
      return new Promise((resolve) => events.once(kind, resolve));
    },
  };
  Object.defineProperties(issues, { push: { enumerable: false }, waitFor: { enumerable: false } });
  context.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) issues.push('offOrigin', u);
  });
  const watch = (p) => {
    p.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (allowConsoleErrors.some((re) => re.test(text))) return;
      issues.push('consoleErrors', text);
    });
    p.on('pageerror', (err) => issues.push('pageErrors', String(err?.stack ?? err)));
  };
  watch(page);
  // Pages opened later in the same context (a second tab, a shared link) are watched too.
  context.on('page', (p) => p !== page && watch(p));
  return issues;
}

/** Fails with every recorded issue listed (an empty list of each is a pass). */
export function assertNoIssues(issues) {
  assert.deepEqual(issues.offOrigin, [], 'requests left the page origin');
  assert.deepEqual(issues.cspViolations, [], 'Content-Security-Policy violations');
  assert.deepEqual(issues.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(issues.consoleErrors, [], 'console errors');
}

/** Waits until the app has rendered its verdict (SPEC §9 `[data-verdict]`) and, a paint later,
 * its runbook (`waitForLater`), then returns the verdict. */
export async function waitForApp(page, { timeout = 20_000 } = {}) {
  // The app's verdict, not the first screen's (index.html's `[data-shell]`, painted before the
  // app starts, which the app removes in its first render).
  const el = await page.waitForSelector('.planner:not([data-shell]) [data-verdict]', { timeout, state: 'attached' });
  await waitForLater(page, { timeout });
  return el.getAttribute('data-verdict');
}

/** Waits until the app has drawn what it draws one paint after the plan (the notes and the
 * runbook: `.runbook-panel[data-steps="ready"]`). */
export async function waitForLater(page, { timeout = 20_000 } = {}) {
  await page.waitForSelector('.runbook-panel[data-steps="ready"] .runbook-panel-body [data-part]', { timeout, state: 'attached' });
}

/** The plan's hops as `[{ from, to, rule }]` (SPEC §9 `ol[data-plan] li[data-hop]`). */
export async function planHops(page) {
  return page.$$eval('ol[data-plan] li[data-hop]', (lis) =>
    lis.map((li) => ({ from: li.dataset.from, to: li.dataset.to, rule: li.dataset.rule })),
  );
}

/** Waits until a service worker controls the page (it claims clients on first activation). */
export async function waitForServiceWorker(page, { timeout = 20_000 } = {}) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout });
}

/** The build id stamped into index.html by `cargo xtask post-build` (`<meta name="asa-planner-build">`). */
export async function buildId(page) {
  return page.$eval('meta[name="asa-planner-build"]', (m) => m.content);
}

/** Reads a dist directory's build id from its index.html without a browser. */
export async function distBuildId(dir) {
  const html = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  const m = html.match(/<meta name="?asa-planner-build"? content="?([0-9a-f]+)"?/);
  assert.ok(m, `no build id in ${dir}/index.html (was it built by cargo xtask dist?)`);
  return m[1];
}
