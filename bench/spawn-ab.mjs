#!/usr/bin/env node
// Two builds of jcsh against each other and dash, paired and interleaved round by round (A, B,
// dash, A, B, dash, ...), so that a busy moment of a shared machine hits all alike: 2000 lines of
// /bin/true (wall and CPU, medians of the per-round ratios), and the addon's spawn call alone
// (p10 and p50 of N spawns of /bin/true, each build loaded in a node process of its own).
//   node bench/spawn-ab.mjs BEFORE_ROOT [AFTER_ROOT] [--rounds R] [--lines N] [--spawns N]
// A root is a checkout with bin/, dist/ and build/ (e.g. a copy taken before a change).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, median, timeRun, which } from './lib/shells.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const roots = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const before = path.resolve(roots[0]);
const after = path.resolve(roots[1] ?? ROOT);
const rounds = opt('rounds', 9);
const lines = opt('lines', 2000);
const spawns = opt('spawns', 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-ab-'));
const script = path.join(dir, 'true.sh');
fs.writeFileSync(script, '/bin/true\n'.repeat(lines));

const spawnLoop = `
  const { loadNative } = await import(process.argv[1] + '/dist/os/linux/native.js');
  const native = loadNative();
  const env = new TextEncoder().encode(Object.entries(process.env).map(([k, v]) => k + '=' + v + '\\0').join(''));
  const opts = { path: '/bin/true', argv: ['/bin/true'], envp: env, fds: [0, 1, 2], cwd: process.cwd(), pgid: null };
  const t = [];
  for (let i = 0; i < Number(process.argv[2]); i++) {
    const a = performance.now();
    const pid = native.spawn(opts);
    t.push((performance.now() - a) * 1000);
    native.waitpidBlocking(pid, 0);
  }
  t.sort((x, y) => x - y);
  console.log(JSON.stringify({ p10: t[Math.floor(t.length / 10)], p50: t[Math.floor(t.length / 2)] }));`;
const spawnCall = (root) => JSON.parse(spawnSync(process.execPath,
  ['--input-type=module', '-e', spawnLoop, root, String(spawns)], { encoding: 'utf8' }).stdout);

const dash = which('dash');
const runs = { before: [], after: [], dash: [], callBefore: [], callAfter: [] };
for (let r = 0; r <= rounds; r++) {
  const b = timeRun([process.execPath, path.join(before, 'bin', 'jcsh.js'), script]);
  const a = timeRun([process.execPath, path.join(after, 'bin', 'jcsh.js'), script]);
  const d = dash ? timeRun([dash, script]) : null;
  const cb = spawnCall(before);
  const ca = spawnCall(after);
  if (r === 0) continue; // warm-up
  process.stderr.write(`round ${r}: before ${b.wallMs.toFixed(0)}/${b.cpuMs.toFixed(0)} ms, after ${a.wallMs.toFixed(0)}/${a.cpuMs.toFixed(0)} ms` +
    `${d ? `, dash ${d.wallMs.toFixed(0)}/${d.cpuMs.toFixed(0)} ms` : ''} (wall/CPU); spawn call p10 ${cb.p10.toFixed(0)} → ${ca.p10.toFixed(0)} µs\n`);
  runs.before.push(b); runs.after.push(a); if (d) runs.dash.push(d);
  runs.callBefore.push(cb); runs.callAfter.push(ca);
}
fs.rmSync(dir, { recursive: true, force: true });

const ratio = (xs, ys, k) => median(xs.map((x, i) => x[k] / ys[i][k])).toFixed(3);
const ms = (xs, k) => median(xs.map((x) => x[k])).toFixed(0);
const us = (xs, k) => median(xs.map((x) => x[k])).toFixed(0);
console.log([
  `load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${rounds} rounds, ${lines} lines`,
  `before: wall ${ms(runs.before, 'wallMs')} ms, CPU ${ms(runs.before, 'cpuMs')} ms; spawn call p10 ${us(runs.callBefore, 'p10')} µs, p50 ${us(runs.callBefore, 'p50')} µs`,
  `after:  wall ${ms(runs.after, 'wallMs')} ms, CPU ${ms(runs.after, 'cpuMs')} ms; spawn call p10 ${us(runs.callAfter, 'p10')} µs, p50 ${us(runs.callAfter, 'p50')} µs`,
  ...(dash ? [`dash:   wall ${ms(runs.dash, 'wallMs')} ms, CPU ${ms(runs.dash, 'cpuMs')} ms`] : []),
  `after/before: wall ${ratio(runs.after, runs.before, 'wallMs')}, CPU ${ratio(runs.after, runs.before, 'cpuMs')}; ` +
    `spawn call p10 ${ratio(runs.callAfter, runs.callBefore, 'p10')}, p50 ${ratio(runs.callAfter, runs.callBefore, 'p50')}`,
  ...(dash ? [
    `before/dash: wall ${ratio(runs.before, runs.dash, 'wallMs')}, CPU ${ratio(runs.before, runs.dash, 'cpuMs')}`,
    `after/dash:  wall ${ratio(runs.after, runs.dash, 'wallMs')}, CPU ${ratio(runs.after, runs.dash, 'cpuMs')}`,
  ] : []),
].join('\n'));
