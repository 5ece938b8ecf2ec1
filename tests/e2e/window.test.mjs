// End-to-end tests of the change window (issue 22, SPEC §14) against the built dist/: a
// mid-upgrade `show failover` pasted gives the position, the units and the next step; ticks
// and the pasted text survive a reload (this browser's storage); the pasted text's serial
// numbers and addresses reach neither the address bar nor either Markdown export; on a
// 390 px phone the hops not in progress fold. Screenshots go to tests/e2e/artifacts/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, REPO_ROOT, suite, openPage, waitForApp } from './harness.mjs';

const env = suite();
const SAMPLE = path.join(REPO_ROOT, 'tests', 'fixtures', 'show', 'mid-standby-reloaded.txt');
const SECRETS = ['TST0000P001', 'TST0000S002', '192.0.2.1', '198.51.100.1', '192.0.2.2'];

/** The text of the file a click on `selector` downloads. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFile(await file.path(), 'utf8');
}

async function readPosition(page) {
  return page.$eval('[data-position]', (p) => `${p.dataset.hop}/${p.dataset.step}`);
}

test('a mid-upgrade paste gives the position; ticks survive a reload; nothing pasted leaves the box', async () => {
  const sample = await fs.readFile(SAMPLE, 'utf8');
  const rec = await openPage(env.browser, env.server.url('#from=9.8(4)&to=9.12(4)&rules=guide-9x'));
  const { page } = rec;
  await waitForApp(page);
  await page.fill('textarea[data-show-input]', sample);
  await page.waitForFunction(() => document.querySelector('[data-position]')?.dataset.step === '2');
  assert.equal(await readPosition(page), '1/2');
  const units = await page.$$eval('[data-unit-state]', (els) => els.map((e) => `${e.dataset.unit}:${e.dataset.release}:${e.dataset.role}`));
  assert.deepEqual(units.sort(), ['primary:9.8(4):active', 'secondary:9.12(4):standby-ready']);
  assert.equal(await page.locator('[data-stop]').count(), 0);
  assert.match(await page.innerText('[data-next-step]'), /no failover active/);

  // Tick steps 1 and 2 of hop 1: each shows the local time.
  for (const step of ['1', '2']) {
    await page.check(`input[data-step-done][data-hop="1"][data-step="${step}"]`);
  }
  const times = () => page.$$eval('input[data-step-done][data-hop="1"]', (els) => els
    .filter((e) => e.checked)
    .map((e) => `${e.dataset.step}@${e.parentElement.querySelector('time').textContent}`));
  const ticked = await times();
  assert.equal(ticked.length, 2);
  for (const t of ticked) assert.match(t, /^[12]@\d\d:\d\d$/);

  // Neither the plan's Markdown nor the executed log carries a serial or an address.
  const plan = await download(page, 'button[data-share="download"]');
  const log = await download(page, 'button[data-executed-log]');
  assert.match(log, /## Executed log/);
  // Each tick's time with its date and offset from UTC (a window can run past midnight).
  assert.match(log, /- \[x\] \d{4}-\d\d-\d\d \d\d:\d\d UTC[+-]\d\d:\d\d Step 2:/);
  assert.match(log, /9\.12\(4\)/);
  for (const secret of SECRETS) {
    assert.ok(!plan.includes(secret), `${secret} in the plan's Markdown`);
    assert.ok(!log.includes(secret), `${secret} in the executed log`);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'window-mid-upgrade.png'), fullPage: false });

  // A reload: the paste and the ticks are back from this browser; the link never had them.
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelector('[data-position]')?.dataset.step === '2');
  assert.equal(await readPosition(page), '1/2');
  await page.waitForFunction(() => document.querySelectorAll('input[data-step-done]:checked').length === 2);
  assert.deepEqual(await times(), ticked);
  const hash = await page.evaluate(() => location.hash);
  for (const secret of SECRETS) assert.ok(!hash.includes(secret), `${secret} in the link`);

  // Forget: gone from the box and from this browser's storage.
  await page.click('button[data-show-forget]');
  await page.waitForFunction(() => !document.querySelector('[data-position]'));
  assert.equal(await page.evaluate(() => localStorage.getItem('asa-planner.show')), null);
  await rec.close();
});

test('on a 390 px phone the hops not in progress fold', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=8.2(5)&to=9.1(7)&rules=table-81-1'), {
    contextOptions: { viewport: { width: 390, height: 844 }, isMobile: true },
  });
  const { page } = rec;
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelector('section[data-runbook-hop="1"] details[open]'));
  const heights = await page.$$eval('section[data-runbook-hop]', (els) => els.map((s) => ({
    open: s.querySelector('details').open,
    height: s.getBoundingClientRect().height,
  })));
  assert.ok(heights.length >= 3, JSON.stringify(heights));
  assert.deepEqual(heights.map((h) => h.open), heights.map((_, i) => i === 0));
  for (const h of heights.slice(1)) assert.ok(h.height < 200, `a folded hop is ${h.height}px tall`);
  // Nothing scrolls sideways.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide}px wide`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'window-phone-folded.png'), fullPage: true });
  await rec.close();
});

test('saved ticks that do not read are said once in the banner; the ticks that read are kept (audit 3, item 5)', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=9.8(4)&to=9.12(4)'));
  const { page } = rec;
  await waitForApp(page);
  await page.check('input[data-step-done][data-hop="1"][data-step="2"]');
  const key = await page.waitForFunction(
    () => Object.keys(localStorage).find((k) => k.startsWith('asa-planner.ticks:')),
  ).then((h) => h.jsonValue());
  await page.evaluate((k) => localStorage.setItem(k, `garbage\n\u0000\n${localStorage.getItem(k)}1 zz 99:99\n`), key);
  await page.reload();
  await waitForApp(page);
  const line = page.locator('.banner [data-banner="saved ticks"]');
  await line.waitFor();
  assert.match(await line.innerText(), /3 lines that could not be read \(lines 1, 2, 4\)/);
  assert.equal(await page.locator('input[data-step-done][data-hop="1"][data-step="2"]:checked').count(), 1);
  // Replaced by what read: said once.
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('input[data-step-done][data-hop="1"][data-step="2"]:checked', { state: 'attached' });
  assert.equal(await page.locator('.banner [data-banner="saved ticks"]').count(), 0);
  await rec.close();
});
