#!/usr/bin/env node
// The loop benchmark alone (npm run bench runs it too): jcsh, bash and dash run the same
// loop-heavy script, interleaved round by round; prints medians and jcsh's ratios.
//   node bench/loop.mjs [--iterations N] [--rounds R]
// Needs the compiled tree (npm run compile).

import { numberOption } from './lib/options.mjs';
import { benchScript, loopScript } from './lib/scripts.mjs';

const n = numberOption('iterations', 100_000);
const rounds = numberOption('rounds', 5);
const { rows, missing } = benchScript(loopScript(n), rounds);
const jcsh = rows.find((r) => r.name === 'jcsh');
for (const r of rows) {
  const perIteration = ((r.wallMs * 1000) / n).toFixed(2);
  console.log(`${r.name.padEnd(5)} wall ${r.wallMs.toFixed(0).padStart(6)} ms  cpu ${r.cpuMs.toFixed(0).padStart(6)} ms  ${perIteration} us/iteration`);
}
for (const r of rows) {
  if (r !== jcsh) console.log(`jcsh/${r.name}: wall ${(jcsh.wallMs / r.wallMs).toFixed(2)}, cpu ${(jcsh.cpuMs / r.cpuMs).toFixed(2)}`);
}
for (const m of missing) console.log(`${m} is not installed: no figure for it`);
