// Browser figures for `cargo xtask bench`, measured inside the page with performance.now()
// (milliseconds since the navigation started):
//
// - time to a drawn plan: the app opened on a shared link, cold (fresh context: empty HTTP
//   cache, service workers blocked), against the generated static page with the same plan,
//   runs interleaved; a
//   MutationObserver installed before any page script stamps the moment
//   `svg[data-graph] [data-on-plan]` reaches the plan's hop count;
// - the first screen: the app opened without a fragment against a static page of the same
//   first-screen markup and stylesheet (no script), alternating, cold: first contentful paint
//   of each, and the layout shift until the app has taken the first screen over;
// - layout alone in wasm: `domain::layout` compiled to wasm on its own (benches/wasm-layout),
//   timed over the same synthetic catalogs;
// - layout at scale: a synthetic list of N releases pasted in the custom-list box and applied;
//   the time from the click until the graph holds N nodes (domain layout + Yew render into the
//   DOM), and until the first frame after it;
// - hover → highlight: mouseover on a node until the graph's DOM has changed (the legal hops
//   drawn), per node over a sample of the plan page's nodes;
// - interactions (issue 14, SPEC §12): Event Timing (`PerformanceObserver` type `event`, the
//   duration of each interaction from input to the next paint, grouped by `interactionId` as
//   INP does) for typing a release key by key, switching a train, applying a 2,000- and a
//   10,000-release list and typing with the 2,000 list. Event Timing reports nothing under
//   16 ms (its smallest threshold): such an interaction counts as "< 16 ms", and the bench also
//   times each one itself (event timestamp → the first task after the next frame);
// - axe-core: violations on the empty page and on the plan page (light and dark).
//
// Usage (xtask runs it): node browser.mjs --site DIR --fragment F --static NAME
//   --first-screen NAME --hops N --runs N --out FILE. Records its figures in the JSON
//   document FILE (see cli.mjs) and prints a summary.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser } from '../../tests/e2e/harness.mjs';
import { startServer } from '../../tests/e2e/static-server.mjs';
import { parseArgs, median, record, round } from './cli.mjs';

const args = parseArgs(process.argv.slice(2));
const RUNS = Number(args.runs ?? 9);
const HOPS = Number(args.hops);
const SCALES = [
  { n: 300, runs: 5 },
  { n: 2000, runs: 5 },
  { n: 10000, runs: 3 },
];
const HOVER_SAMPLE = 25;
const AXE_PATH = createRequire(new URL('../../tests/e2e/harness.mjs', import.meta.url)).resolve('axe-core/axe.min.js');

const fmt = (ms) => (ms == null ? 'n/a' : `${ms.toFixed(1)} ms`);

/** A fresh, cold context: own empty cache and storage, no service worker. */
const coldContext = (browser, options = {}) => browser.newContext({ serviceWorkers: 'block', ...options });

/** The message the in-page observer logs once the plan is drawn. */
const DRAWN = 'asa-bench:plan-drawn';

/**
 * Milliseconds from navigation start until `hops` plan edges are in the DOM. Nothing of the
 * harness runs in the page until then: the observer reports by a console message, which the
 * browser sends out anyway (waiting with `waitForFunction` would evaluate Playwright's injected
 * script, tens of milliseconds of main-thread work, in the middle of the page's own start-up).
 */
async function timeToPlan(browser, url) {
  const context = await coldContext(browser);
  await context.addInitScript(({ hops, drawn }) => {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('svg[data-graph] [data-on-plan]').length >= hops) {
        window.__benchDrawn = performance.now();
        observer.disconnect();
        console.debug(drawn);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    // Trunk's loader fires this once the wasm is instantiated and `main` has run.
    addEventListener('TrunkApplicationStarted', () => (window.__benchStarted = performance.now()));
  }, { hops: HOPS, drawn: DRAWN });
  const page = await context.newPage();
  const drawn = page.waitForEvent('console', { predicate: (m) => m.text() === DRAWN, timeout: 60_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await drawn;
  const { at, wasmStart, wasm, started } = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { at: window.__benchDrawn, wasmStart: entry?.startTime ?? null, wasm: entry?.responseEnd ?? null, started: window.__benchStarted ?? null };
  });
  const hops = await page.$$eval('ol[data-plan] li[data-hop]', (lis) => lis.length);
  await context.close();
  if (hops !== HOPS) throw new Error(`${url} lists ${hops} hops, the domain plans ${HOPS}`);
  return { drawn: at, wasmStart, wasm, started };
}

/**
 * The app and the static page, cold, in rotating order so that no page always follows the same one.
 */
async function drawnPlan(browser, origin) {
  const urls = {
    app: `${origin}/#${args.fragment}`,
    floor: `${origin}/${args.static}`,
  };
  const names = Object.keys(urls);
  // One discarded run of each: the first navigation of a browser process pays its own start-up.
  for (const name of names) await timeToPlan(browser, urls[name]);
  const times = { app: [], floor: [] };
  const phases = { wasmStart: [], wasm: [], started: [] };
  for (let i = 0; i < RUNS; i++) {
    const order = names.map((_, k) => names[(i + k) % names.length]);
    for (const which of order) {
      const t = await timeToPlan(browser, urls[which]);
      times[which].push(t.drawn);
      if (which === 'app' && t.wasm != null && t.started != null) {
        phases.wasmStart.push(t.wasmStart);
        phases.wasm.push(t.wasm);
        phases.started.push(t.started);
      }
    }
  }
  const [app_ms, floor_ms] = names.map((n) => median(times[n]));
  const all = (n) => times[n].map((t) => t.toFixed(0)).join(' ');
  console.log(`time to a drawn plan (${RUNS} cold runs each, rotating order):`);
  console.log(`  app       median ${fmt(app_ms)}  [${all('app')}]`);
  console.log(`  static    median ${fmt(floor_ms)}  [${all('floor')}]`);
  console.log(`  ratio app / static ${(app_ms / floor_ms).toFixed(2)}× (goal ≤ 2×)`);
  const phase = (xs) => (xs.length ? round(median(xs), 1) : null);
  console.log(`  app phases (medians): wasm requested ${phase(phases.wasmStart)} ms, wasm downloaded ${phase(phases.wasm)} ms, wasm started (TrunkApplicationStarted) ${phase(phases.started)} ms, plan drawn ${app_ms.toFixed(1)} ms`);
  await record(args.out, 'plan', {
    runs: RUNS,
    app_ms: round(app_ms, 1),
    static_ms: round(floor_ms, 1),
    app_runs_ms: times.app.map((t) => round(t, 0)),
    static_runs_ms: times.floor.map((t) => round(t, 0)),
    wasm_requested_ms: phase(phases.wasmStart),
    wasm_loaded_ms: phase(phases.wasm),
    started_ms: phase(phases.started),
  });
}

/** The message the first-screen probe logs, followed by its figures as JSON. */
const SETTLED = 'asa-bench:first-screen';

/**
 * First contentful paint and the layout shift of one cold load of `url`. The probe, installed
 * before any page script, sums the `layout-shift` entries (none follows an input here) and
 * reports once the page has settled: the app when it has started (Trunk's
 * TrunkApplicationStarted) and its first render replaced the first screen, then one frame;
 * the static page at `load`, then one frame. It reports by a console message, like the plan's.
 */
async function firstScreenOnce(browser, url, app) {
  const context = await coldContext(browser);
  await context.addInitScript(({ app, settled }) => {
    let cls = 0;
    const add = (entries) => entries.forEach((e) => (cls += e.hadRecentInput ? 0 : e.value));
    const shifts = new PerformanceObserver((list) => add(list.getEntries()));
    shifts.observe({ type: 'layout-shift', buffered: true });
    // The paint entry can arrive after the app has started: it is awaited, not read.
    const painted = new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        const fcp = list.getEntriesByName('first-contentful-paint')[0];
        if (!fcp) return;
        observer.disconnect();
        resolve(fcp.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const report = async () => {
      // The app's first render replaces the shell (`.planner[data-shell]`) with its own planner.
      while (app && !document.querySelector('.planner:not([data-shell])')) await frame();
      await frame();
      const fcp = await painted;
      add(shifts.takeRecords());
      console.debug(`${settled} ${JSON.stringify({ fcp, cls })}`);
    };
    addEventListener(app ? 'TrunkApplicationStarted' : 'load', report, { once: true });
  }, { app, settled: SETTLED });
  const page = await context.newPage();
  const message = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(SETTLED), timeout: 60_000 });
  await page.goto(url, { waitUntil: 'commit' });
  const figures = JSON.parse((await message).text().slice(SETTLED.length));
  await context.close();
  return figures;
}

/**
 * The page's first screen (the empty planner, no fragment) against the static page of the
 * same markup and stylesheet, cold, alternating as for the shared link: first contentful
 * paint of each, and the layout shift until the app has taken the first screen over.
 */
async function firstScreen(browser, origin) {
  const urls = { app: `${origin}/`, floor: `${origin}/${args['first-screen']}` };
  for (const [name, url] of Object.entries(urls)) await firstScreenOnce(browser, url, name === 'app');
  const runs = { app: [], floor: [] };
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ['floor', 'app'] : ['app', 'floor'];
    for (const which of order) runs[which].push(await firstScreenOnce(browser, urls[which], which === 'app'));
  }
  const fcp = (which) => runs[which].map((r) => r.fcp);
  const cls = (which) => runs[which].map((r) => r.cls);
  const [app_ms, floor_ms] = [median(fcp('app')), median(fcp('floor'))];
  console.log(`first screen painted (first-contentful-paint, ${RUNS} cold runs each, alternating):`);
  console.log(`  app median ${fmt(app_ms)}, static ${fmt(floor_ms)}, ratio ${(app_ms / floor_ms).toFixed(2)}× (goal ≤ 1.2×)`);
  console.log(`  layout shift until the app took over: median ${median(cls('app')).toFixed(4)}, worst ${Math.max(...cls('app')).toFixed(4)} (goal ≤ 0.02)`);
  await record(args.out, 'first_screen', {
    runs: RUNS,
    app_ms: round(app_ms, 1),
    static_ms: round(floor_ms, 1),
    app_runs_ms: fcp('app').map((t) => round(t, 0)),
    static_runs_ms: fcp('floor').map((t) => round(t, 0)),
    cls_median: round(median(cls('app')), 4),
    cls_max: round(Math.max(...cls('app')), 4),
    static_cls_max: round(Math.max(...cls('floor')), 4),
  });
}

/** `n` ascending releases without interim builds: trains of 20 (`1.0(1)` … `1.0(20)`, `1.1(1)` …). */
function synthetic(n) {
  return Array.from({ length: n }, (_, i) => {
    const train = Math.floor(i / 20);
    return `${1 + Math.floor(train / 20)}.${train % 20}(${(i % 20) + 1})`;
  });
}

/** Pastes `n` synthetic releases into the custom list, applies it, times until drawn. */
async function layoutOnce(browser, origin, n) {
  const context = await coldContext(browser);
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('.planner:not([data-shell]) [data-verdict]', { state: 'attached' });
  const list = synthetic(n);
  await page.$eval('#custom-list', (area, text) => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, list.join('\n'));
  const result = await page.evaluate(
    ({ n, first, last }) =>
      new Promise((resolve) => {
        const nodes = () => document.querySelectorAll('svg[data-graph] [data-release]').length;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Use this list');
        if (!button) return resolve({ error: 'no "Use this list" button' });
        const guard = setTimeout(() => resolve({ error: `the graph of ${n} releases was not drawn in 60 s (has ${nodes()} nodes)` }), 60_000);
        let t0 = 0;
        // Up to 1,000 releases the graph is drawn whole; a larger one draws the window of
        // columns in view (the first release's column, the box being at its left edge).
        const drawn = () => document.querySelector(`svg[data-graph] [data-release="${n > 1000 ? first : last}"]`) && (n > 1000 || nodes() === n);
        const observer = new MutationObserver(() => {
          if (!drawn()) return;
          const dom = performance.now() - t0;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(guard);
              resolve({ dom, frame: performance.now() - t0, nodes: nodes() });
            };
            channel.port2.postMessage(0);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
        t0 = performance.now();
        button.click();
      }),
    { n, first: list[0], last: list[list.length - 1] },
  );
  await context.close();
  if (result.error) throw new Error(`layout of ${n}: ${result.error}`);
  return result;
}

async function layoutAtScale(browser, origin) {
  console.log('layout + render of a pasted synthetic list (click → the graph drawn, whole up to 1,000 releases, else the columns in view; → first frame after):');
  for (const { n, runs } of SCALES) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await layoutOnce(browser, origin, n));
    const dom = median(results.map((r) => r.dom));
    const frame = median(results.map((r) => r.frame));
    console.log(`  ${String(n).padStart(6)} releases: median ${fmt(dom)} DOM, ${fmt(frame)} to the next frame (${runs} runs; ${results[0].nodes} nodes drawn)`);
    await record(args.out, 'layout', [{ n, dom_ms: round(dom, 1), frame_ms: round(frame, 1), runs }]);
  }
}

/**
 * `domain::layout` alone in Chromium's wasm engine (benches/wasm-layout, built with the
 * app's release profile and served as `bench-layout.wasm`): batches of layouts long enough for
 * performance.now()'s coarse clock, median per layout over 15 batches after a warm-up.
 */
async function wasmLayout(browser, origin) {
  const context = await coldContext(browser);
  const page = await context.newPage();
  await page.goto(`${origin}/${args.static}`);
  const results = await page.evaluate(async (scales) => {
    const { instance } = await WebAssembly.instantiateStreaming(fetch('bench-layout.wasm'));
    const { prepare, run } = instance.exports;
    const out = [];
    for (const n of scales) {
      prepare(n);
      if (run() !== n) return { error: `layout of ${n} placed ${run()} nodes` };
      let batch = 1;
      for (let t0 = performance.now(); performance.now() - t0 < 5; batch *= 2) {
        for (let i = 0; i < batch; i++) run();
      }
      const times = [];
      for (let k = 0; k < 15; k++) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) run();
        times.push((performance.now() - t0) / batch);
      }
      times.sort((a, b) => a - b);
      out.push({ n, ms: times[7], batch });
    }
    return out;
  }, SCALES.map((s) => s.n));
  await context.close();
  if (results.error) throw new Error(results.error);
  console.log('domain::layout alone in wasm (median per layout):');
  for (const { n, ms, batch } of results) {
    console.log(`  ${String(n).padStart(6)} releases: ${ms.toFixed(3)} ms (batches of ${batch})`);
    await record(args.out, 'wasm_layout', [{ n, ms: round(ms, 3) }]);
  }
}

/** Mouseover on a sample of the plan page's nodes, each until the graph's DOM changed. */
async function hover(browser, origin) {
  const context = await coldContext(browser);
  const page = await context.newPage();
  await page.goto(`${origin}/#${args.fragment}`);
  await page.waitForSelector('svg[data-graph] [data-on-plan]', { state: 'attached' });
  const all = await page.$$eval('svg[data-graph] [data-release]', (els) => els.map((e) => e.dataset.release));
  const step = Math.max(1, Math.floor(all.length / HOVER_SAMPLE));
  const sample = all.filter((_, i) => i % step === 0).slice(0, HOVER_SAMPLE);
  const times = [];
  let withLegal = 0;
  for (const release of sample) {
    const r = await page.evaluate(
      (release) =>
        new Promise((resolve) => {
          const svg = document.querySelector('svg[data-graph]');
          const node = svg.querySelector(`[data-release="${release}"]`);
          const target = node.querySelector('rect') ?? node;
          const guard = setTimeout(() => {
            observer.disconnect();
            resolve({ ms: null });
          }, 2_000);
          let t0 = 0;
          const observer = new MutationObserver(() => {
            const ms = performance.now() - t0;
            observer.disconnect();
            clearTimeout(guard);
            // Table 81-1 draws legal hops as edges, Cisco's 9.x guidance as rings on the
            // releases one hop away (SPEC §9): either is a highlight.
            resolve({ ms, legal: svg.querySelectorAll('[data-legal], [data-reachable]').length });
          });
          observer.observe(svg, { childList: true, subtree: true, attributes: true });
          t0 = performance.now();
          target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        }),
      release,
    );
    if (r.ms != null) {
      times.push(r.ms);
      if (r.legal > 0) withLegal++;
    }
  }
  await context.close();
  if (times.length === 0) throw new Error('hovering no node changed the graph');
  const med = median(times);
  const max = Math.max(...times);
  console.log(`hover → highlight over ${times.length} nodes (${withLegal} with legal hops drawn): median ${fmt(med)}, max ${fmt(max)} (goal ≤ 16 ms)`);
  await record(args.out, 'hover', { median_ms: round(med, 2), max_ms: round(max, 2), count: times.length, with_legal: withLegal });
}

/**
 * In the page from its start: every Event Timing entry of an interaction (`interactionId` > 0),
 * kept per interaction as its longest duration (INP's measure); and, per trusted `keydown` and
 * `click`, the time from the event's timestamp to the first task after the next frame.
 */
function installInteractionProbe() {
  window.__inp = new Map();
  window.__own = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId > 0) window.__inp.set(e.interactionId, Math.max(window.__inp.get(e.interactionId) ?? 0, e.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  for (const type of ['keydown', 'click']) {
    addEventListener(type, (e) => {
      // A modifier alone (the Control of a Control+V paste) draws nothing: not timed.
      if (!e.isTrusted || ['Control', 'Meta', 'Shift', 'Alt'].includes(e.key)) return;
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__own.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    }, true);
  }
}

/** Runs `act` and returns the interactions it made: Event Timing (null when under 16 ms) and own. */
async function interactionsOf(page, act) {
  await page.evaluate(() => { window.__inp.clear(); window.__own.length = 0; });
  await act();
  // Let the last frame and the observer's delivery happen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  return page.evaluate(() => ({ inp: [...window.__inp.values()], own: [...window.__own] }));
}

const quantile = (xs, q) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/** One line and the recorded keys of a set of interactions of `count` expected events. */
async function report(key, label, count, sets, goal) {
  const own = sets.flatMap((x) => x.own);
  // Per run, interactions Event Timing did not report were under 16 ms: count them as 0.
  const inp = sets.flatMap((x) => [...x.inp, ...Array(Math.max(0, count - x.inp.length)).fill(0)]);
  const p75 = quantile(inp, 0.75);
  const max = inp.length ? Math.max(...inp) : null;
  const shown = (ms) => (ms == null ? 'n/a' : ms === 0 ? '< 16 ms' : `${ms.toFixed(0)} ms`);
  console.log(`  ${label}: Event Timing p75 ${shown(p75)}, worst ${shown(max)}; own timing median ${fmt(median(own))}, max ${fmt(own.length ? Math.max(...own) : null)} (${sets.length} runs; goal ${goal})`);
  await record(args.out, 'interactions', {
    [key]: {
      p75_ms: round(p75, 0),
      max_ms: round(max, 0),
      own_median_ms: own.length ? round(median(own), 1) : null,
      own_max_ms: own.length ? round(Math.max(...own), 1) : null,
      runs: sets.length,
    },
  });
}

/** A fresh page on `rest` with the probe, once the verdict is there. */
async function probedPage(browser, origin, rest) {
  const context = await coldContext(browser);
  await context.addInitScript(installInteractionProbe);
  const page = await context.newPage();
  await page.goto(`${origin}/${rest}`);
  await page.waitForSelector('.planner:not([data-shell]) [data-verdict]', { state: 'attached' });
  // The deferred work of the first paint (suggestions, the notes and runbook drawn a paint later, the
  // service worker) is not an interaction.
  await page.waitForSelector('.runbook-panel[data-steps="ready"] .runbook-panel-body [data-part]', { state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  return { context, page };
}

/** A fleet of `n` pairs as CSV (header, then a pair a line on six releases, one target). */
function fleetCsv(n) {
  const releases = ['8.2(5)', '8.4(7)', '9.0(4)', '9.1(7)', '9.2(4)', '9.8(4)'];
  const lines = ['name,unit1,unit2,target,mode,preset'];
  for (let i = 0; i < n; i++) lines.push(`fw-${i},${releases[i % releases.length]},,9.12(4)`);
  return lines.join('\n');
}

/** The fleet view (issue 13): 1,000 pairs pasted, then "Apply" clicked (the measured
 * interaction); also the time until the whole table is drawn (the click draws 1,000 rows; a
 * longer fleet's rest comes in batches, the table `aria-busy` until the last). */
async function fleetApplied(browser, origin, runs) {
  const sets = [];
  const whole = [];
  for (let i = 0; i < runs; i++) {
    const context = await coldContext(browser);
    await context.addInitScript(installInteractionProbe);
    const page = await context.newPage();
    await page.goto(`${origin}/#fleet`);
    await page.waitForSelector('textarea[data-fleet-input]', { state: 'attached' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    await page.$eval('textarea[data-fleet-input]', (area, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, fleetCsv(1000));
    let started;
    sets.push(await interactionsOf(page, async () => {
      started = await page.evaluate(() => performance.now());
      await page.click('button[data-fleet-apply]');
      await page.waitForSelector('table[data-fleet]:not([aria-busy])', { state: 'attached' });
      whole.push((await page.evaluate(() => performance.now())) - started);
    }));
    await context.close();
  }
  return { sets, whole };
}

/** Puts a list in the box as one paste, then clicks "Use this list" (the measured interaction). */
async function applyList(page, list) {
  await page.$eval('#custom-list', (area, text) => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, list.join('\n'));
  await page.click('text=Use this list');
  await page.waitForFunction((n) => document.querySelectorAll('svg[data-graph] [data-release]').length >= Math.min(n, 50), list.length);
}

/** The `show failover` output of a pair mid-upgrade (the standby reloaded on the target). */
const SHOW_FAILOVER = readFileSync(new URL('../../tests/fixtures/show/mid-standby-reloaded.txt', import.meta.url), 'utf8');

/**
 * Pastes `text` into "Where is the pair?" as a person does: one Control+V in the box, from the
 * clipboard (one keydown, one paste, one input event), then waits for the position drawn. The
 * clipboard is filled before the measured interaction.
 */
async function pasteShow(page, text, measured) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('textarea[data-show-input]');
  return measured(async () => {
    await page.keyboard.press('Control+V');
    await page.waitForSelector('[data-position][data-step="2"]', { state: 'attached', timeout: 10000 });
  });
}

async function interactions(browser, origin) {
  console.log('interactions, Event Timing (input → next paint, as INP):');
  const RUNS_I = 5;
  const typed = '9.12(4)';
  const sets = { type: [], train: [], list2k: [], type2k: [], list10k: [], paste: [] };
  for (let i = 0; i < RUNS_I; i++) {
    let { context, page } = await probedPage(browser, origin, '#from=9.8(4)');
    await page.click('#to');
    sets.type.push(await interactionsOf(page, () => page.keyboard.type(typed, { delay: 50 })));
    await page.waitForSelector('[data-verdict="ok"]', { state: 'attached' });
    await page.click('.train-toggles summary');
    sets.train.push(await interactionsOf(page, async () => {
      await page.click('#train-9-12');
      await page.waitForSelector('[data-verdict="no-path"]', { state: 'attached' });
      await page.click('#train-9-12');
      await page.waitForSelector('[data-verdict="ok"]', { state: 'attached' });
    }));
    await context.close();
    ({ context, page } = await probedPage(browser, origin, '#from=9.8(4)&to=9.12(4)'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    sets.paste.push(await pasteShow(page, SHOW_FAILOVER, (act) => interactionsOf(page, act)));
    await context.close();
    ({ context, page } = await probedPage(browser, origin, ''));
    const list = synthetic(2000);
    sets.list2k.push(await interactionsOf(page, () => applyList(page, list)));
    await page.fill('#from', list[0]);
    await page.click('#to');
    sets.type2k.push(await interactionsOf(page, () => page.keyboard.type(list[1999], { delay: 50 })));
    await context.close();
  }
  for (let i = 0; i < 3; i++) {
    const { context, page } = await probedPage(browser, origin, '');
    sets.list10k.push(await interactionsOf(page, () => applyList(page, synthetic(10000))));
    await context.close();
  }
  await report('type', `typing "${typed}" key by key, built-in catalog`, typed.length, sets.type, '≤ 16 ms p75, ≤ 32 ms worst');
  await report('train', 'switching a train off and on', 2, sets.train, '≤ 16 ms');
  await report('list2k', '2,000-release list applied', 1, sets.list2k, '≤ 100 ms');
  await report('type2k', 'typing a release with the 2,000 list', synthetic(2000)[1999].length, sets.type2k, '≤ 32 ms');
  await report('list10k', '10,000-release list applied', 1, sets.list10k, '≤ 300 ms');
  await report('paste', 'pasting a show failover output → position drawn', 1, sets.paste, '≤ 32 ms');
  const fleet = await fleetApplied(browser, origin, RUNS_I);
  await report('fleet1k', 'fleet view, 1,000 pairs applied (input → next paint)', 1, fleet.sets, '≤ 100 ms');
  console.log(`  fleet view, 1,000 pairs: whole table drawn median ${fmt(median(fleet.whole))}, max ${fmt(Math.max(...fleet.whole))} (${RUNS_I} runs; the click's frame draws the whole table)`);
  await record(args.out, 'fleet_table', { median_ms: round(median(fleet.whole), 1), max_ms: round(Math.max(...fleet.whole), 1) });
}

/** axe-core violations (rule ids) in three states; CSP is bypassed in these contexts only. */
async function axe(browser, origin) {
  const states = [
    ['empty page', '', 'light'],
    ['plan, light', `#${args.fragment}`, 'light'],
    ['plan, dark', `#${args.fragment}`, 'dark'],
  ];
  const found = [];
  for (const [name, rest, colorScheme] of states) {
    const context = await coldContext(browser, { bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(`${origin}/${rest}`);
    await page.waitForSelector('.planner:not([data-shell]) [data-verdict]', { state: 'attached' });
    if (rest) await page.waitForSelector('svg[data-graph] [data-on-plan]', { state: 'attached' });
    await page.addScriptTag({ path: AXE_PATH });
    const ids = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    await context.close();
    console.log(`axe ${name}: ${ids.length} violations${ids.length ? ': ' + ids.join(', ') : ''}`);
    found.push(...ids.map((id) => `${name}: ${id}`));
  }
  await record(args.out, 'axe', { states: states.length, violations: found });
}

// Served gzip-compressed, as real hosts do: load times are those of a page a person gets.
const server = await startServer({ root: args.site, gzip: true });
const browser = await launchBrowser();
try {
  await drawnPlan(browser, server.origin);
  await firstScreen(browser, server.origin);
  await wasmLayout(browser, server.origin);
  await layoutAtScale(browser, server.origin);
  await hover(browser, server.origin);
  await interactions(browser, server.origin);
  await axe(browser, server.origin);
} finally {
  await browser.close();
  await server.close();
}
