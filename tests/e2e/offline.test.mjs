// Offline after one visit (SPEC §10): at `/` and under a sub-path, visit once, let the service
// worker take control, cut the network, reload: the plan from the URL is back; a different
// shared link opened offline plans too. Nothing reaches the server while offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer,
  launchBrowser,
  openPage,
  waitForApp,
  waitForServiceWorker,
  planHops,
  serverQuiet,
} from './harness.mjs';

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

const FIRST = { from: '8.2(5)', to: '9.1(7)' };
const SECOND = { from: '9.2(4)', to: '9.8(4)' };
const link = ({ from, to }) => `#from=${from}&to=${to}`;

/** The plan on `page` goes from `from` to `to` through a chain of hops. */
async function assertPlans(page, { from, to }) {
  assert.equal(await waitForApp(page), 'ok');
  const hops = await planHops(page);
  assert.ok(hops.length > 0, 'the plan has hops');
  assert.equal(hops[0].from, from);
  assert.equal(hops.at(-1).to, to);
  for (let i = 1; i < hops.length; i++) assert.equal(hops[i].from, hops[i - 1].to, 'hops chain');
  // The runbook's body is drawn a paint after the plan; it must be there too.
  assert.equal(await page.getAttribute('.runbook-panel', 'data-steps'), 'ready');
  assert.equal(await page.locator('[data-runbook-hop]').count(), hops.length);
  return hops;
}

for (const sub of [false, true]) {
  test(`works offline after one visit, hosted at ${sub ? 'a sub-path' : '/'}`, async () => {
    const rec = await openPage(browser, server.url(link(FIRST), { sub }));
    const online = await assertPlans(rec.page, FIRST);
    await waitForServiceWorker(rec.page);
    await serverQuiet(server);

    await rec.context.setOffline(true);
    const served = server.requests.length;
    await rec.page.reload();
    assert.deepEqual(await assertPlans(rec.page, FIRST), online, 'the same plan offline');
    assert.equal(await rec.page.evaluate(() => location.hash), encodeURI(link(FIRST)));

    const second = await rec.context.newPage();
    await second.goto(server.url(link(SECOND), { sub }));
    await assertPlans(second, SECOND);
    assert.equal(server.requests.length, served, 'nothing reached the server while offline');
    await rec.close();
  });
}

// sw-register.js is a deferred script and Trunk's loader an inline module awaiting the wasm:
// either can finish first. Here the script is held back until the app has started (as on a
// slow link for that one file), so the start event has fired before the script listens. Both
// pages register the worker with the same script.
const PAGES = [
  { name: 'the planner', rest: link(FIRST), ready: (page) => assertPlans(page, FIRST) },
  {
    name: 'the fleet page',
    rest: 'fleet.html#fleet',
    ready: (page) => page.waitForSelector('textarea[data-fleet-input]', { state: 'attached' }),
  },
];
for (const { name, rest, ready } of PAGES) {
  test(`${name} registers the service worker when its script arrives after the app has started`, async () => {
    const rec = await openPage(browser, server.url(rest), { navigate: false });
    let started;
    const appStarted = new Promise((resolve) => (started = resolve));
    await rec.context.exposeBinding('__e2eAppStarted', () => started());
    await rec.context.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', () => window.__e2eAppStarted(), { once: true }),
    );
    let held = 0;
    await rec.page.route(/\/sw-register-[0-9a-f]+\.js$/, async (route) => {
      held++;
      await appStarted;
      await route.continue();
    });
    await rec.page.goto(server.url(rest));
    await ready(rec.page);
    assert.equal(held, 1, 'the registering script was held back once');
    await waitForServiceWorker(rec.page);
    await rec.close();
  });
}
