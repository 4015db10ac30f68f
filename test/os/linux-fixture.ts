// The Linux side of the test fixtures: programs from PATH, scratch directories, and what
// /proc says about a child (state, group, fds, signal masks).

import { accessSync, constants, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Program } from '../../src/os/port.js';
import { LinuxPort, type LinuxPortOptions } from '../../src/os/linux/port.js';
import type { ContractFixture } from './contract-helpers.js';

/** Absolute path of a program found on PATH. */
export function which(name: string): string {
  const dirs = (process.env['PATH'] ?? '/usr/bin:/bin').split(delimiter);
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not here
    }
  }
  throw new Error(`${name} not found on PATH`);
}

export function execProgram(argv: readonly string[], env: readonly string[] = []): Program {
  const name = argv[0];
  if (name === undefined) throw new Error('empty argv');
  return { kind: 'exec', path: name.startsWith('/') ? name : which(name), argv, env };
}

const scratch: string[] = [];

export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jcsh-os-'));
  scratch.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Fields of /proc/<pid>/stat after the command name (field 3 = state is index 0). */
function statFields(pid: number): string[] | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

export function procState(pid: number): 'alive' | 'stopped' | 'zombie' | 'gone' {
  const state = statFields(pid)?.[0];
  if (state === undefined || state === 'X') return 'gone';
  if (state === 'Z') return 'zombie';
  if (state === 'T' || state === 't') return 'stopped';
  return 'alive';
}

/** Process group (field 5) and terminal foreground group (field 8) of a process. */
export function procGroups(pid: number): { pgid: number; tpgid: number } {
  const f = statFields(pid);
  if (f === null) throw new Error(`no process ${pid}`);
  return { pgid: Number(f[2]), tpgid: Number(f[5]) };
}

/** A line of /proc/<pid>/status, e.g. procStatus(pid, 'SigIgn'). */
export function procStatus(pid: number, key: string): string {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
  if (line === undefined) throw new Error(`no ${key} in /proc/${pid}/status`);
  return line.slice(key.length + 1).trim();
}

/** The open fds of a process and what each refers to, e.g. { 1: 'pipe:[123]' }. */
export function procFds(pid: number): Record<number, string> {
  const out: Record<number, string> = {};
  for (const name of readdirSync(`/proc/${pid}/fd`)) {
    try {
      out[Number(name)] = readlinkSync(`/proc/${pid}/fd/${name}`);
    } catch {
      // closed while we looked
    }
  }
  return out;
}

/** What /proc shows for one of our own fds (a pipe's two ends look the same). */
export function fdTarget(fd: number): string {
  return readlinkSync(`/proc/self/fd/${fd}`);
}

export function procEnviron(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter((s) => s !== '');
}

export function linuxFixture(name: string, options: LinuxPortOptions): ContractFixture {
  return {
    name,
    makePort: () => new LinuxPort(options),
    exec: execProgram,
    tmpdir: scratchDir,
    processState: procState,
  };
}
