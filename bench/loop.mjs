#!/usr/bin/env node
// The loop benchmarks alone (npm run bench runs them too): jcsh, bash and dash run the same
// loop-heavy script, interleaved round by round; prints medians and jcsh's ratios. --read
// runs the loop of `read` over a file of N lines instead, --echo N echoes into a pipe.
//   node bench/loop.mjs [--iterations N] [--rounds R] [--read | --echo]
// Needs the compiled tree (npm run compile).

import { flag, numberOption } from './lib/options.mjs';
import { benchScript, echoScript, loopScript, readInput, readScript } from './lib/scripts.mjs';

const records = flag('read') || flag('echo');
const n = numberOption('iterations', records ? 20_000 : 100_000);
const rounds = numberOption('rounds', 5);
const { rows, missing } = flag('read') ? benchScript(readScript, rounds, { 'input.txt': readInput(n) })
  : benchScript(flag('echo') ? echoScript(n) : loopScript(n), rounds);
const jcsh = rows.find((r) => r.name === 'jcsh');
for (const r of rows) {
  const perIteration = ((r.wallMs * 1000) / n).toFixed(2);
  console.log(`${r.name.padEnd(5)} wall ${r.wallMs.toFixed(0).padStart(6)} ms  cpu ${r.cpuMs.toFixed(0).padStart(6)} ms  ${perIteration} us/iteration`);
}
for (const r of rows) {
  if (r !== jcsh) console.log(`jcsh/${r.name}: wall ${(jcsh.wallMs / r.wallMs).toFixed(2)}, cpu ${(jcsh.cpuMs / r.cpuMs).toFixed(2)}`);
}
for (const m of missing) console.log(`${m} is not installed: no figure for it`);
