#!/usr/bin/env node
// Where the time of one external command goes: the floor (a small C process starting
// /bin/true with posix_spawn or vfork), the same spawn from Node through the addon, the
// JavaScript of one script line (a builtin, no child), and start-up. The figures behind the
// breakdown in docs/performance.md.
//   node bench/spawn-breakdown.mjs [--spawns N] [--lines N] [--rounds R]
// Needs a C compiler (cc) for the floor; without one that part is skipped.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadNative } from '../dist/os/linux/native.js';
import { JCSH, ROOT, median, timeRun } from './lib/shells.mjs';
import { numberOption } from './lib/options.mjs';

const opt = numberOption;
const spawns = opt('spawns', 2000);
const lines = opt('lines', 2000);
const rounds = opt('rounds', 5);
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-breakdown-'));

function floor() {
  const exe = path.join(dir, 'floor');
  const cc = spawnSync('cc', ['-O2', '-o', exe, path.join(ROOT, 'bench', 'floor.c')], { encoding: 'utf8' });
  if (cc.status !== 0) return null;
  const run = (mode, n) => JSON.parse(spawnSync(exe, [String(n), mode], { encoding: 'utf8' }).stdout);
  return { syscall: run('getppid', 200000), posixSpawn: run('posix_spawn', spawns), vfork: run('vfork', spawns) };
}

/** The addon's spawn() and waitpidBlocking(), as the non-interactive shell calls them. */
function fromNode() {
  const native = loadNative();
  const env = new TextEncoder().encode(Object.entries(process.env).map(([k, v]) => `${k}=${v}\0`).join(''));
  const opts = { path: '/bin/true', argv: ['/bin/true'], envp: env, fds: [0, 1, 2], cwd: process.cwd(), pgid: null };
  const spawn = [];
  const wait = [];
  for (let i = 0; i < spawns; i++) {
    const a = performance.now();
    const pid = native.spawn(opts);
    const b = performance.now();
    native.waitpidBlocking(pid, 0);
    spawn.push((b - a) * 1000);
    wait.push((performance.now() - b) * 1000);
  }
  return { spawnP10: q(spawn, 0.1), spawnP50: q(spawn, 0.5), waitP10: q(wait, 0.1), waitP50: q(wait, 0.5) };
}

/** Median wall and CPU (ms) of jcsh running `text` as a script. */
function script(text) {
  const file = path.join(dir, 'script.sh');
  fs.writeFileSync(file, text);
  const runs = Array.from({ length: rounds }, () => timeRun([process.execPath, JCSH, file]));
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

const result = {
  load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  floor: floor(),
  node: fromNode(),
  empty: script(''),
  colon: script(':\n'.repeat(lines)),
  trueLines: script('/bin/true\n'.repeat(lines)),
};
fs.rmSync(dir, { recursive: true, force: true });

const f = result.floor;
const out = [
  `load average at the start: ${result.load}`,
  f ? `one system call (getppid): ${f.syscall.syscallNs} ns` : 'no C compiler: floor skipped',
  ...(f ? [
    `C, posix_spawn:  spawn p10 ${f.posixSpawn.spawnP10} µs, p50 ${f.posixSpawn.spawnP50} µs; wait p50 ${f.posixSpawn.waitP50} µs`,
    `C, vfork:        spawn p10 ${f.vfork.spawnP10} µs, p50 ${f.vfork.spawnP50} µs; wait p50 ${f.vfork.waitP50} µs`,
  ] : []),
  `Node, addon:     spawn p10 ${result.node.spawnP10.toFixed(0)} µs, p50 ${result.node.spawnP50.toFixed(0)} µs; ` +
    `wait p50 ${result.node.waitP50.toFixed(0)} µs`,
  `jcsh, empty script:            wall ${result.empty.wallMs.toFixed(0)} ms, CPU ${result.empty.cpuMs.toFixed(0)} ms`,
  `jcsh, ${lines} × ':':            wall ${result.colon.wallMs.toFixed(0)} ms, CPU ${result.colon.cpuMs.toFixed(0)} ms ` +
    `→ ${((result.colon.wallMs - result.empty.wallMs) / lines * 1000).toFixed(0)} µs wall per line of JavaScript`,
  `jcsh, ${lines} × /bin/true:      wall ${result.trueLines.wallMs.toFixed(0)} ms, CPU ${result.trueLines.cpuMs.toFixed(0)} ms ` +
    `→ ${((result.trueLines.wallMs - result.empty.wallMs) / lines * 1000).toFixed(0)} µs wall per command`,
];
console.log(out.join('\n'));
