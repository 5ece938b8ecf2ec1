// What the bench's Node scripts share with xtask, which runs them: their `--key value`
// arguments in, one JSON document of figures out (xtask reads it back), and the median.
// The site they measure is served by tests/e2e/static-server.mjs.

import fs from 'node:fs/promises';

/** `--key value` pairs of argv. */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  return args;
}

/** Median of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `x` rounded to `digits` decimals, `null` when there is no figure. */
export const round = (x, digits) => (x == null || Number.isNaN(x) ? null : Number(x.toFixed(digits)));

/**
 * Records `value` under `key` in the one JSON document of figures xtask reads back (typed, in
 * xtask/src/bench_report.rs): objects are merged into what is there, arrays appended to it.
 */
export async function record(out, key, value) {
  let doc = {};
  try {
    doc = JSON.parse(await fs.readFile(out, 'utf8'));
  } catch {}
  const old = doc[key];
  if (Array.isArray(old) && Array.isArray(value)) doc[key] = [...old, ...value];
  else if (old && typeof old === 'object' && !Array.isArray(value)) doc[key] = { ...old, ...value };
  else doc[key] = value;
  await fs.writeFile(out, JSON.stringify(doc, null, 2) + '\n');
}
