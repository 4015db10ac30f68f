// What the figures were measured on: they mean little without it.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { versionOf, which } from './shells.mjs';

function cpuModel() {
  const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
  return m ? m[1].trim() : os.cpus()[0]?.model ?? 'unknown';
}

function libc() {
  const r = spawnSync('ldd', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : 'unknown';
}

export function describeMachine() {
  const shells = ['bash', 'dash'].map((s) => (which(s) ? versionOf(s) : `${s}: not installed`));
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${cpuModel()}, ${os.cpus().length} logical CPUs`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: `${os.type()} ${os.release()}`,
    libc: libc(),
    node: process.version,
    shells,
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}
