// The simulated kernel's figures (bench/sim.mjs, each in a node of its own) beside what the
// real kernel takes for the same 10,000 fork-exit-wait cycles under dash (`( : )` forks a
// subshell that exits at once, no exec).

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, which } from './shells.mjs';

const SIM = path.join(ROOT, 'bench', 'sim.mjs');
const PROCS = 10000;
/** Real forks are slower by far: fewer of them give the per-process figure as well. */
const REAL_FORKS = 2000;

function simRun(args) {
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', SIM, ...args], { encoding: 'utf8' }));
}

function realForks(shell, n) {
  const t0 = process.hrtime.bigint();
  execFileSync(shell, ['-c', `i=0; while [ $i -lt ${n} ]; do ( : ); i=$((i+1)); done`]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function simulatorFigures(rounds) {
  const n = Math.max(1, Math.min(rounds, 5));
  const events = Array.from({ length: n }, () => simRun(['events', '--seconds', '1']));
  const procs = Array.from({ length: n }, () => simRun(['procs', '--procs', String(PROCS)]));
  const shell = which('dash') ? 'dash' : which('bash') ? 'bash' : null;
  const real = shell ? Array.from({ length: n }, () => realForks(shell, REAL_FORKS)) : null;
  return {
    rounds: n,
    eventsPerSecond: median(events.map((e) => e.perSecond)),
    procs: PROCS,
    procSeconds: median(procs.map((p) => p.seconds)),
    rssPeak: Math.max(...procs.map((p) => p.rssPeak)),
    heapBefore: median(procs.map((p) => p.heapBefore)),
    heapPeak: Math.max(...procs.map((p) => p.heapPeak)),
    real: real && { shell, forks: REAL_FORKS, seconds: median(real) },
  };
}
