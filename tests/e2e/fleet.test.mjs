// End-to-end tests of the fleet view (SPEC §13) against the built dist/: `#fleet` mounts the
// fleet view's own wasm (which the single-pair page never downloads); a pasted fleet with a bad line plans (rows, the bad line's number, groups,
// images, counts), the JSON download is the command line's document, a pair opens its own plan,
// a reload keeps the fleet (local storage, not the URL), corrupt saved state is reported and
// replaced, and the view works offline once the service worker is active.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS,
  REPO_ROOT,
  suite,
  openPage,
  waitForApp,
  planHops,
  waitForServiceWorker,
  serverQuiet,
} from './harness.mjs';

const env = suite();

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures');
const STORAGE_KEY = 'asa-planner-fleet';

/** Waits for the fleet view's box (its wasm loads after the first paint). */
async function waitForFleetView(page) {
  await page.waitForSelector('#fleet textarea[data-fleet-input]', { timeout: 20_000 });
}

/** Types `csv` into the box and `target` as the fleet-wide target, then applies. */
async function planFleet(page, csv, target) {
  await page.fill('[data-fleet-input]', csv);
  await page.fill('[data-fleet-target]', target);
  await page.click('button[data-fleet-apply]');
  await page.waitForSelector('table[data-fleet] tr[data-pair]', { state: 'attached' });
}

/** The table's rows as `{ line, name, verdict, hops }`. */
async function rows(page) {
  return page.$$eval('table[data-fleet] tr[data-pair]', (trs) =>
    trs.map((tr) => ({
      line: tr.dataset.line,
      name: tr.dataset.name,
      verdict: tr.dataset.verdict,
      hops: tr.dataset.hops,
    })),
  );
}

// The fleet view's default rule set is the guidance by release era (issue #20 item 4): from
// 9.1(1) there is no zero-downtime path (CSCuh25271).
const FIXTURE_ROWS = [
  { line: '2', name: 'edge-1', verdict: 'ok', hops: '3' },
  { line: '3', name: 'edge "2", lab', verdict: 'ok', hops: '3' },
  { line: '4', name: 'dc-core', verdict: 'no-path', hops: '0' },
  { line: '7', name: 'old', verdict: 'downgrade', hops: '0' },
  { line: '8', name: 'done', verdict: 'same', hops: '0' },
  { line: '9', name: 'asa5580', verdict: 'no-path', hops: '0' },
];

/** The wasm files the page has fetched. */
async function wasmLoaded(page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()).filter((n) => n.endsWith('.wasm')),
  );
}

test('the single-pair page and the fleet view page each fetch their own one wasm; #fleet never boots the planner', async () => {
  const planner = await openPage(env.browser, env.server.url('#from=9.8(4)&to=9.12(4)'));
  await waitForApp(planner.page);
  const single = await wasmLoaded(planner.page);
  assert.equal(single.length, 1, `the single-pair page fetched ${single.join(', ')}`);
  assert.ok(single[0].startsWith('asa-planner-'), single[0]);
  await planner.close();
  const fleet = await openPage(env.browser, env.server.url('#fleet'));
  await waitForFleetView(fleet.page);
  assert.match(fleet.page.url(), /fleet\.html#fleet$/);
  const many = await wasmLoaded(fleet.page);
  assert.equal(many.length, 1, `the fleet view fetched ${many.join(', ')}`);
  assert.ok(many[0].startsWith('asa-fleet-'), many[0]);
  assert.equal(await fleet.page.$$eval('[data-verdict], .planner', (e) => e.length), 0, 'no planner drawn');
  assert.equal(await fleet.page.$eval('h1', (h) => h.textContent.length > 0), true, 'an h1');
  // A fragment change between the two views works both ways.
  await fleet.page.evaluate(() => { location.hash = 'from=9.8(4)&to=9.12(4)'; });
  await fleet.page.waitForSelector('[data-verdict="ok"]', { timeout: 20_000 });
  assert.equal(await fleet.page.$$eval('main#fleet', (e) => e.length), 0);
  await fleet.page.evaluate(() => { location.hash = 'fleet'; });
  await waitForFleetView(fleet.page);
  assert.equal(await fleet.page.$$eval('[data-verdict]', (e) => e.length), 0);
  await fleet.close();
});

test('the fleet view fits a 390 px phone: no sideways scroll, the table as readable rows', async () => {
  const csv = await fs.readFile(path.join(FIXTURES, 'fleet.csv'), 'utf8');
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(env.server.url('#fleet'));
    await waitForFleetView(page);
    await planFleet(page, csv, '9.12(4)');
    await page.waitForSelector('table[data-fleet]:not([aria-busy])', { timeout: 20_000 });
    assert.ok(await page.$('h1'), 'an h1');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `the page is ${wide} px wide at 390 px`);
    // Each row's cells are stacked, each under its column's name.
    const cells = await page.$$eval('table[data-fleet] tr[data-pair]:first-of-type > *', (tds) =>
      tds.map((td) => {
        const r = td.getBoundingClientRect();
        return { left: r.left, right: r.right, label: getComputedStyle(td, '::before').content };
      }),
    );
    assert.ok(cells.length > 2, 'cells');
    for (const c of cells) assert.ok(c.right <= 390, `a cell ends at ${c.right} px`);
    // Stacked: the cells start at the same left edge, each with its column's name before it.
    assert.ok(cells.every((c) => Math.abs(c.left - cells[0].left) < 2), JSON.stringify(cells));
    assert.ok(cells.every((c) => c.label && c.label !== 'none' && c.label !== 'normal'), JSON.stringify(cells));
  } finally {
    await context.close();
  }
});

test('a pasted fleet plans: rows, the bad line by number, groups, images, the JSON export', async () => {
  const csv = await fs.readFile(path.join(FIXTURES, 'fleet.csv'), 'utf8');
  const rec = await openPage(env.browser, env.server.url('#fleet'));
  const { page } = rec;
  await waitForFleetView(page);
  await planFleet(page, csv, '9.1(7)');

  assert.deepEqual(await rows(page), FIXTURE_ROWS);
  // The bad line is reported by number and field next to the box; the box keeps every line.
  const bad = await page.$$eval('[data-fleet-errors] li[data-line]', (lis) =>
    lis.map((li) => [li.dataset.line, li.dataset.field, li.textContent]),
  );
  assert.deepEqual(bad, [
    ['6', 'unit1', 'line 6, field unit1: release ends too early: the maintenance number is missing at position 5'],
  ]);
  assert.equal(await page.inputValue('[data-fleet-input]'), csv);
  // Groups and images.
  const groups = await page.$$eval('[data-fleet-group]', (gs) =>
    gs.map((g) => [g.dataset.hops, [...g.querySelectorAll('li[data-name]')].map((li) => li.dataset.name)]),
  );
  assert.deepEqual(groups, [['3', ['edge-1', 'edge "2", lab']]]);
  const images = await page.$$eval('[data-fleet-images] tr[data-release]', (trs) =>
    trs.map((tr) => [tr.dataset.release, tr.dataset.pairs]),
  );
  assert.deepEqual(images, [
    ['8.3(2)', '2'],
    ['8.4(7)', '2'],
    ['9.1(7)', '2'],
  ]);
  const counts = await page.$eval('[data-fleet-counts]', (p) => ({ ...p.dataset }));
  assert.equal(counts.pairs, '6');
  assert.equal(counts.badLines, '1');
  // The JSON download is the document the command line writes for the same fleet.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button[data-fleet-export="json"]'),
  ]);
  assert.equal(download.suggestedFilename(), 'asa-fleet-plan.json');
  const json = await fs.readFile(await download.path(), 'utf8');
  // Its pairs' and groups' links are whole: the planner's page beside the fleet's (issue #20
  // item 11), as `asa-planner fleet --link-base <that address>` writes them.
  const base = `${env.server.origin}/`;
  const expected = (await fs.readFile(path.join(FIXTURES, 'fleet.json'), 'utf8'))
    .replaceAll('"share":"#', `"share":"${base}#`);
  assert.equal(json, expected);
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button[data-fleet-export="markdown"]'),
  ]);
  const md = await fs.readFile(await markdown.path(), 'utf8');
  assert.match(md, /^# ASA fleet upgrade plan\n/);
  assert.ok(md.includes(`${base}#from=8.2(5)&to=9.1(7)`), 'a whole link in the Markdown');
  assert.ok(!md.includes('<#from='), 'no bare fragment in the Markdown');
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button[data-fleet-export="csv"]'),
  ]);
  const csvOut = await fs.readFile(await csvDownload.path(), 'utf8');
  assert.ok(csvOut.includes(`,${base}#from=8.2(5)&to=9.1(7),`), csvOut.split('\n')[1]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'fleet-view.png'), fullPage: true });
  await rec.close();
});

test("a pair's name opens its own plan; a reload keeps the fleet; corrupt saved state is replaced", async () => {
  const rec = await openPage(env.browser, env.server.url('#fleet'));
  const { page } = rec;
  await waitForFleetView(page);
  const csv = 'name,unit1,unit2,target,mode\n<b>x</b>,8.4(7)\ndc,9.1(1),9.1(2),9.2(4),active-active\n';
  await planFleet(page, csv, '9.1(7)');
  assert.deepEqual(
    (await rows(page)).map((r) => r.name),
    ['<b>x</b>', 'dc'],
    'a name with markup stays text',
  );

  // One view: one box.
  assert.equal(await page.locator('#fleet textarea[data-fleet-input]').count(), 1);

  // Reload: the box, the target and the table come back from local storage, not the URL.
  await page.reload();
  await waitForFleetView(page);
  await page.waitForSelector('table[data-fleet] tr[data-pair]', { state: 'attached' });
  assert.equal(await page.inputValue('[data-fleet-input]'), csv);
  assert.equal(await page.inputValue('[data-fleet-target]'), '9.1(7)');
  assert.equal(await page.evaluate(() => location.hash), '#fleet');

  // Corrupt saved state: reported as such, replaced, and the view still works.
  await page.evaluate((key) => localStorage.setItem(key, 'not a fleet at all'), STORAGE_KEY);
  await page.reload();
  await waitForFleetView(page);
  const notice = page.locator('[data-fleet-notice][data-source="saved"]');
  assert.equal(
    await notice.textContent(),
    'The saved fleet could not be read (not a saved fleet); it was replaced.',
  );
  assert.match(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), /^asa-planner-fleet v1\n/);
  await planFleet(page, csv, '9.1(7)');

  // The pair's name links to its single-pair plan; the page opens it.
  await page.click('tr[data-name="dc"] a');
  assert.equal(await waitForApp(page), 'no-path');
  assert.equal(
    decodeURI(await page.evaluate(() => location.hash)),
    '#from=9.1(1)&from2=9.1(2)&to=9.2(4)&mode=active-active',
  );
  assert.deepEqual(await planHops(page), []);
  await rec.close();
});

// Page audit 3, items 1 and 2: a saved fleet a newer version wrote was wiped, and one bad
// escape in the csv= line lost the whole fleet; storage was written over at once either way.
test('a saved fleet of a newer version, or with a bad escape, is read, said and not written over', async () => {
  const rec = await openPage(env.browser, env.server.url('#fleet'));
  const { page } = rec;
  await waitForFleetView(page);
  const saved = () => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  const notice = page.locator('[data-fleet-notice][data-source="saved"]');

  const v2 =
    'asa-planner-fleet v2\ntarget=9.12(4)\nrules=guide-9x\npreset=\n' +
    'csv=name%2Cunit1%0Aedge-1%2C9.8(4)%0A\ntheme=dark\nend';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, v2]);
  await page.reload();
  await waitForFleetView(page);
  await page.waitForSelector('table[data-fleet] tr[data-pair]', { state: 'attached' });
  assert.equal(await page.inputValue('[data-fleet-input]'), 'name,unit1\nedge-1,9.8(4)\n');
  assert.equal(await page.inputValue('[data-fleet-target]'), '9.12(4)');
  assert.match(await notice.textContent(), /written by a newer version of the planner \('asa-planner-fleet v2'\).*does not save over it/);
  assert.equal(await saved(), v2, 'not written over on opening');
  await page.fill('[data-fleet-target]', '9.14(1)');
  await page.click('button[data-fleet-apply]');
  assert.equal(await saved(), v2, 'not written over during the visit');

  const bad =
    'asa-planner-fleet v1\ntarget=9.12(4)\nrules=guide-9x\npreset=\n' +
    'csv=name%2Cunit1%0Aedge%ZZ1%2C9.8(4)%0A\nend';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, bad]);
  await page.reload();
  await waitForFleetView(page);
  await page.waitForSelector('table[data-fleet] tr[data-pair]', { state: 'attached' });
  assert.equal(await page.inputValue('[data-fleet-input]'), 'name,unit1\nedge%ZZ1,9.8(4)\n');
  assert.match(await notice.textContent(), /\(line 5 \(csv\): bad escape at byte \d+\): it was kept as written/);
  await page.click('button[data-fleet-apply]');
  assert.equal(await saved(), bad, 'not written over before a change');
  await page.fill('[data-fleet-input]', 'name,unit1\nedge-1,9.8(4)\n');
  assert.match(await saved(), /^asa-planner-fleet v1\n[^]*\ncsv=name,unit1%0Aedge-1,9.8\(4\)%0A\nend$/);
  await rec.close();
});

// Page audit 3, item 3: the fleet-wide target's error is next to its field, which is marked.
test("the fleet-wide target's error is said next to its field, quoting the value", async () => {
  const rec = await openPage(env.browser, env.server.url('#fleet'));
  const { page } = rec;
  await waitForFleetView(page);
  await page.fill('[data-fleet-input]', 'edge-1,8.2(5)\nedge-2,9.8(4),,9.12(4)\n');
  await page.fill('[data-fleet-target]', '9.12(4)x');
  await page.click('button[data-fleet-apply]');
  const target = page.locator('[data-fleet-target]');
  await page.waitForSelector('[data-fleet-target][aria-invalid="true"]');
  const id = await target.getAttribute('aria-describedby');
  const said = page.locator(`#${id}`);
  assert.equal(await said.isVisible(), true);
  assert.equal(
    await said.textContent(),
    "Target for lines without one '9.12(4)x': unexpected character 'x' at position 8 after the release. The lines without their own are not planned.",
  );
  const lines = await page.$$eval('[data-fleet-errors] li', (lis) => lis.map((li) => li.textContent));
  assert.equal(lines.length, 1, JSON.stringify(lines));
  assert.match(lines[0], /^line 1, field target: empty/);
  // Mended: the mark and the message go.
  await page.fill('[data-fleet-target]', '9.12(4)');
  await page.click('button[data-fleet-apply]');
  await page.waitForSelector('[data-fleet-target]:not([aria-invalid])');
  assert.equal(await said.isVisible(), false);
  await rec.close();
});

/** A fleet of `n` pairs on six releases, one target: header, then a pair a line. */
function bigFleet(n) {
  const releases = ['8.2(5)', '8.4(7)', '9.0(4)', '9.1(7)', '9.2(4)', '9.8(4)'];
  const lines = ['name,unit1,unit2,target,mode,preset'];
  for (let i = 0; i < n; i++) lines.push(`fw-${i},${releases[i % releases.length]},,9.12(4)`);
  return lines;
}

/** Puts `text` in the box as one paste does (one input event; typing it would take seconds). */
async function paste(page, text) {
  await page.$eval('[data-fleet-input]', (area, t) => {
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The state of the table as the click left it, read in the same task as the click. */
async function clickApply(page) {
  return page.evaluate(() => {
    document.querySelector('button[data-fleet-apply]').click();
    const table = document.querySelector('table[data-fleet]');
    return { busy: table.hasAttribute('aria-busy'), rows: table.querySelectorAll('tr[data-pair]').length };
  });
}

test('a fleet of 1,000 pairs is drawn whole by the click; a longer one in batches, every row in order once the table is no longer busy', async () => {
  const rec = await openPage(env.browser, env.server.url('#fleet'));
  const { page } = rec;
  await waitForFleetView(page);
  // SPEC §13: 1,000 pairs, the whole table in the click's own task (no batch, never busy).
  const thousand = bigFleet(1000);
  await paste(page, thousand.join('\n'));
  assert.deepEqual(await clickApply(page), { busy: false, rows: 1000 });
  assert.equal(await page.getAttribute('[data-fleet-counts]', 'data-pairs'), '1000');
  // A longer fleet: its first 1,000 rows at once, the table busy until the rest is in.
  const lines = bigFleet(2500);
  await paste(page, lines.join('\n'));
  assert.deepEqual(await clickApply(page), { busy: true, rows: 1000 });
  await page.waitForSelector('table[data-fleet]:not([aria-busy])', { state: 'attached' });
  const names = await page.$$eval('tr[data-pair]', (trs) => trs.map((tr) => tr.dataset.name));
  assert.equal(names.length, 2500);
  assert.deepEqual(names, lines.slice(1).map((l) => l.split(',')[0]));
  assert.equal(await page.getAttribute('[data-fleet-counts]', 'data-pairs'), '2500');
  // Applying again while rows are still being added leaves one table, not two halves.
  await page.click('button[data-fleet-apply]');
  await page.fill('[data-fleet-input]', 'one,8.4(7),,9.1(7)');
  await page.click('button[data-fleet-apply]');
  await page.waitForSelector('table[data-fleet]:not([aria-busy])', { state: 'attached' });
  assert.deepEqual(await rows(page), [{ line: '1', name: 'one', verdict: 'ok', hops: '1' }]);
  await rec.close();
});

test('the fleet view works offline once the service worker is active', async () => {
  const rec = await openPage(env.browser, env.server.url('#fleet'));
  const { page } = rec;
  await waitForFleetView(page);
  await waitForServiceWorker(page);
  await planFleet(page, 'a,8.2(5)\nb,9.1(', '9.1(7)');
  await serverQuiet(env.server);

  await rec.context.setOffline(true);
  const served = env.server.requests.length;
  await page.reload();
  await waitForFleetView(page);
  await page.waitForSelector('table[data-fleet] tr[data-pair]', { state: 'attached' });
  assert.deepEqual(await rows(page), [{ line: '1', name: 'a', verdict: 'ok', hops: '3' }]);
  assert.equal(await page.getAttribute('[data-fleet-errors] li[data-line]', 'data-line'), '2');
  // Planning again offline.
  await planFleet(page, 'c,8.4(7)\n', '9.1(7)');
  assert.deepEqual(await rows(page), [{ line: '1', name: 'c', verdict: 'ok', hops: '1' }]);
  assert.equal(env.server.requests.length, served, `nothing reached the server while offline: ${JSON.stringify(env.server.requests.slice(served))}`);
  await rec.close();
});
