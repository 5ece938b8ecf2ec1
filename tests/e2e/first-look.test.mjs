// End-to-end tests of the first look and the graph (issue 15) against the built dist/: the
// empty page explains itself and offers examples, a pick in the graph is undone by Back, what a
// person reads carries no data provenance. Screenshots go to tests/e2e/artifacts/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, suite, openPage, waitForApp, planHops } from './harness.mjs';


const env = suite();

test('the empty page is a hint with examples, not an error', async () => {
  const rec = await openPage(env.browser, env.server.url(''));
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
  // 8.2(5) → 9.1(7) under the default rules: 8.3(2), 8.4(7), then one hop into 9.x.
  assert.equal((await planHops(page)).length, 3);
  await rec.close();
});

test('the first screen is in index.html: painted with no script, the empty planner with its examples', async () => {
  const rec = await openPage(env.browser, env.server.url(''), { contextOptions: { javaScriptEnabled: false } });
  const { page } = rec;
  assert.equal(await page.getAttribute('[data-shell] [data-verdict]', 'data-verdict'), 'empty');
  assert.equal(await page.locator('[data-verdict]').count(), 1);
  assert.match(await page.innerText('h1'), /ASA zero-downtime upgrade planner/);
  assert.match(await page.innerText('.planner-purpose'), /show version/);
  assert.equal(await page.locator('.plan-list-examples a').count(), 3);
  // Styled by the page's stylesheet already.
  assert.equal(await page.$eval('.planner-header', (e) => getComputedStyle(e).display), 'flex');
  await rec.close();
  // On #fleet the planner's first screen is not shown.
  const fleet = await openPage(env.browser, env.server.url('#fleet'), { contextOptions: { javaScriptEnabled: false } });
  assert.equal(await fleet.page.isVisible('[data-shell]'), false);
  await fleet.close();
});

test('the app takes over the first screen without a layout shift (CLS <= 0.02), on an empty page and a shared link', async () => {
  for (const fragment of ['', '#from=8.2(5)&to=9.1(7)']) {
    const rec = await openPage(env.browser, env.server.url(fragment), { navigate: false });
    const { page } = rec;
    await rec.context.addInitScript(() => {
      self.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) self.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(env.server.url(fragment));
    await waitForApp(page);
    assert.equal(await page.locator('[data-shell]').count(), 0, 'the first screen is replaced');
    assert.equal(await page.locator('[data-verdict]').count(), 1);
    // Two more frames: what is drawn a paint later (notes, runbook) counts too.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cls = await page.evaluate(() => self.__cls);
    assert.ok(cls <= 0.02, `CLS ${cls} on "${fragment}"`);
    await rec.close();
  }
});

test('a pick in the graph is undone by Back', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=8.2(5)&to=9.1(7)'));
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

test('the graph has a legend for every colour and line style', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=8.2(5)&to=9.1(7)'));
  const { page } = rec;
  await waitForApp(page);
  const items = await page.$$eval('[data-legend] li', (els) => els.map((e) => e.innerText));
  for (const meaning of [/hop of the plan/, /not zero-downtime/, /maintenance/, /minor/, /major/, /withdrawn/, /caveats/]) {
    assert.ok(items.some((t) => meaning.test(t)), `no legend item for ${meaning}: ${items.join(' | ')}`);
  }
  // The blocked hop's reason is beside the graph, not drawn over it.
  assert.match(await page.innerText('.graph-panel-blocked'), /8\.2\(5\) → 9\.1\(7\)/);
  await rec.close();
});

test('no text of the graph overlaps a node it does not belong to', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=8.4(2)&to=9.0(2)&interim=1'));
  const { page } = rec;
  await waitForApp(page);
  const overlaps = await page.evaluate(() => {
    const svg = document.querySelector('svg[data-graph]');
    // Boxes on the page, not in an element's own coordinates: each column is placed by a transform.
    const boxes = [...svg.querySelectorAll('.graph-canvas-node')].map((g) => ({ g, b: g.querySelector('rect').getBoundingClientRect() }));
    const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const out = [];
    for (const text of svg.querySelectorAll('text')) {
      const t = text.getBoundingClientRect();
      for (const { g, b } of boxes) {
        if (g.contains(text)) {
          // A node's own label must fit inside its box.
          if (t.x < b.x - 0.5 || t.x + t.width > b.x + b.width + 0.5) out.push(`label ${text.textContent} wider than its box`);
        } else if (hit(t, b)) {
          out.push(`${text.textContent} over ${g.dataset.release}`);
        }
      }
    }
    return out;
  });
  assert.deepEqual(overlaps, []);
  await rec.close();
});

test('at 1400×900 a shared link shows the verdict, the hops and the plan in the graph', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=9.8(4)&to=9.20(3)'), { contextOptions: { viewport: { width: 1400, height: 900 } } });
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  const inView = (sel) => page.$eval(sel, (e) => {
    const r = e.getBoundingClientRect();
    const box = e.closest('.release-graph')?.getBoundingClientRect() ?? { left: 0, right: innerWidth };
    return r.top >= 0 && r.bottom <= innerHeight && r.left >= box.left && r.right <= box.right;
  });
  // One hop under the default guidance, across twelve trains: the box opens with both ends of
  // the hop in its visible area (scaled down to fit when needed: `layout::fit_between`).
  const inBox = (sel) => page.$eval(sel, (e) => {
    const r = e.getBoundingClientRect();
    const box = e.closest('.release-graph').getBoundingClientRect();
    return r.left >= box.left && r.right <= box.right;
  });
  assert.ok(await inView('[data-verdict]'), 'verdict in view');
  assert.ok(await inBox('svg[data-graph] .graph-canvas-nodes [data-release="9.20(3)"] rect'), 'target node in the box');
  assert.ok(await inBox('svg[data-graph] .graph-canvas-nodes [data-release="9.8(4)"] rect'), 'start node in the box');
  assert.ok(await inBox('svg[data-graph] [data-on-plan][data-edge-to="9.20(3)"]'), 'the last hop drawn in the box');
  // A 3-hop plan (8.3(2), 8.4(7), then one hop into 9.x under the default guidance): the
  // verdict, every hop of the list and both ends in the graph, together.
  await page.goto(env.server.url('#from=8.2(5)&to=9.1(7)'));
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelectorAll('svg[data-graph] [data-on-plan]').length === 3);
  assert.ok(await inView('[data-verdict]'), 'verdict in view');
  assert.ok(await inView('ol[data-plan] li[data-hop]:first-child'), 'the first hop in view');
  assert.ok(await inView('ol[data-plan] li[data-hop]:last-child'), 'the last hop in view');
  for (const r of ['8.2(5)', '9.1(7)']) {
    assert.ok(await inView(`svg[data-graph] .graph-canvas-nodes [data-release="${r}"] rect`), `${r} in view`);
  }
  await rec.close();
});

test('a shared link of one long hop shows its start and its target in the graph box together (issue #20 item 12)', async () => {
  // A laptop (1280 px: a 814 px graph box) and a larger screen. At 1024 px the box is 558 px:
  // even at the smallest scale `fit_between` draws (0.5) the twelve columns do not fit, and it
  // keeps the start in view (checked below).
  for (const [width, height] of [[1280, 800], [1440, 900]]) {
    const rec = await openPage(env.browser, env.server.url('#from=9.8(4)&to=9.20(3)'), { contextOptions: { viewport: { width, height } } });
    const { page } = rec;
    assert.equal(await waitForApp(page), 'ok');
    assert.equal((await planHops(page)).length, 1);
    const inBox = (release) => page.$eval(`svg[data-graph] .graph-canvas-nodes [data-release="${release}"] rect`, (e) => {
      const r = e.getBoundingClientRect();
      const box = e.closest('.release-graph').getBoundingClientRect();
      return r.left >= box.left && r.right <= box.right;
    });
    // The opening scroll and scale land after a paint.
    await page.waitForFunction(() => {
      const box = document.querySelector('.release-graph')?.getBoundingClientRect();
      const r = document.querySelector('svg[data-graph] .graph-canvas-nodes [data-release="9.8(4)"] rect')?.getBoundingClientRect();
      const t = document.querySelector('svg[data-graph] .graph-canvas-nodes [data-release="9.20(3)"] rect')?.getBoundingClientRect();
      return box && r && t && r.left >= box.left && t.right <= box.right;
    }, null, { timeout: 5000 }).catch(() => {});
    assert.ok(await inBox('9.8(4)'), `start in the box at ${width} px`);
    assert.ok(await inBox('9.20(3)'), `target in the box at ${width} px`);
    await page.screenshot({ path: path.join(ARTIFACTS, `graph-long-hop-${width}.png`) });
    // "Whole catalog" stays whole when the plan changes; turned off, the graph opens on the plan.
    await page.click('.release-graph-tools button');
    await page.fill('#to', '9.18(4)');
    await page.waitForFunction(() => document.querySelector('ol[data-plan] li[data-hop]:last-child')?.dataset.to === '9.18(4)');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('svg[data-graph]', 'width'), '100%');
    await page.click('.release-graph-tools button');
    await page.waitForFunction(() => document.querySelector('svg[data-graph]')?.getAttribute('width') !== '100%');
    await page.waitForFunction(() => {
      const box = document.querySelector('.release-graph').getBoundingClientRect();
      const t = document.querySelector('svg[data-graph] .graph-canvas-nodes [data-release="9.18(4)"] rect').getBoundingClientRect();
      return t.left >= box.left && t.right <= box.right;
    });
    await rec.close();
  }
  const rec = await openPage(env.browser, env.server.url('#from=9.8(4)&to=9.20(3)'), { contextOptions: { viewport: { width: 1024, height: 768 } } });
  assert.equal(await waitForApp(rec.page), 'ok');
  await rec.page.waitForFunction(() => document.querySelector('.release-graph')?.scrollLeft > 0);
  const start = await rec.page.$eval('svg[data-graph] .graph-canvas-nodes [data-release="9.8(4)"] rect', (e) => {
    const r = e.getBoundingClientRect();
    const box = e.closest('.release-graph').getBoundingClientRect();
    return r.left >= box.left && r.right <= box.right;
  });
  assert.ok(start, 'the start in the box at 1024 px');
  await rec.close();
});

test('at 390 px the page does not scroll sideways and the plan is in the graph box', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=9.0(4)&from2=9.1(7)&to=9.3(5)&interim=1'), {
    contextOptions: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  });
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page scrolls sideways: ${scroll} > ${client}`);
  const visible = await page.$eval('svg[data-graph] .graph-canvas-nodes [data-release="9.1(7)"] rect', (e) => {
    const r = e.getBoundingClientRect();
    const box = e.closest('.release-graph').getBoundingClientRect();
    return r.left >= box.left && r.right <= box.right;
  });
  assert.ok(visible, 'the plan is in the graph box');
  await page.click('text=List view');
  await page.waitForSelector('.graph-list');
  assert.equal(await page.locator('.graph-list-source', { hasText: 'Source' }).count(), 0, 'no provenance on rows');
  await rec.close();
});

test('touch: a tap shows a release\'s hops and offers both picks', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=8.2(5)&to=9.1(7)'), {
    contextOptions: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  });
  const { page } = rec;
  assert.equal(await waitForApp(page), 'ok');
  await page.locator('svg[data-graph] .graph-canvas-nodes [data-release="8.4(7)"]').tap();
  await page.locator('.release-graph-status', { hasText: '8.4(7):' }).waitFor();
  // The tap picked nothing yet.
  assert.equal(await page.inputValue('#to'), '9.1(7)');
  await page.locator('.release-graph-offer button', { hasText: 'Set 8.4(7) as target' }).tap();
  await page.waitForFunction(() => document.querySelector('#to')?.value === '8.4(7)');
  await rec.close();
});

test('the skip link reaches the graph in one Tab and Enter', async () => {
  const rec = await openPage(env.browser, env.server.url('#from=8.2(5)&to=9.1(7)'));
  const { page } = rec;
  await waitForApp(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the release graph');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('svg[data-graph]'));
  // Focus lights the target's hops and says them in words.
  await page.locator('.release-graph-status', { hasText: '9.1(7):' }).waitFor();
  await rec.close();
});

test('screenshots at 1400, 1024 and 390 px, light and dark, for a person to look at', async () => {
  const states = [
    ['empty', ''],
    ['4-hop', '#from=8.2(5)&to=9.1(7)'],
    ['9x', '#from=9.8(4)&to=9.20(3)&rules=guide-9x'],
    ['hover', '#from=8.2(5)&to=9.1(7)'],
  ];
  for (const width of [1400, 1024, 390]) {
    for (const colorScheme of ['light', 'dark']) {
      const rec = await openPage(env.browser, env.server.url(''), {
        contextOptions: { viewport: { width, height: 900 }, colorScheme },
      });
      const { page } = rec;
      for (const [name, fragment] of states) {
        await page.goto(env.server.url(fragment));
        await waitForApp(page);
        if (name === 'hover') {
          await page.hover('svg[data-graph] .graph-canvas-nodes [data-release="8.4(7)"]');
          await page.locator('.release-graph-status', { hasText: '8.4(7):' }).waitFor();
        }
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= client, `${name} at ${width} px scrolls sideways`);
        await page.screenshot({ path: path.join(ARTIFACTS, `look-${name}-${width}-${colorScheme}.png`) });
      }
      await rec.close();
    }
  }
});
