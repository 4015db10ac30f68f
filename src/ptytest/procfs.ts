// Process facts from /proc: no native addon, no `ps` (its output format varies).

import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessInfo } from './types.js';

/** Fields of /proc/PID/stat after the parenthesised comm, which may itself hold spaces and parens. */
function parseStat(pid: number, stat: string): Omit<ProcessInfo, 'args'> {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(open + 1, close);
  // Fields 3.. of proc(5): state ppid pgrp session tty_nr tpgid ...
  const [state = '?', ppid, pgid, sid, , tpgid] = stat.slice(close + 2).split(' ');
  return { pid, ppid: Number(ppid), pgid: Number(pgid), sid: Number(sid), tpgid: Number(tpgid), state, comm };
}

function readArgs(pid: number): string[] {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw === '' ? [] : raw.replace(/\0$/, '').split('\0');
  } catch {
    return [];
  }
}

/** One process, or null if it does not exist (any more). */
export function readProcess(pid: number): ProcessInfo | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone between listing and reading, or never there
  }
  return { ...parseStat(pid, stat), args: readArgs(pid) };
}

/** Every process we can see, sorted by pid, optionally filtered. */
export function listProcesses(filter: (p: ProcessInfo) => boolean = () => true): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProcess(Number(name));
    if (info !== null && filter(info)) found.push(info);
  }
  return found.sort((a, b) => a.pid - b.pid);
}

/** The processes of session `sid`. */
export function sessionProcesses(sid: number): ProcessInfo[] {
  return listProcesses((p) => p.sid === sid);
}

export { isAlive } from './procsource.js';

// System calls a process sits in while it waits for input, by architecture.
const INPUT_WAITS: Record<string, ReadonlySet<number>> = {
  // read readv poll select epoll_wait pselect6 ppoll epoll_pwait epoll_pwait2
  x64: new Set([0, 19, 7, 23, 232, 270, 271, 281, 441]),
  // read readv pselect6 ppoll epoll_pwait epoll_pwait2
  arm64: new Set([63, 65, 72, 73, 22, 441]),
};

/** Kernel functions a task sleeps in while waiting for input (wchan), for when the syscall is unreadable. */
const INPUT_WCHAN = /^(poll_schedule_timeout|do_select|do_sys_poll|ep_poll|wait_woken|n_tty_read)/;

function readSmall(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * True when `pid` is asleep in a read/select/poll kind of system call: at a
 * prompt, the moment a shell can take a signal without a race. Read from
 * /proc/PID/syscall, or /proc/PID/wchan if that is not readable; null when
 * neither says anything (unknown architecture, restricted /proc).
 */
export function isWaitingForInput(pid: number): boolean | null {
  const info = readProcess(pid);
  if (info === null || info.state !== 'S') return info === null ? null : false;
  const syscall = readSmall(`/proc/${pid}/syscall`);
  const waits = INPUT_WAITS[process.arch];
  if (syscall !== null && waits !== undefined) {
    const number = Number(syscall.split(' ')[0]);
    if (Number.isInteger(number) && number >= 0) return waits.has(number);
  }
  const wchan = readSmall(`/proc/${pid}/wchan`);
  if (wchan !== null && wchan !== '0' && wchan !== '') return INPUT_WCHAN.test(wchan);
  return null;
}
