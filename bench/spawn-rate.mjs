#!/usr/bin/env node
// Spawn rate: a script of N lines of `/bin/true`, run by jcsh, bash and dash in the same run.
// Prints the median wall time of each over several rounds and the ratios jcsh/bash, jcsh/dash.
//   node bench/spawn-rate.mjs [--lines N] [--rounds R]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { numberOption } from './lib/options.mjs';
import { JCSH } from './lib/shells.mjs';

const opt = numberOption;
const lines = opt('lines', 2000);
const rounds = opt('rounds', 7);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-bench-'));
const script = path.join(dir, 'spawn.sh');
fs.writeFileSync(script, '/bin/true\n'.repeat(lines));

const shells = [
  { name: 'jcsh', argv: [process.execPath, JCSH, script] },
  { name: 'bash', argv: ['bash', script] },
  { name: 'dash', argv: ['dash', script] },
].filter((s) => s.name === 'jcsh' || spawnSync('which', [s.argv[0]]).status === 0);

function timeOnce(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = Object.fromEntries(shells.map((s) => [s.name, []]));
for (let r = 0; r < rounds; r++) {
  // Interleave the shells so that machine noise hits them alike.
  for (const s of shells) times[s.name].push(timeOnce(s.argv));
}
fs.rmSync(dir, { recursive: true, force: true });

console.log(`spawn rate: ${lines} lines of /bin/true, median of ${rounds} runs`);
for (const s of shells) {
  const m = median(times[s.name]);
  console.log(`  ${s.name.padEnd(5)} ${m.toFixed(1).padStart(8)} ms  ${(lines / (m / 1000)).toFixed(0).padStart(6)} spawns/s`);
}
const j = median(times.jcsh);
for (const other of ['bash', 'dash']) {
  if (times[other]) console.log(`  jcsh/${other} = ${(j / median(times[other])).toFixed(3)}`);
}
