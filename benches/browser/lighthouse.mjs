// Lighthouse 12.2.3 audits for `cargo xtask bench`: performance, accessibility and
// best-practices scores of the app opened on the shared link, with Lighthouse's default
// (mobile: simulated slow 4G, 4× CPU slowdown) settings and with its desktop preset. Each is run
// RUNS times and the run with the median performance score is reported (Lighthouse's own advice
// for variable machines: on this shared 2-core machine one mobile run ranged 89–98).
// Debian's Chromium (CHROME_PATH) runs headless; the site is served gzip-compressed on loopback.
//
// Usage (xtask runs it): node lighthouse.mjs --site DIR --fragment F --out FILE.

import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../tests/e2e/static-server.mjs';
import { parseArgs, record } from './cli.mjs';

const args = parseArgs(process.argv.slice(2));
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const RUNS = 5;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Served gzip-compressed, as real hosts do (Lighthouse would mark down an uncompressed wasm).
const server = await startServer({ root: args.site, gzip: true });
const url = `${server.origin}/#${args.fragment}`;
try {
  for (const [name, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(name, config));
    const perf = (lhr) => lhr.categories.performance?.score ?? 0;
    const sorted = [...runs].sort((a, b) => perf(a) - perf(b));
    const lhr = sorted[Math.floor(sorted.length / 2)];
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
    // Audits that cost points, for the report: id and score.
    const failing = CATEGORIES.flatMap((c) =>
      lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
        .map((ref) => `${ref.id} (${Math.round((lhr.audits[ref.id].score ?? 0) * 100)})`),
    );
    const line = CATEGORIES.map((c) => `${c} ${score(c)}`).join(' / ');
    const all = runs.map((r) => Math.round(perf(r) * 100)).join(', ');
    console.log(`lighthouse ${name} (median of ${RUNS} runs; performance ${all}): ${line}; FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
    if (failing.length) console.log(`  audits below 90: ${failing.join(', ')}`);
    await record(args.out, 'lighthouse', [{
      form: name,
      version: lhr.lighthouseVersion,
      performance: score('performance'),
      accessibility: score('accessibility'),
      best_practices: score('best-practices'),
      metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
      failing,
      performance_runs: runs.map((r) => Math.round(perf(r) * 100)),
    }]);
  }
} finally {
  await server.close();
}

/** One Lighthouse run in a fresh browser: nothing cached, no service worker from before. */
async function audit(name, config) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
  let result;
  try {
    result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES }, config);
  } finally {
    await chrome.kill();
  }
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse (${name}) gave no result`);
  if (lhr.runtimeError) throw new Error(`Lighthouse (${name}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return lhr;
}
