#!/usr/bin/env node
// Reap cost with many live jobs (issue 11): on Linux the shell polls each tracked pid on
// SIGCHLD rather than waitpid(-1), so every reap costs one waitpid per live child. One jcsh -c
// script starts N `sleep` background jobs, then, S times, stamps the clock, reaps one more short
// job (`true & wait $!`) and stamps it again. The same script without the sleeps is the
// baseline; the difference of the medians is what the N live jobs add to reaping one job.
// bash runs the same scripts, for scale (its SIGCHLD handler also visits every job).
//   node bench/reap-cost.mjs [--jobs N] [--samples S]

import { spawn, spawnSync } from 'node:child_process';
import { numberOption } from './lib/options.mjs';
import { JCSH } from './lib/shells.mjs';

const opt = numberOption;
const jobs = opt('jobs', 1000);
const samples = opt('samples', 31);
const shells = [
  { name: 'jcsh', argv: [process.execPath, JCSH, '-c'] },
  { name: 'bash', argv: ['bash', '-c'] },
].filter((s) => s.name === 'jcsh' || spawnSync('which', ['bash']).status === 0);

function script(live) {
  const lines = ['sleep 600 &\n'.repeat(live), '/bin/date +%s%N\n'];
  for (let i = 0; i < samples; i++) lines.push('true &\nwait $!\n/bin/date +%s%N\n');
  return lines.join('');
}

/**
 * Runs jcsh in a process group of its own (its jobs inherit it: no job control in -c), so
 * that every sleep it left behind is ended with one kill of the group, whatever happens.
 */
function run(shell, live) {
  return new Promise((resolve, reject) => {
    const [cmd, ...argv] = shell.argv;
    const child = spawn(cmd, [...argv, script(live)], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Nothing left in the group.
      }
      if (code !== 0) reject(new Error(`${shell.name} exited ${code}`));
      else resolve(out.trim().split('\n').map(BigInt));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function reapTimes(shell, live) {
  const stamps = await run(shell, live);
  if (stamps.length !== samples + 1) throw new Error(`expected ${samples + 1} stamps, got ${stamps.length}`);
  return stamps.slice(1).map((t, i) => Number(t - stamps[i]) / 1e6);
}

console.log(`reap one short job (true & wait $!, plus one /bin/date), median of ${samples}:`);
for (const shell of shells) {
  const base = median(await reapTimes(shell, 0));
  const loaded = median(await reapTimes(shell, jobs));
  console.log(`  ${shell.name}: ${base.toFixed(2)} ms with 0 live jobs, ${loaded.toFixed(2)} ms with ${jobs}: ` +
    `${(loaded - base).toFixed(2)} ms added by the live jobs`);
}
