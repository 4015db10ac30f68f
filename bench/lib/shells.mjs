// The shells a benchmark compares, and how to time one whole run of each from outside:
// wall time, and the CPU time of the shell and everything it waited for.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const JCSH = path.join(ROOT, 'bin', 'jcsh.js');

/** `name` found on PATH, or null. */
export function which(name) {
  const r = spawnSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The version line a shell gives about itself, for the report. */
export function versionOf(name) {
  if (name === 'jcsh') return `jcsh (Node ${process.version})`;
  if (name === 'bash') return spawnSync('bash', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  if (name === 'dash') {
    // dash has no --version; Debian-like systems know the package's.
    const r = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'dash'], { encoding: 'utf8' });
    return r.status === 0 ? `dash ${r.stdout.trim()}` : 'dash';
  }
  return name;
}

/** argv running `script` with each shell; bash and dash only where installed. */
export function scriptShells(wanted = ['jcsh', 'bash', 'dash']) {
  const found = [];
  const missing = [];
  for (const name of wanted) {
    if (name === 'jcsh') found.push({ name, argv: (script) => [process.execPath, JCSH, script] });
    else if (which(name)) found.push({ name, argv: (script) => [name, script] });
    else missing.push(name);
  }
  return { found, missing };
}

// POSIX `times` prints the children's user and system time on its second line, e.g.
// "0m1.234000s 0m0.567000s" (dash) or "0m1.234s 0m0.567s" (bash).
const TIMES = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/;

/**
 * Runs argv once under a small sh that reports, with `times`, the CPU time of what it waited
 * for: the shell being measured and all its children. Output goes to /dev/null.
 * Returns { wallMs, cpuMs }.
 */
export function timeRun(argv) {
  const wrapper = '"$@" >/dev/null; s=$?; times; exit $s';
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/bin/sh', ['-c', wrapper, 'sh', ...argv], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited with ${r.status ?? r.signal}`);
  const m = TIMES.exec(r.stdout.trim().split('\n').at(-1) ?? '');
  const cpuMs = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
  return { wallMs, cpuMs };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The p-th percentile (0..100), nearest rank. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
