// End-to-end tests of the planner page (issue 4) against the built dist/: a shared link read
// through the SPEC §9 hooks, legal-hop highlights checked against SPEC §3 computed here, a
// keyboard-only flow, Markdown export, bad input (fragment, fields, pasted list, storage), and
// screenshots of the main states in tests/e2e/artifacts/. The harness fails every test on
// off-origin requests, console errors, page errors and CSP violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForApp, waitForLater, planHops } from './harness.mjs';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STORAGE_KEY = 'asa-planner.state';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await fs.mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Saves a screenshot of the page (or of `selector`) as artifacts/<name>.png. */
async function shot(page, name, selector, { maxHeight = 4000 } = {}) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  if (selector) {
    const el = page.locator(selector).first();
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    const clip = { x: box.x + scroll.x, y: box.y + scroll.y, width: box.width, height: Math.min(box.height, maxHeight) };
    await page.screenshot({ path: file, fullPage: true, clip });
  } else {
    await page.screenshot({ path: file, fullPage: true });
  }
}

/** Waits until the verdict hook reads `verdict`. */
async function waitVerdict(page, verdict) {
  await page.waitForSelector(`[data-verdict="${verdict}"]`, { state: 'attached' });
  await waitForLater(page);
}

/** `8.4(7)30` → [8, 4, 7, 30]; a missing interim sorts first (SPEC §2). */
function parseRelease(text) {
  const m = /^(\d+)\.(\d+)\((\d+)\)(\d+)?$/.exec(text);
  assert.ok(m, `not a canonical release: ${text}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? -1 : Number(m[4])];
}

function compare(a, b) {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * SPEC §3 computed independently of the page: from `a`, the legal hops among `drawn` are the
 * later releases of its train (maintenance) and every release of the successor train, the next
 * train present: the next minor of the major or, from its last minor, the first train of the
 * next major (minor and major hops). Every train of the catalog has at least one drawn release
 * (SPEC §7), so the drawn trains are the catalog's trains.
 */
function expectedLegal(a, drawn) {
  const ra = parseRelease(a);
  const trains = [...new Set(drawn.map((d) => { const r = parseRelease(d); return `${r[0]}.${r[1]}`; }))]
    .map((t) => t.split('.').map(Number))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const idx = trains.findIndex((t) => t[0] === ra[0] && t[1] === ra[1]);
  const succ = trains[idx + 1];
  return drawn.filter((d) => {
    const rb = parseRelease(d);
    if (rb[0] === ra[0] && rb[1] === ra[1]) return compare(rb, ra) > 0;
    return succ !== undefined && rb[0] === succ[0] && rb[1] === succ[1];
  }).sort();
}

async function drawnReleases(page) {
  return page.$$eval('svg[data-graph] .graph-canvas-nodes [data-release]', (els) => els.map((e) => e.dataset.release));
}

async function legalEdges(page) {
  return page.$$eval('svg[data-graph] [data-legal]', (els) =>
    els.map((e) => ({ from: e.dataset.edgeFrom, to: e.dataset.edgeTo })));
}

/**
 * Puts `text` in the custom-list box the way a paste does: one value change, one input event.
 * (Playwright's fill() is quadratic on a large textarea: minutes for 10,000 lines.)
 */
async function paste(page, text) {
  await page.$eval('#custom-list', (area, value) => {
    area.focus();
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Presses Tab until the focused element matches `selector` (at most 150 times). */
async function tabTo(page, selector) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

// The plans below are Table 81-1's: their links name it (the default is guide-9x).
const PLAN_8_2_TO_9_1 = [
  { from: '8.2(5)', to: '8.3(2)', rule: 'minor' },
  { from: '8.3(2)', to: '8.4(7)', rule: 'minor' },
  { from: '8.4(7)', to: '9.0(4)', rule: 'major' },
  { from: '9.0(4)', to: '9.1(7)', rule: 'minor' },
];

test('a shared link restores the plan, read through the hooks', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)&rules=table-81-1'));
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  assert.equal(await page.locator('[data-verdict]').count(), 1);
  assert.deepEqual(await planHops(page), PLAN_8_2_TO_9_1);
  // The plan's edges are drawn emphasized, one per hop.
  const onPlan = await page.$$eval('svg[data-graph] [data-on-plan]', (els) =>
    els.map((e) => ({ from: e.dataset.edgeFrom, to: e.dataset.edgeTo })));
  assert.deepEqual(onPlan, PLAN_8_2_TO_9_1.map(({ from, to }) => ({ from, to })));
  // The blocked direct hop is drawn with its reason.
  const blocked = page.locator('svg[data-graph] [data-blocked]');
  assert.equal(await blocked.getAttribute('data-edge-from'), '8.2(5)');
  assert.equal(await blocked.getAttribute('data-edge-to'), '9.1(7)');
  assert.match(await page.locator('[data-direct-blocked]').innerText(), /8\.2 is not the last minor release of 8\.x \(8\.4 is\)/);
  // The 8.2 → 8.3 hop carries the 8.3 configuration migration (folded under the hop).
  assert.equal(await page.locator('li[data-hop][data-from="8.2(5)"] [data-caveat-release="8.3(1)"]').count(), 1);
  // Interim builds are hidden by default.
  const drawn = await drawnReleases(page);
  assert.ok(drawn.length > 50, `only ${drawn.length} releases drawn`);
  // Every train of the default preset has a column (7.0 … 9.24).
  const columns = await page.$$eval('svg[data-graph] .graph-canvas-train', (els) => els.map((e) => e.textContent));
  assert.equal(columns[0], '7.0');
  assert.equal(columns.at(-1), '9.24');
  assert.ok(!drawn.includes('8.4(7)30'));
  // The node's tooltip gives the release date where known; where the catalog found the release
  // (scanner plugin paths) stays in the repository's data, not in what a person reads.
  const tip = await page.locator('svg[data-graph] [data-release="9.16(4)"] > title').textContent();
  assert.match(tip, /^9\.16\(4\)\nreleased 2022-10$/s);
  // The runbook has one section per hop, with the Standby Ready checkpoint.
  assert.equal(await page.locator('[data-runbook-hop]').count(), 4);
  assert.match(await page.locator('[data-runbook-hop="1"]').innerText(), /Standby Ready/);
  assert.match(await page.locator('[data-runbook-hop="1"]').innerText(), /failover reload-standby/);
  await shot(page, 'plan-8.2-to-9.1');
  await shot(page, 'graph-plan', '.release-graph');
  await rec.close();
});

test('hovering a release highlights exactly its legal hops', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)&rules=table-81-1'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  const drawn = await drawnReleases(page);
  for (const release of ['8.2(5)', '8.3(1)', '8.4(7)', '7.2(5)', '9.0(4)']) {
    assert.ok(drawn.includes(release), `${release} is not drawn`);
    await page.hover(`svg[data-graph] .graph-canvas-nodes [data-release="${release}"]`);
    await page.waitForFunction(
      (r) => [...document.querySelectorAll('svg[data-graph] [data-legal]')].every((e) => e.dataset.edgeFrom === r)
        && document.querySelector(`svg[data-graph] [data-legal][data-edge-from="${r}"]`) !== null,
      release,
    );
    const edges = await legalEdges(page);
    assert.ok(edges.every((e) => e.from === release));
    assert.deepEqual(edges.map((e) => e.to).sort(), expectedLegal(release, drawn), `legal hops of ${release}`);
    if (release === '8.4(7)') await shot(page, 'graph-hover-8.4(7)', '.release-graph');
  }
  // The pointer leaving the graph clears the highlight.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.querySelector('svg[data-graph] [data-legal]') === null);
  await rec.close();
});

test('keyboard only: from an empty page to a plan, then the graph picks a target', async () => {
  const rec = await openPage(browser, server.url(''));
  const { page } = rec;
  assert.equal(await waitForApp(page), 'empty');
  await shot(page, 'empty');
  await tabTo(page, '#from');
  await page.keyboard.type('8.2.5');
  await tabTo(page, '#to');
  await page.keyboard.type('9.1(7)');
  await waitVerdict(page, 'ok');
  // The default rule set, Cisco's guidance by release era: Table 81-1 up to 8.4, then one hop.
  assert.deepEqual(await planHops(page), [
    { from: '8.2(5)', to: '8.3(2)', rule: 'minor' },
    { from: '8.3(2)', to: '8.4(7)', rule: 'minor' },
    { from: '8.4(7)', to: '9.1(7)', rule: 'direct' },
  ]);
  // The typed spelling stays in the field; the address bar carries the plan.
  assert.equal(await page.inputValue('#from'), '8.2.5');
  // Written in the next frame (one write per burst of keystrokes).
  await page.waitForFunction(() => /from=8\.2\.5|from=8\.2\(5\)/.test(decodeURIComponent(location.hash)));

  // The graph is one tab stop; focus starts on the target and rings what it reaches in one hop.
  await tabTo(page, 'svg[data-graph]');
  const active = () => page.$eval('svg[data-graph]', (svg) =>
    document.getElementById(svg.getAttribute('aria-activedescendant') ?? '')?.dataset.release ?? null);
  assert.equal(await active(), '9.1(7)');
  await page.waitForSelector('svg[data-graph] [data-reachable]', { state: 'attached' });
  await page.keyboard.press('ArrowUp');
  const up = await active();
  assert.ok(up && compare(parseRelease(up), parseRelease('9.1(7)')) < 0 && up.startsWith('9.1('), `ArrowUp went to ${up}`);
  await page.keyboard.press('ArrowRight');
  const right = await active();
  assert.ok(right?.startsWith('9.2('), `ArrowRight went to ${right}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((r) => document.querySelector('#to')?.value === r, right);
  await waitVerdict(page, 'ok');
  assert.equal((await planHops(page)).length, 3);
  // Table 81-1 beside it: one train at a time from 8.2 (8.3, 8.4, 9.0, 9.1, 9.2), one click away.
  assert.equal(await page.getAttribute('[data-other-rules-hops]', 'data-other-rules-hops'), '5');
  await page.click('[data-rules] button');
  await page.waitForSelector('[data-rules="table-81-1"]', { state: 'attached' });
  await page.waitForFunction(() => location.hash.includes('rules=table-81-1'));
  assert.equal((await planHops(page)).length, 5);
  await rec.close();
});

test('Markdown export carries the plan, the runbook and the link; image names flow into it', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)&rules=table-81-1'), { contextOptions: { acceptDownloads: true } });
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.fill('#image-new-1', 'asa832-custom-k8.bin');
  await page.fill('#tftp-server', '192.0.2.10');
  await page.waitForFunction(() => document.querySelector('[data-runbook-hop="1"]')?.innerText.includes('tftp://192.0.2.10/asa832-custom-k8.bin'));
  // The same name is hop 2's old image (it is what the pair then boots).
  assert.equal(await page.inputValue('#image-old-2'), 'asa832-custom-k8.bin');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('text=Download Markdown'),
  ]);
  assert.equal(download.suggestedFilename(), 'asa-upgrade-plan.md');
  const md = await fs.readFile(await download.path(), 'utf8');
  await fs.writeFile(path.join(ARTIFACTS, 'export.md'), md);
  for (const hop of PLAN_8_2_TO_9_1) {
    assert.ok(md.includes(hop.from) && md.includes(hop.to), `hop ${hop.from} → ${hop.to} missing`);
  }
  assert.ok(md.includes('copy /noconfirm tftp://192.0.2.10/asa832-custom-k8.bin disk0:/asa832-custom-k8.bin'), 'edited image and server');
  assert.ok(md.includes('failover reload-standby'));
  assert.ok(md.includes('Standby Ready'));
  assert.ok(md.includes('8.2 is not the last minor release of 8.x (8.4 is)'), 'the blocked direct hop and its reason');
  const href = await page.evaluate(() => location.href);
  assert.ok(md.includes(href), `the share link ${href}`);
  assert.match(md, /major/);
  await rec.close();
});

test('copy link and copy as Markdown use the clipboard', async () => {
  const rec = await openPage(browser, server.url('#from=9.8(4)&to=9.12(4)&mode=active-active'));
  const { page, context } = rec;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await waitVerdict(page, 'ok');
  assert.match(await page.locator('.runbook-panel').innerText(), /reconstructed from the structure of the 8\.x guide's Active\/Active section/);
  assert.equal(await page.isChecked('#mode-active-active'), true);
  await page.click('text=Copy link');
  await page.waitForSelector('.share-bar-status:has-text("Link copied.")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => location.href));
  await page.click('text=Copy as Markdown');
  await page.waitForSelector('.share-bar-status:has-text("Markdown copied.")');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(md.includes('9.8(4)') && md.includes('9.12(4)'));
  assert.ok(md.includes('failover active group 1'), 'Active/Active runbook in the export');
  await rec.close();
});

test('a step\'s Copy button copies exactly its commands and says so', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=8.3(2)'));
  const { page, context } = rec;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await waitVerdict(page, 'ok');
  await page.fill('#tftp-server', '192.0.2.7');
  const block = page.locator('[data-runbook-hop="1"] .command-block', {
    has: page.locator('[aria-label="Copy the commands of step 1 of hop 1"]'),
  });
  await block.locator('code').filter({ hasText: '192.0.2.7' }).waitFor();
  const commands = await block.locator('code').innerText();
  await page.click('[aria-label="Copy the commands of step 1 of hop 1"]');
  await block.locator('.command-block-status', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), commands);
  assert.match(commands, /^copy \/noconfirm tftp:\/\/192\.0\.2\.7\//m);
  // Other blocks are untouched.
  assert.equal(await page.locator('.command-block-status', { hasText: 'Copied' }).count(), 1);
  await rec.close();
});

test('list view: picking a target by keyboard replans and keeps the focus on the button', async () => {
  const rec = await openPage(browser, server.url('#from=9.1(7)&to=9.2(4)&rules=table-81-1'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.click('text=List view');
  await page.waitForSelector('.graph-list');
  await page.focus('[aria-label="Set 9.3(3) as target"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('ol[data-plan] li[data-hop]:last-child')?.dataset.to === '9.3(3)');
  // The list view is the second wasm's, drawn a frame after the page's own render.
  await page.waitForFunction(() => /target, on the plan/.test(document.querySelector('.graph-list [data-list-release="9.3(3)"]')?.innerText ?? ''));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Set 9.3(3) as target');
  // And on to the current release, still by keyboard.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Set 9.3(3) as current');
  await page.focus('[aria-label="Set 9.2(4) as current"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('ol[data-plan] li[data-hop]')?.dataset.from === '9.2(4)');
  assert.deepEqual(await planHops(page), [{ from: '9.2(4)', to: '9.3(3)', rule: 'minor' }]);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Set 9.2(4) as current');
  await rec.close();
});

test('train switches by keyboard: Space switches a train off and on, the focus stays on it', async () => {
  const rec = await openPage(browser, server.url('#from=8.4(7)&to=9.0(4)&rules=table-81-1'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.click('.train-toggles summary');
  await page.focus('#train-9-0');
  await page.keyboard.press('Space');
  await waitVerdict(page, 'no-path');
  assert.equal(await page.isChecked('#train-9-0'), false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'train-9-0');
  assert.equal(await page.locator('svg[data-graph] .graph-canvas-nodes [data-release^="9.0("]').count(), 0);
  await page.waitForFunction(() => location.hash.includes('trains='));
  await page.keyboard.press('Space');
  await waitVerdict(page, 'ok');
  assert.equal(await page.isChecked('#train-9-0'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'train-9-0');
  // The suggestions arrive after the first paint, one per release of the catalog in use.
  await page.waitForFunction(() => document.querySelectorAll('datalist#release-options option').length > 700);
  assert.equal(await page.getAttribute('#from', 'list'), 'release-options');
  await rec.close();
});

test('a bad fragment shows a banner, keeps the rest, and the page keeps working', async () => {
  const rec = await openPage(browser, server.url('#from=banana&to=9.1(7)&mode=sideways&colour=blue&rules=table-81-1'));
  const { page } = rec;
  assert.equal(await waitForApp(page), 'invalid');
  const alert = page.locator('.banner [role="alert"]');
  assert.ok(await alert.count() >= 1, 'an error banner');
  assert.match(await page.locator('.banner').innerText(), /mode/);
  assert.match(await page.locator('.banner').innerText(), /colour/);
  // What was typed is kept, with its message under the field.
  assert.equal(await page.inputValue('#from'), 'banana');
  assert.equal(await page.inputValue('#to'), '9.1(7)');
  assert.equal(await page.getAttribute('#from', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#from', 'aria-describedby'), 'from-msg');
  assert.ok((await page.locator('#from-msg').innerText()).length > 0);
  await shot(page, 'bad-fragment');
  // The page keeps working.
  await page.fill('#from', '8.2(5)');
  await waitVerdict(page, 'ok');
  assert.deepEqual(await planHops(page), PLAN_8_2_TO_9_1);
  await rec.close();
});

test('an over-long link is refused with a message; the page stays usable', async () => {
  const long = '#from=8.2(5)&releases=' + Array.from({ length: 1500 }, (_, i) => `9.${i % 30}(${i})`).join(',');
  assert.ok(long.length > 8192);
  const rec = await openPage(browser, server.url(long));
  const { page } = rec;
  await waitForApp(page);
  assert.match(await page.locator('.banner [role="alert"]').first().innerText(), /too long/);
  await page.fill('#from', '8.4(7)');
  await page.fill('#to', '9.0(4)');
  await waitVerdict(page, 'ok');
  // The default rules: a hop landing on 9.x is direct.
  assert.deepEqual(await planHops(page), [{ from: '8.4(7)', to: '9.0(4)', rule: 'direct' }]);
  await rec.close();
});

test('a pasted list: HTML is text, errors are listed by position, 10,000 entries do not freeze', async () => {
  const rec = await openPage(browser, server.url('#from=9.1(1)&to=9.2(1)&rules=table-81-1'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.click('.custom-list summary');
  await paste(page, '9.1(1), <img src=x id=injected>, 9.1(3)\n9.2(1) <b>bold</b>');
  await page.click('text=Use this list');
  await page.waitForSelector('.custom-list-errors li');
  const errors = await page.locator('.custom-list-errors li').allInnerTexts();
  assert.ok(errors.some((e) => e.includes('entry 2') && e.includes('<img')), errors.join('\n'));
  assert.equal(await page.locator('#injected').count(), 0, 'no markup was created from the list');
  assert.equal(await page.locator('.custom-list-errors b').count(), 0);
  await waitVerdict(page, 'ok');
  assert.deepEqual(await planHops(page), [{ from: '9.1(1)', to: '9.2(1)', rule: 'minor' }]);
  assert.deepEqual((await drawnReleases(page)).sort(), ['9.1(1)', '9.1(3)', '9.2(1)']);
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('releases='));
  await shot(page, 'custom-list-errors');

  // 10,000 entries: applied once, the page answers and says the list is too long for a link.
  const big = Array.from({ length: 10000 }, (_, i) => `9.${Math.floor(i / 500)}(${(i % 500) + 1})`).join('\n');
  await paste(page, big);
  await page.click('text=Use this list');
  await page.waitForSelector('.custom-list-errors:has-text("too long to share")', { timeout: 30_000 });
  await waitVerdict(page, 'ok');
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.waitForFunction(() => !location.hash.includes('releases='));
  // "Copy link" says, where it was copied, that the link leaves the list out (issue #20 item 11).
  await rec.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('button[data-share="link"]');
  await page.locator('.share-bar-status', { hasText: 'Link copied.' }).waitFor();
  assert.match(await page.innerText('.share-bar-status'), /leaves out the custom list \(10000 releases\)/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(!copied.includes('releases='), copied.slice(0, 200));
  assert.equal(copied, await page.evaluate(() => location.href));
  await rec.close();
});

test('a 2,000-release list draws the columns in view, follows the scroll, and "Whole catalog" draws all', async () => {
  const rec = await openPage(browser, server.url(''));
  const { page } = rec;
  await waitForApp(page);
  // Trains of 20: 1.0(1) … 1.0(20), 1.1(1) …; 100 columns.
  const list = Array.from({ length: 2000 }, (_, i) => {
    const train = Math.floor(i / 20);
    return `${1 + Math.floor(train / 20)}.${train % 20}(${(i % 20) + 1})`;
  });
  await paste(page, list.join('\n'));
  await page.click('text=Use this list');
  await page.waitForSelector('svg[data-graph] [data-release="1.0(1)"]', { state: 'attached' });
  const drawn = await drawnReleases(page);
  assert.equal(drawn.length, 32 * 20, 'a window of 32 columns');
  assert.ok(!drawn.includes(list[1999]), 'the last train is not drawn yet');
  // Scrolled to the end, the window follows.
  await page.$eval('.release-graph', (box) => { box.scrollLeft = box.scrollWidth; });
  await page.waitForSelector(`svg[data-graph] [data-release="${list[1999]}"]`, { state: 'attached' });
  assert.equal((await drawnReleases(page)).length, 32 * 20);
  assert.equal(await page.locator('svg[data-graph] [data-release="1.0(1)"]').count(), 0);
  // A click on a drawn node still picks it (its column and row say which release).
  await page.click(`svg[data-graph] [data-release="${list[1990]}"]`);
  await page.waitForFunction((r) => document.querySelector('#to').value === r, list[1990]);
  // "Whole catalog" draws every node.
  await page.click('.release-graph-tools button');
  await page.waitForFunction(() => document.querySelectorAll('svg[data-graph] .graph-canvas-nodes [data-release]').length === 2000);
  await rec.close();
});

test('unreadable saved state is reported once and replaced', async () => {
  const rec = await openPage(browser, server.url(''));
  const { page } = rec;
  await waitForApp(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"not":"ours"}'), STORAGE_KEY);
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('.banner [data-banner="saved state"]');
  assert.match(await page.locator('.banner').innerText(), /saved state/);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('.banner [data-banner="saved state"]').count(), 0, 'reported once');
  await rec.close();
});

test('runbook fields travel in the link: a colleague opening it reads the same names (issue #20 item 11)', async () => {
  const rec = await openPage(browser, server.url('#from=9.8(4)&to=9.12(4)'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.fill('#tftp-server', '192.0.2.10');
  await page.fill('#image-new-1', 'asa9-12-4-lab-smp-k8.bin');
  await page.fill('#minutes-per-reload', '25');
  await page.waitForFunction(() => {
    const h = decodeURIComponent(location.hash);
    return h.includes('server=192.0.2.10') && h.includes('img=9.12(4):asa9-12-4-lab-smp-k8.bin') && h.includes('min=25');
  });
  const link = await page.evaluate(() => location.href);
  await rec.close();
  // Another browser: nothing saved, only the link.
  const other = await openPage(browser, link);
  const p2 = other.page;
  await waitVerdict(p2, 'ok');
  assert.equal(await p2.inputValue('#tftp-server'), '192.0.2.10');
  assert.equal(await p2.inputValue('#image-new-1'), 'asa9-12-4-lab-smp-k8.bin');
  assert.equal(await p2.inputValue('#minutes-per-reload'), '25');
  assert.match(await p2.innerText('[data-runbook-hop="1"]'), /tftp:\/\/192\.0\.2\.10\/asa9-12-4-lab-smp-k8\.bin/);
  await other.close();
});

test('the model select writes platform= and a target past the model\'s last release is refused (issue #23)', async () => {
  const rec = await openPage(browser, server.url('#from=9.8(4)&to=9.20(3)'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.selectOption('select#platform', 'asa5525x');
  await page.waitForFunction(() => location.hash.includes('platform=asa5525x'));
  await waitVerdict(page, 'no-path');
  const limit = page.locator('[data-platform-limit="target"]');
  assert.match(await limit.innerText(), /up to 9\.14/);
  assert.equal(await limit.locator('a[href^="https://www.cisco.com/"]').count() > 0, true);
  assert.ok(await limit.isVisible());
  // The default image names follow the model; back to a target it runs, the plan is there.
  await page.fill('#to', '9.14(4)');
  await waitVerdict(page, 'ok');
  assert.equal(await page.locator('[data-platform-limit]').count(), 0);
  await page.waitForFunction(() => location.hash.includes('to=9.14(4)'));
  await page.reload();
  await waitVerdict(page, 'ok');
  assert.equal(await page.inputValue('select#platform'), 'asa5525x');
  await page.selectOption('select#platform', '');
  await page.waitForFunction(() => !location.hash.includes('platform='));
  await rec.close();
});

test('without a fragment the last plan and image names come back from this browser', async () => {
  const rec = await openPage(browser, server.url('#from=8.4(7)&to=9.0(4)&rules=table-81-1'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.fill('#image-new-1', 'my-904.bin');
  await page.waitForFunction(() => localStorage.getItem('asa-planner.state')?.includes('my-904.bin'));
  await page.goto(server.url(''));
  await waitVerdict(page, 'ok');
  assert.deepEqual(await planHops(page), [{ from: '8.4(7)', to: '9.0(4)', rule: 'major' }]);
  assert.equal(await page.inputValue('#image-new-1'), 'my-904.bin');
  await rec.close();
});

test('dark scheme, list view, interim builds and print render', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)&rules=table-81-1'), { contextOptions: { colorScheme: 'dark' } });
  const { page } = rec;
  await waitVerdict(page, 'ok');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 20, 23)');
  await shot(page, 'plan-dark');
  await page.check('#interim');
  await page.waitForSelector('svg[data-graph] [data-release="8.4(7)30"]', { state: 'attached' });
  await page.waitForFunction(() => location.hash.includes('interim=1'));
  await page.click('text=List view');
  await page.waitForSelector('.graph-list');
  const item = await page.locator('.graph-list [data-list-release="8.2(5)"]').innerText();
  assert.match(item, /on the plan/);
  assert.match(item, /minor: 8\.3\(1\)/);
  await shot(page, 'graph-list-dark', '.graph-panel', { maxHeight: 1400 });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  assert.equal(await page.locator('.plan-inputs').isVisible(), false);
  assert.equal(await page.locator('.graph-panel').isVisible(), false);
  assert.equal(await page.locator('ol[data-plan]').isVisible(), true);
  await shot(page, 'print');
  await rec.close();
});

/** A `show version` output of about 9 KB, as a person pastes it into a release field. */
function showVersion(release) {
  let text = `Cisco Adaptive Security Appliance Software Version ${release} <system>\nDevice Manager Version 7.8(2)\n\n`;
  while (text.length < 9000) text += ' 1: Int: Not licensed    : irq 255 Ext: GigabitEthernet0/1  : address is 00a0.c900.0102, irq 255\n';
  return text;
}

test('a pasted show version output goes into the link as its release; the link reopens it (audit 3, item 1)', async () => {
  const rec = await openPage(browser, server.url('#to=9.12(4)'));
  const { page } = rec;
  await waitForApp(page);
  await page.fill('#from', showVersion('9.8(4)'));
  await waitVerdict(page, 'ok');
  // SPEC §2: canonical display, also in URLs; a link the page itself reads (SPEC §8).
  await page.waitForFunction(() => location.hash === '#from=9.8(4)&to=9.12(4)');
  await page.waitForFunction(() => localStorage.getItem('asa-planner.state')?.includes('link=from%3D9.8(4)%26to%3D9.12(4)'));
  const link = await page.evaluate(() => location.href);
  await page.reload();
  await waitVerdict(page, 'ok');
  assert.equal(await page.inputValue('#from'), '9.8(4)');
  assert.equal(await page.locator('.banner [role="alert"]').count(), 0);
  await rec.close();
  // The copied link, in another browser.
  const other = await openPage(browser, link);
  await waitVerdict(other.page, 'ok');
  assert.deepEqual(await planHops(other.page), [{ from: '9.8(4)', to: '9.12(4)', rule: 'direct' }]);
  await other.close();
});

test('a long text that reads as no release is left out of the link, said so, and survives a reload (audit 3, item 1)', async () => {
  const rec = await openPage(browser, server.url('#to=9.12(4)'));
  const { page } = rec;
  await waitForApp(page);
  const typed = 'not a release '.repeat(700).trim();
  await page.fill('#from', typed);
  await waitVerdict(page, 'invalid');
  await page.waitForFunction(() => location.hash === '#to=9.12(4)');
  assert.match(await page.innerText('#from-msg'), /too long to share in a link.*kept in this browser only/);
  await page.reload();
  await waitVerdict(page, 'invalid');
  assert.equal(await page.inputValue('#from'), typed, 'what was typed is still in the field');
  assert.equal(await page.locator('.banner [role="alert"]').count(), 0);
  assert.equal(await page.evaluate(() => location.hash), '#to=9.12(4)');
  // A link the page did not write is read as it is.
  await page.goto(server.url('#from=9.8(4)&to=9.12(4)'));
  await waitVerdict(page, 'ok');
  assert.equal(await page.inputValue('#from'), '9.8(4)');
  await rec.close();
});

test('an unknown preset is an error in the banner, the select shows the preset in use, the link drops it (audit 3, item 2)', async () => {
  for (const bad of ['nope', '%3Cb%3Ebold%3C%2Fb%3E']) {
    const rec = await openPage(browser, server.url(`#from=8.2(5)&to=9.1(7)&preset=${bad}`));
    const { page } = rec;
    assert.equal(await waitForApp(page), 'ok');
    assert.match(await page.locator('.banner [role="alert"]').first().innerText(), /preset .* is not a preset/);
    assert.equal(await page.inputValue('select#preset'), 'asa5500');
    await page.waitForFunction(() => location.hash === '#from=8.2(5)&to=9.1(7)');
    await rec.close();
  }
  // A blank preset is the default, as if absent; a model's preset is what the select shows.
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)&preset='));
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  assert.equal(await page.inputValue('select#preset'), 'asa5500');
  await page.goto(server.url('#from=9.1(7)&to=9.8(4)&platform=asa5525x'));
  await waitVerdict(page, 'ok');
  assert.equal(await page.inputValue('select#preset'), 'asa5500x');
  await rec.close();
});

test('a too-long fragment set while the page is open is refused and the address bar shows the plan again (audit 3, item 6)', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  await page.evaluate(() => { location.hash = `#from=${'x'.repeat(9000)}`; });
  await page.waitForSelector('.banner [role="alert"]:has-text("too long")');
  await page.waitForFunction(() => location.hash === '#from=8.2(5)&to=9.1(7)');
  await page.reload();
  await waitVerdict(page, 'ok');
  assert.equal(await page.locator('.banner [role="alert"]').count(), 0);
  assert.equal((await planHops(page)).length, 3);
  await rec.close();
});

test('bad trains= and via= values of a link show an error banner (audit 3, item 7)', async () => {
  const cases = [
    ['trains=9.99', /every train is switched off/],
    ['trains=9.99', /train 9\.99 not in the catalog/],
    ['trains=', /every train is switched off/],
    ['via=banana', /via "banana" is not used/],
    ['via=9.5(1)', /via 9\.5\(1\) is not used/],
  ];
  for (const [bad, said] of cases) {
    const rec = await openPage(browser, server.url(`#from=8.2(5)&to=9.1(7)&${bad}`));
    const { page } = rec;
    await waitForApp(page);
    const alerts = await page.locator('.banner [role="alert"][data-banner="link"]').allInnerTexts();
    assert.ok(alerts.some((a) => said.test(a)), `${bad}: ${alerts.join(' | ')}`);
    await rec.close();
  }
});

test('an intermediate chosen by hand that the rules block is named in the verdict, with the way back (audit 3, item 8)', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)'));
  const { page } = rec;
  await waitVerdict(page, 'ok');
  const value = await page.$eval('#via-1', (s) => [...s.options].find((o) => o.textContent === '8.4(6)')?.value);
  assert.ok(value !== undefined);
  await page.selectOption('#via-1', value);
  await waitVerdict(page, 'no-path');
  const said = await page.innerText('[data-verdict]');
  assert.match(said, /through the release chosen by hand, 8\.4\(6\): 8\.3\(2\) → 8\.4\(6\) is blocked: no zero-downtime upgrade to 8\.4\(6\) \(CSCug88962\)/);
  assert.match(said, /With the recommended releases the plan has 3 hops/);
  await page.click('button:has-text("Use the recommended releases")');
  await waitVerdict(page, 'ok');
  assert.equal((await planHops(page)).length, 3);
  await rec.close();
});
