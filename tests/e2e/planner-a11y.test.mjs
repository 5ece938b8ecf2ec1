// Accessibility of the planner's main states: axe-core (npm) must report 0 violations. The
// page's strict CSP forbids injected scripts, so only these contexts bypass CSP to load axe;
// the other planner tests keep checking for CSP violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, openPage, waitForApp } from './harness.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

/** Runs axe on the page; fails listing each violation with its first nodes. */
async function assertNoViolations(page, state, { touch = false } = {}) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (touch) => {
    // On a touch screen, WCAG 2.2's target size too (not among axe's default rules).
    const rules = touch ? { 'target-size': { enabled: true } } : {};
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, touch);
  assert.deepEqual(violations, [], `axe violations in state "${state}"`);
}

/** Opens `rest` with CSP bypassed (for axe only) in the given colour scheme. */
async function open(rest, colorScheme = 'light') {
  return openPage(browser, server.url(rest), { contextOptions: { bypassCSP: true, colorScheme } });
}

for (const scheme of ['light', 'dark']) {
  test(`axe: empty page (${scheme})`, async () => {
    const rec = await open('', scheme);
    await waitForApp(rec.page);
    await assertNoViolations(rec.page, `empty ${scheme}`);
    await rec.close();
  });

  test(`axe: a plan with the graph highlighted (${scheme})`, async () => {
    const rec = await open('#from=8.2(5)&to=9.1(7)', scheme);
    const { page } = rec;
    assert.equal(await waitForApp(page), 'ok');
    await page.hover('svg[data-graph] .graph-canvas-nodes [data-release="8.4(7)"]');
    // Under the default guidance the hover rings what is reachable in one hop.
    await page.waitForSelector('svg[data-graph] [data-reachable]', { state: 'attached' });
    await assertNoViolations(page, `plan ${scheme}`);
    await rec.close();
  });
}

test('axe: bad fragment with banner and field errors', async () => {
  const rec = await open('#from=banana&to=7.9(1)&mode=sideways');
  await waitForApp(rec.page);
  await rec.page.waitForSelector('.banner [role="alert"]');
  await assertNoViolations(rec.page, 'bad fragment');
  await rec.close();
});

test('axe: mismatched pair, Active/Active, list view, custom list with errors', async () => {
  const rec = await open('#from=9.1(7)&from2=9.1(6)&to=9.3(3)&mode=active-active&releases=9.1(6),9.1(7),9.2(4),9.3(3),nope');
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  await page.click('text=List view');
  await page.waitForSelector('.graph-list');
  await page.waitForSelector('.custom-list-errors li');
  await assertNoViolations(page, 'list view');
  await rec.close();
});

test('axe: keyboard focus inside the graph', async () => {
  const rec = await open('#from=8.2(5)&to=9.1(7)');
  const { page } = rec;
  await waitForApp(page);
  await page.focus('svg[data-graph]');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('svg[data-graph][aria-activedescendant]');
  await assertNoViolations(page, 'graph focus');
  await rec.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe: change-window plan with caveats, warnings, one-unit hop and estimate (${scheme})`, async () => {
    const rec = await open('#from=8.2(5)&from2=8.3(2)&to=9.23(1)&trains=7.0,7.1,7.2,8.0,8.2,8.3,8.4,9.0,9.1,9.2,9.3,9.4,9.5,9.6,9.7,9.8,9.10,9.12,9.13,9.14,9.15,9.16,9.17,9.18,9.19,9.20,9.22,9.23,9.24&contexts=multi&rules=table-81-1', scheme);
    const { page } = rec;
    assert.equal(await waitForApp(page), 'ok');
    await page.fill('#minutes-per-reload', '15');
    await page.waitForSelector('[data-warning="train-off"]');
    await page.waitForSelector('[data-caveat]', { state: 'attached' });
    await assertNoViolations(page, `change window ${scheme}`);
    await rec.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe at 390 px: the issue's mismatched pair with interim builds, and the list view (${scheme})`, async () => {
    const rec = await openPage(browser, server.url('#from=9.0(4)&from2=9.1(7)&to=9.3(5)&interim=1'), {
      contextOptions: { bypassCSP: true, colorScheme: scheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    });
    const { page } = rec;
    assert.equal(await waitForApp(page), 'ok');
    await assertNoViolations(page, `390 px ${scheme}`, { touch: true });
    await page.click('text=List view');
    await page.waitForSelector('.graph-list');
    await assertNoViolations(page, `390 px list view ${scheme}`, { touch: true });
    await rec.close();
  });
}
