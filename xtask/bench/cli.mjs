// What the bench's Node scripts share with xtask, which runs them: their `--key value`
// arguments in, their `key<TAB>value` results out (xtask reads them back), and the median.
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

/** Appends `key<TAB>value` lines to the results file xtask reads back. */
export async function record(out, entries) {
  const lines = Object.entries(entries).map(([k, v]) => `${k}\t${v}\n`).join('');
  await fs.appendFile(out, lines);
}
