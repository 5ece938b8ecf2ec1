// Temporary profiling script (not a test): traces interactions and sums main-thread time by kind.
import { startServer, launchBrowser } from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await ctx.newPage();
const scenario = process.argv[2] ?? 'train';
await page.goto(server.url('#from=9.8(4)&to=9.12(4)'));
await page.waitForSelector('.runbook-panel-body [data-part]', { state: 'attached' });
await page.waitForTimeout(500);
const cdp = await ctx.newCDPSession(page);
async function traced(label, act) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  await act();
  await page.waitForTimeout(300);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  cdp.removeAllListeners('Tracing.dataCollected');
  // main thread of the renderer: the thread with most RunTask? use CrRendererMain name
  const tn = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = events.filter((e) => e.pid === tn.pid && e.tid === tn.tid && e.ph === 'X');
  const kinds = {};
  for (const e of main) { if (['FunctionCall','EventDispatch','ParseHTML','UpdateLayoutTree','Layout','Paint','PrePaint','Layerize','TimerFire','FireAnimationFrame','RunMicrotasks','v8.compile','HitTest','CommitLoad','ScheduleStyleRecalculation','UpdateLayerTree','IntersectionObserverController::computeIntersections','RunTask'].includes(e.name)) kinds[e.name] = (kinds[e.name] ?? 0) + e.dur / 1000; }
  const ev = main.filter((e) => e.name === 'EventDispatch' && e.dur > 500).map((e) => `${e.args?.data?.type}:${(e.dur/1000).toFixed(1)}`);
  console.log('   events', ev.join(' '));
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 2000).map((e) => (e.dur/1000).toFixed(1));
  console.log(label, JSON.stringify(Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, +v.toFixed(1)]))), 'tasks>2ms:', tasks.join(' '));
}
if (scenario === 'train') {
  await page.click('.train-toggles summary');
  for (let i = 0; i < 3; i++) {
    await traced('off', async () => { await page.click('#train-9-12'); await page.waitForSelector('[data-verdict="no-path"]', { state: 'attached' }); });
    await traced('on ', async () => { await page.click('#train-9-12'); await page.waitForSelector('[data-verdict="ok"]', { state: 'attached' }); });
  }
} else if (scenario === 'type') {
  for (let i = 0; i < 2; i++) {
    await page.fill('#to', '');
    await page.waitForTimeout(300);
    await traced('type', async () => { await page.click('#to'); await page.keyboard.type('9.12(4)', { delay: 50 }); });
  }
}
await browser.close(); await server.close();
