// End-to-end tests of the first look and the graph (issue 15) against the built dist/: the
// empty page explains itself and offers examples, a pick in the graph is undone by Back, what a
// person reads carries no data provenance. Screenshots go to tests/e2e/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForApp, planHops } from './harness.mjs';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

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

test('the empty page is a hint with examples, not an error', async () => {
  const rec = await openPage(browser, server.url(''));
  const { page } = rec;
  assert.equal(await waitForApp(page), 'empty');
  assert.match(await page.innerText('.planner-purpose'), /show version/);
  assert.match(await page.innerText('[data-verdict]'), /show version/);
  // Styled as a hint: no error colour on the verdict or the fields.
  const border = await page.$eval('[data-verdict]', (e) => getComputedStyle(e).borderLeftColor);
  const error = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-error').trim());
  assert.notEqual(border, error);
  assert.equal(await page.getAttribute('#from', 'aria-invalid'), 'false');
  // The train switches are folded under the preset.
  assert.equal(await page.isVisible('#train-9-0'), false);
  // An example opens its plan.
  const examples = page.locator('.plan-list-examples a');
  assert.equal(await examples.count(), 3);
  await examples.first().click();
  await page.waitForSelector('[data-verdict="ok"]', { state: 'attached' });
  assert.equal((await planHops(page)).length, 4);
  await rec.close();
});

test('a pick in the graph is undone by Back', async () => {
  const rec = await openPage(browser, server.url('#from=8.2(5)&to=9.1(7)'));
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  await page.click('svg[data-graph] .graph-canvas-nodes [data-release="9.0(4)"]');
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-hop]')].at(-1)?.dataset.to === '9.0(4)');
  await page.waitForFunction(() => location.hash.includes('to=9.0(4)'));
  await page.goBack();
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-hop]')].at(-1)?.dataset.to === '9.1(7)');
  assert.equal(await page.inputValue('#to'), '9.1(7)');
  await rec.close();
});
