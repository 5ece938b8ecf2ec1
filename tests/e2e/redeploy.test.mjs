// Safe updates on redeploy (SPEC §10): two different builds, A (dist/) and B (E2E_DIST_B, the
// same app built with opt-level "s", so its wasm and hashed names differ), swapped on the server
// 20 times. Every load must show a working page of exactly one build (its index.html, js glue
// and wasm all from the same dist), with no blank page, console error, LinkError or CSP
// violation; the "new version available" prompt must appear when an open tab learns of a
// redeploy, and not when a reload already fetched the new build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import {
  DIST_DIR,
  DIST_B_DIR,
  startServer,
  launchBrowser,
  openPage,
  waitForApp,
  waitForServiceWorker,
  buildId,
  distBuildId,
} from './harness.mjs';

const CYCLES = 20;
const LINK = '#from=8.4(7)&to=9.1(7)';

let server;
let browser;
before(async () => {
  assert.ok(DIST_B_DIR, 'E2E_DIST_B must name a second build (cargo xtask test builds one)');
  server = await startServer({ root: DIST_DIR });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The planner's files (its glue and wasm) and its stylesheet. */
const isApp = (name) => name.startsWith('asa-planner-') || name.startsWith('app-');

/** A build: its dir, id and the names of the app files a planner page loads (its one wasm and
 * glue). */
async function describe(dir) {
  const files = (await fs.readdir(dir)).sort();
  return {
    dir,
    id: await distBuildId(dir),
    wasm: files.filter((f) => f.endsWith('.wasm') && isApp(f)),
    js: files.filter((f) => isApp(f) && f.endsWith('.js')),
  };
}

/** The page works and everything it runs comes from `build`. */
async function assertRuns(page, build) {
  try {
    assert.equal(await waitForApp(page), 'ok', 'the page plans (not blank)');
  } catch (err) {
    const body = await page.evaluate(() => document.documentElement.outerHTML.slice(0, 400)).catch((e) => String(e));
    err.message += `\npage: ${body}\nservice workers: ${JSON.stringify(await workerState(page).catch((e) => String(e)))}`;
    throw err;
  }
  assert.equal(await buildId(page), build.id, 'index.html of the expected build');
  const loaded = (
    await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()),
    )
  ).filter((name) => name.endsWith('.wasm') || isApp(name));
  const wasm = loaded.filter((n) => n.endsWith('.wasm'));
  const js = loaded.filter((n) => n.endsWith('.js'));
  // The wasm and its glue, of one build.
  assert.deepEqual([...new Set(wasm)].sort(), build.wasm, 'the wasm of the same build');
  assert.deepEqual([...new Set(js)].sort(), build.js, 'the js glue of the same build');
}

/** Waits until the controlling service worker is the one of build `id` (event-driven: it
 * re-checks on every `controllerchange`). */
async function waitForController(page, id, timeout = 20_000) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no service worker of build ${id} took control`)), timeout);
  });
  const controlled = page.evaluate(async (want) => {
    const sw = navigator.serviceWorker;
    const ask = (worker) =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data);
        worker.postMessage({ type: 'BUILD' }, [channel.port2]);
      });
    for (;;) {
      const changed = new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
      // A worker being replaced may never answer: a controller change ends the wait too.
      const answer = sw.controller ? await Promise.race([ask(sw.controller), changed]) : await changed;
      if (answer === want) return;
      await changed;
    }
  }, id);
  try {
    await Promise.race([controlled, expired]);
  } catch (err) {
    err.message += `; service workers: ${JSON.stringify(await workerState(page))}`;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** The build of each of the registration's workers, for failure messages. */
function workerState(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const ask = (worker) =>
      worker &&
      Promise.race([
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(e.data);
          worker.postMessage({ type: 'BUILD' }, [channel.port2]);
        }),
        new Promise((resolve) => setTimeout(() => resolve('no answer'), 1000)),
      ]);
    return {
      messages: window.__swMessages,
      controller: await ask(navigator.serviceWorker.controller),
      active: await ask(registration?.active),
      waiting: await ask(registration?.waiting),
      installing: await ask(registration?.installing),
      caches: await caches.keys(),
    };
  });
}

/** Waits for the page's update checks and any install they started to finish. */
async function settleUpdates(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing;
    if (!worker) return;
    await new Promise((resolve) => {
      const check = () => worker.state !== 'installing' && resolve();
      worker.addEventListener('statechange', check);
      check();
    });
  });
}

/** Resolves on the next load of the page's main frame. */
function nextLoad(page) {
  return page.waitForEvent('load', { timeout: 20_000 });
}

test(`${CYCLES} redeploys alternating two builds: one build per load, prompt when expected`, async () => {
  const a = await describe(DIST_DIR);
  const b = await describe(DIST_B_DIR);
  assert.notEqual(a.id, b.id, 'the two builds differ');
  assert.equal(a.wasm.length, 1, 'one wasm');
  assert.equal(b.wasm.length, 1, 'one wasm');
  assert.notDeepEqual(a.wasm, b.wasm, 'the two builds have different wasm files');

  const rec = await openPage(browser, server.url(LINK), { navigate: false });
  const page = rec.page;
  // Diagnostics for failure messages: what the page told its service workers.
  await rec.context.addInitScript(() => {
    window.__swMessages = [];
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (message, transfer) {
      window.__swMessages.push(`${message.type} to a worker ${this.state}`);
      return post.call(this, message, transfer);
    };
  });
  await page.goto(server.url(LINK));
  await assertRuns(page, a);
  await waitForServiceWorker(page);
  await waitForController(page, a.id);

  let current = a;
  let prompts = 0;
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const next = current === a ? b : a;
    // The browser merges an update check into one still running, so let checks started by the
    // last load finish before the redeploy (as they would, long before a real one).
    await settleUpdates(page);
    server.setRoot(next.dir);
    if (cycle % 2 === 1) {
      // The person reloads: the page comes from the network (network-first), so it is the new
      // build at once; its waiting worker is no news to it: no prompt.
      const served = server.requests.length;
      await page.reload().catch(async (err) => {
        console.log(`cycle ${cycle}: served since: ${JSON.stringify(server.requests.slice(served))}`);
        throw err;
      });
      await assertRuns(page, next);
      assert.equal(await page.$('#update-banner'), null, `cycle ${cycle}: no prompt after a reload`);
    } else {
      // A tab left open checks for updates (as on visibilitychange): the old build keeps
      // running, the prompt appears, and its button switches to the new build.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page
        .waitForSelector('#update-banner[data-update-available] button', { timeout: 20_000 })
        .catch(async (err) => {
          console.log(`cycle ${cycle}, page build ${current.id}, service workers: ${JSON.stringify(await workerState(page))}`);
          throw err;
        });
      prompts++;
      await assertRuns(page, current);
      const loaded = nextLoad(page);
      await page.click('#update-banner button');
      await loaded;
      await assertRuns(page, next);
      assert.equal(await page.$('#update-banner'), null, `cycle ${cycle}: prompt gone after reloading`);
    }
    rec.assertClean();
    current = next;
  }
  assert.equal(prompts, CYCLES / 2);

  // After all that, offline: the page is whole, and of the build its worker holds.
  await rec.context.setOffline(true);
  await page.reload();
  const { controller } = await workerState(page);
  await assertRuns(page, [a, b].find((build) => build.id === controller) ?? { id: controller });
  await rec.close();
});
