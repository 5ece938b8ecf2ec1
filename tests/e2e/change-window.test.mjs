// End-to-end tests of the change-window plans (issue 11, SPEC §3.3, §4, §6, §9) against the
// built dist/: mismatched pairs through the hooks, per-unit command blocks, caveats on hops and
// runbook sections, train-off warnings, pre-release marks, multiple-context mode, the estimate,
// and the Markdown export. Screenshots of an Active/Active plan and of a caveat-heavy plan go to
// tests/e2e/artifacts/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, suite, openPage, waitForApp, planHops } from './harness.mjs';

const UNITS = ['active', 'standby', 'primary', 'secondary', 'both'];

const env = suite();

async function open(fragment) {
  const rec = await openPage(env.browser, env.server.url(fragment));
  await waitForApp(rec.page);
  return rec;
}

/** Every runbook command block: the unit it is typed on and its text. */
async function blocks(page) {
  return page.$$eval('.runbook-panel pre', (els) => els.map((e) => ({ unit: e.dataset.unit, text: e.innerText })));
}

test('a mismatched pair: texts name the older unit, the skipped hop reloads one unit', async () => {
  const rec = await open('#from=8.4(7)&from2=8.3(2)&to=9.0(4)');
  const { page } = rec;
  assert.equal(await page.getAttribute('[data-verdict]', 'data-verdict'), 'ok');
  assert.match(await page.innerText('[data-verdict]'), /from 8\.3\(2\) to 9\.0\(4\)/);
  assert.deepEqual((await planHops(page)).map((h) => `${h.from}→${h.to}`), ['8.3(2)→8.4(7)', '8.4(7)→9.0(4)']);
  const units = await page.$$eval('li[data-hop]', (els) => els.map((e) => e.dataset.units ?? null));
  assert.deepEqual(units, ['1', null]);
  const direct = await page.innerText('[data-direct-blocked]');
  assert.match(direct, /8\.3\(2\) → 9\.0\(4\)/);
  assert.doesNotMatch(direct, /8\.4\(7\) → 9\.0\(4\)/);
  const blocked = page.locator('svg[data-graph] [data-blocked]');
  assert.equal(await blocked.getAttribute('data-edge-from'), '8.3(2)');
  // The one-unit hop's runbook: the unit made standby, the image on it alone, one reload.
  const hop1 = page.locator('[data-runbook-hop="1"]');
  assert.equal(await hop1.getAttribute('data-units'), '1');
  const text = await hop1.innerText();
  assert.match(text, /secondary unit \(on 8\.3\(2\)\) must be the standby/);
  assert.equal((text.match(/failover reload-standby/g) ?? []).length, 1);
  assert.equal(await page.locator('[data-runbook-hop="2"]').getAttribute('data-units'), '2');
  await rec.close();
});

test('a unit past the target is a downgrade, said of that unit', async () => {
  const rec = await open('#from=9.1(7)&from2=9.2(1)&to=9.1(7)');
  const { page } = rec;
  assert.equal(await page.getAttribute('[data-verdict]', 'data-verdict'), 'downgrade');
  assert.match(await page.innerText('[data-verdict]'), /secondary unit runs 9\.2\(1\), past the target 9\.1\(7\)/);
  await rec.close();
});

test('Active/Active: every command block names its unit; the two groups are two blocks', async () => {
  const rec = await open('#from=9.8(4)&to=9.12(4)&mode=active-active');
  const { page } = rec;
  const all = await blocks(page);
  assert.ok(all.length > 10);
  for (const b of all) assert.ok(UNITS.includes(b.unit), `block without a unit: ${b.text}`);
  const group1 = all.filter((b) => /failover active group 1/.test(b.text));
  const group2 = all.filter((b) => /failover active group 2/.test(b.text));
  // One block per hop for each group, always on the unit that should own it.
  const hops = await page.locator('li[data-hop]').count();
  assert.deepEqual(group1.map((b) => b.unit), Array(hops).fill('primary'));
  assert.deepEqual(group2.map((b) => b.unit), Array(hops).fill('secondary'));
  assert.ok(all.every((b) => !(/group 1/.test(b.text) && /group 2/.test(b.text))));
  // Active/Active is multiple-context: each step's block starts in the system space.
  assert.ok(all.filter((b) => /failover reload-standby/.test(b.text)).every((b) => b.text.startsWith('changeto system')));
  assert.equal(await page.isChecked('#contexts-multi'), true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'active-active-9.8-to-9.12.png'), fullPage: true });
  await rec.close();
});

test('caveats: on each hop and in its runbook section, with a source link and the commands', async () => {
  const rec = await open('#from=8.2(5)&to=9.23(1)');
  const { page } = rec;
  const hopCaveats = await page.$$eval('li[data-hop]', (hops) => hops.map((h) => ({
    to: h.dataset.to,
    caveats: [...h.querySelectorAll('[data-caveat]')].map((c) => c.dataset.caveatRelease),
    links: [...h.querySelectorAll('[data-caveat] a[href]')].map((a) => a.getAttribute('href')),
  })));
  const releases = hopCaveats.flatMap((h) => h.caveats);
  for (const v of ['8.3(1)', '8.4(1)', '9.0(1)', '9.1(1)', '9.2(1)', '9.20(2)', '9.22(1)', '9.23(1)']) {
    assert.ok(releases.includes(v), `no caveat ${v} on any hop: ${JSON.stringify(hopCaveats)}`);
  }
  assert.ok(hopCaveats.flatMap((h) => h.links).every((href) => href.startsWith('https://')));
  // The runbook section of each hop carries the same caveats as the hop.
  const sections = await page.$$eval('[data-runbook-hop]', (els) => els.map((s) =>
    [...s.querySelectorAll('[data-caveat]')].map((c) => c.dataset.caveatRelease)));
  assert.deepEqual(sections, hopCaveats.map((h) => h.caveats));
  // 9.23: the EDDSA host-key commands, typed on the active unit, before that hop.
  const last = page.locator(`[data-runbook-hop="${hopCaveats.length}"]`);
  // A hop not in progress is folded (SPEC §14): a click on its title opens it.
  assert.equal(await last.locator('details[data-hop-fold]').getAttribute('open'), null);
  await last.locator('details[data-hop-fold] > summary').click();
  assert.equal(await last.locator('details[data-hop-fold]').getAttribute('open'), '');
  const eddsa = await last.locator('[data-caveat-release="9.23(1)"] pre').getAttribute('data-unit');
  assert.equal(eddsa, 'active');
  assert.match(await last.locator('[data-caveat-release="9.23(1)"] pre').innerText(), /no ssh key-exchange hostkey eddsa/);
  // The graph node of a release with caveats says so.
  assert.equal(await page.locator('svg[data-graph] .graph-canvas-nodes [data-caveat-release="9.23(1)"]').count(), 1);
  // Nothing a person reads cites the project's own files.
  assert.doesNotMatch(await page.innerText('main'), /asa-facts/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'caveats-8.2-to-9.23.png'), fullPage: true });
  await rec.close();
});

test('a train switched off by hand warns on the hop and in the verdict', async () => {
  const rec = await open('#from=7.0(1)&to=7.2(1)&trains=7.0,7.2');
  const { page } = rec;
  assert.equal(await page.getAttribute('[data-verdict]', 'data-verdict'), 'ok');
  const warning = page.locator('li[data-hop] [data-warning="train-off"]');
  assert.equal(await warning.count(), 1);
  assert.match(await warning.innerText(), /7\.1/);
  assert.match(await page.innerText('[data-verdict]'), /holds only if 7\.1 does not exist/);
  await rec.close();
});

test('a pre-release build typed is marked', async () => {
  const rec = await open('#from=8.4(0)&to=8.4(7)');
  assert.match(await rec.page.innerText('#from-msg'), /pre-release/);
  await rec.close();
});

test('multiple-context mode and the minutes estimate change the runbook and the link', async () => {
  const rec = await open('#from=9.12(1)&to=9.12(4)');
  const { page } = rec;
  // A block's first command (after `terminal pager 0`, which only turns the pager off).
  assert.ok((await blocks(page)).every((b) => !b.text.includes('changeto system')));
  await page.check('#contexts-multi');
  await page.waitForFunction(() => location.hash.includes('contexts=multi'));
  await page.waitForFunction(() => document.querySelector('.runbook-panel pre[data-unit]')?.innerText
    .split('\n').find((line) => line !== 'terminal pager 0') === 'changeto system');
  await page.fill('#minutes-per-reload', '20');
  await page.locator('#minutes-per-reload-msg', { hasText: 'Whole plan: about 40 minutes' }).waitFor();
  assert.match(await page.innerText('[data-runbook-hop="1"] .hop-runbook-units'), /About 40 minutes/);
  await page.fill('#minutes-per-reload', 'soon');
  await page.locator('#minutes-per-reload-msg', { hasText: 'is not a whole number of minutes' }).waitFor();
  await rec.close();
});

test('the Markdown export carries caveats, unit labels, checks and the plan link', async () => {
  const rec = await open('#from=8.4(7)&from2=8.3(2)&to=9.0(4)');
  const { page, context } = rec;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.click('button[data-share="markdown"]');
  await page.locator('.share-bar-status', { hasText: 'Markdown copied.' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# ASA upgrade plan: 8\.3\(2\) → 9\.0\(4\)$/m);
  assert.match(md, /^- Plan link: <http:\/\/127\.0\.0\.1:\d+\/#from=8\.4\(7\)&from2=8\.3\(2\)&to=9\.0\(4\)>$/m);
  assert.match(md, /^- Made on: \d{4}-\d{2}-\d{2}$/m);
  assert.match(md, /\*\*8\.4\(1\): configuration migration\*\*/);
  assert.match(md, /^- \[ \] \*\*(Step \d+\. )?On the active unit[^*]*:\*\*/m);
  assert.match(md, /Check: /);
  assert.match(md, /Reloads the secondary unit \(from 8\.3\(2\)\) only/);
  await rec.close();
});

test('landing on 9.0(2) carries CSCug88962; choosing another landing release drops it', async () => {
  // Table 81-1 lands on 9.0(2) when asked; the default rules never do (CSCug88962).
  const rec = await open('#from=8.4(5)&to=9.1(7)&via=9.0(2)&rules=table-81-1');
  const { page } = rec;
  const hop1 = page.locator('li[data-hop]').first();
  assert.equal(await hop1.getAttribute('data-to'), '9.0(2)');
  assert.equal(await hop1.locator('[data-caveat-release="9.0(2)"]').count(), 1);
  // Folded under the hop (the runbook shows it in full): read as text.
  assert.match(await hop1.locator('[data-caveat-release="9.0(2)"]').textContent(), /CSCug88962/);
  await page.selectOption('#via-0', { label: '9.0(4)' });
  await page.waitForFunction(() => document.querySelector('li[data-hop]')?.dataset.to === '9.0(4)');
  assert.equal(await page.locator('li[data-hop] [data-caveat-release="9.0(2)"]').count(), 0);
  await page.waitForFunction(() => location.hash.includes('via=9.0(4)'));
  await rec.close();
});
