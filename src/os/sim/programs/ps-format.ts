// procps-ng 4 output columns: each field's header, width and alignment, and how a row of the
// process table shows in it. Widths are procps's for a kernel whose pid_max is 32768.

import type { ProcInfo } from '../types.js';

export interface Field {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
  readonly value: (p: ProcInfo) => string;
}

/** STAT: the state letter, `s` for a session leader, `+` for a member of the foreground group. */
export function statOf(p: ProcInfo): string {
  let s = p.state;
  if (p.sessionLeader) s += 's';
  if (p.tpgid !== -1 && p.pgid === p.tpgid) s += '+';
  return s;
}

/** args: the command line; a zombie's is its name in brackets and <defunct>, as procps shows it. */
export function argsOf(p: ProcInfo): string {
  if (p.state === 'Z') return `[${p.comm}] <defunct>`;
  return p.argv.length > 0 ? p.argv.join(' ') : `[${p.comm}]`;
}

const num = (header: string, value: (p: ProcInfo) => number): Field => ({ header, width: 5, align: 'right', value: (p) => String(value(p)) });
const text = (header: string, width: number, value: (p: ProcInfo) => string): Field => ({ header, width, align: 'left', value });
const tty = (p: ProcInfo) => p.tty ?? '?';
// No simulated process uses the processor or memory for a measurable amount (ps shows them as
// it shows kernel threads: 0), the simulator has one user, root, and /proc gives no start
// times, so every process started at the machine's boot, 00:00.
const UID = 0;
const USER = 'root';
const BOOT = '00:00';

export const FIELDS: Readonly<Record<string, Field>> = {
  pid: num('PID', (p) => p.pid),
  ppid: num('PPID', (p) => p.ppid),
  pgid: num('PGID', (p) => p.pgid),
  pgrp: num('PGRP', (p) => p.pgid),
  sid: num('SID', (p) => p.sid),
  sess: num('SESS', (p) => p.sid),
  session: num('SESS', (p) => p.sid),
  tpgid: num('TPGID', (p) => p.tpgid),
  uid: num('UID', () => UID),
  euid: num('EUID', () => UID),
  stat: text('STAT', 4, statOf),
  state: text('S', 1, (p) => p.state),
  s: text('S', 1, (p) => p.state),
  tty: text('TT', 8, tty),
  tt: text('TT', 8, tty),
  tname: text('TTY', 8, tty),
  comm: text('COMMAND', 15, (p) => p.comm),
  ucomm: text('COMMAND', 15, (p) => p.comm),
  ucmd: text('CMD', 15, (p) => p.comm),
  args: text('COMMAND', 27, argsOf),
  command: text('COMMAND', 27, argsOf),
  cmd: text('CMD', 27, argsOf),
  user: text('USER', 8, () => USER),
  euser: text('EUSER', 8, () => USER),
  ruser: text('RUSER', 8, () => USER),
  c: { header: 'C', width: 2, align: 'right', value: () => '0' },
  pcpu: { header: '%CPU', width: 4, align: 'right', value: () => '0.0' },
  '%cpu': { header: '%CPU', width: 4, align: 'right', value: () => '0.0' },
  pmem: { header: '%MEM', width: 4, align: 'right', value: () => '0.0' },
  '%mem': { header: '%MEM', width: 4, align: 'right', value: () => '0.0' },
  vsz: { header: 'VSZ', width: 6, align: 'right', value: () => '0' },
  rss: { header: 'RSS', width: 5, align: 'right', value: () => '0' },
  stime: text('STIME', 5, () => BOOT),
  start: { header: 'START', width: 5, align: 'right', value: () => BOOT },
  time: { header: 'TIME', width: 8, align: 'right', value: () => '00:00:00' },
  cputime: { header: 'TIME', width: 8, align: 'right', value: () => '00:00:00' },
  wchan: text('WCHAN', 6, (p) => (p.state === 'R' || p.state === 'Z' ? '-' : p.wchan)),
};

/** The BSD TIME of `ps j` and `ps x`: minutes:seconds. */
const BSD_TIME: Field = { header: 'TIME', width: 6, align: 'right', value: () => '0:00' };

/** `ps j`: ppid,pid,pgid,sid,tname,tpgid,stat,uid,time,command. */
export const JOBS_FORMAT: readonly Field[] = [
  FIELDS.ppid!, FIELDS.pid!, FIELDS.pgid!, FIELDS.sid!, FIELDS.tname!, FIELDS.tpgid!, FIELDS.stat!, FIELDS.uid!, BSD_TIME, FIELDS.command!,
];

/** BSD `ps x`, `ps ax`: pid,tname,stat,time,command. */
export const BSD_FORMAT: readonly Field[] = [FIELDS.pid!, FIELDS.tname!, FIELDS.stat!, BSD_TIME, FIELDS.command!];

/** `ps -f`: the user (headed UID), pid, ppid, c, stime, tty, time, cmd. */
export const FULL_FORMAT: readonly Field[] = [
  { ...FIELDS.user!, header: 'UID' }, FIELDS.pid!, FIELDS.ppid!, FIELDS.c!, FIELDS.stime!, FIELDS.tname!, FIELDS.time!, FIELDS.cmd!,
];

/** BSD `ps u`: user, pid, %cpu, %mem, vsz, rss, tty, stat, start, time, command. */
export const USER_FORMAT: readonly Field[] = [
  FIELDS.user!, FIELDS.pid!, FIELDS.pcpu!, FIELDS.pmem!, FIELDS.vsz!, FIELDS.rss!, FIELDS.tname!, FIELDS.stat!, FIELDS.start!, BSD_TIME, FIELDS.command!,
];

/** Plain `ps`: pid,tname,time,ucmd. */
export const DEFAULT_FORMAT: readonly Field[] = [FIELDS.pid!, FIELDS.tname!, FIELDS.time!, FIELDS.ucmd!];

/** Parses -o's list ("pid,stat" or "pid stat", "pid=HEADER"); a string is the unknown specifier. */
export function parseFormat(list: string): Field[] | string {
  const fields: Field[] = [];
  for (const item of list.split(/[,\s]+/).filter((s) => s !== '')) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const field = FIELDS[name];
    if (!field) return name;
    fields.push(eq < 0 ? field : { ...field, header: item.slice(eq + 1) });
  }
  return fields;
}

/** Lays out one line: single spaces between columns, the last column cut at `maxWidth` (if any). */
export function layout(cells: readonly string[], fields: readonly Field[], maxWidth: number | null): string {
  let line = '';
  cells.forEach((cell, i) => {
    const f = fields[i]!;
    const last = i === fields.length - 1;
    if (i > 0) line += ' ';
    if (f.align === 'right') line += cell.padStart(f.width);
    else if (last) line += cell;
    else line += cell.length > f.width ? cell.slice(0, f.width) : cell.padEnd(f.width);
  });
  return maxWidth !== null && line.length > maxWidth ? line.slice(0, maxWidth) : line;
}
