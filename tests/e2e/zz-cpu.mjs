// Temporary: CPU profile of interactions, bottom-up self time and inclusive time by function.
import { startServer, launchBrowser } from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await ctx.newPage();
const scenario = process.argv[2] ?? 'train';
await page.goto(server.url(process.argv[3] ?? '#from=9.8(4)&to=9.12(4)'));
await page.waitForSelector('.runbook-panel-body [data-part]', { state: 'attached' });
await page.waitForTimeout(500);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (scenario === 'train') await page.click('.train-toggles summary');
await cdp.send('Profiler.start');
if (scenario === 'train') {
  for (let i = 0; i < 5; i++) {
    await page.click('#train-9-12'); await page.waitForSelector('[data-verdict="no-path"]', { state: 'attached' });
    await page.click('#train-9-12'); await page.waitForSelector('[data-verdict="ok"]', { state: 'attached' });
  }
} else if (scenario === 'type') {
  for (let i = 0; i < 5; i++) { await page.fill('#to', ''); await page.click('#to'); await page.keyboard.type('9.12(4)', { delay: 30 }); }
}
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = {}; const counts = new Map();
for (let i = 0; i < profile.samples.length; i++) counts.set(profile.samples[i], (counts.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
const self = {}, incl = {};
for (const [id, ms] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)';
  self[name] = (self[name] ?? 0) + ms;
  const seen = new Set(); let cur = id;
  while (cur != null) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl[nm] = (incl[nm] ?? 0) + ms; } cur = parent.get(cur); }
}
const top = (o, k) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(7)}  ${n.slice(0, 150)}`).join('\n');
console.log("SELF\n" + top(self, 25)); const mine = Object.fromEntries(Object.entries(incl).filter(([n]) => n.includes("asa_planner") || n.includes("yew") )); console.log("MINE\n" + top(mine, 60));
await browser.close(); await server.close();
// stacks of a named function
const want = process.argv[4];
if (want) {
  const stacks = {};
  for (const [id, ms] of counts) {
    let cur = id; const chain = [];
    while (cur != null) { chain.push((byId.get(cur).callFrame.functionName || '(anon)').replace(/_R[A-Za-z0-9_]*asa_planner/, '').slice(0, 90)); cur = parent.get(cur); }
    if (chain.some((c) => c.includes(want))) { const k = chain.slice(0, 14).join(' < '); stacks[k] = (stacks[k] ?? 0) + ms; }
  }
  console.log(Object.entries(stacks).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => v.toFixed(1) + ' ' + k).join('\n\n'));
}
