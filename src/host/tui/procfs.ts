// The Session and Terminal panels on Linux: every process of the engine's session from /proc,
// as `ps -o pid,ppid,pgid,sid,stat,args` shows it, and the terminal as its driver sees it.
// A session's processes are found by reading each process's stat (one read; a member may have
// been re-parented, so walking the engine's children would miss it), and only members' command
// lines are read.

import fs from 'node:fs';
import { loadNative } from '../../os/linux/native.js';
import type { ProcRow, TermInfo } from '../../ui/model.js';

/** The fields of /proc/<pid>/stat the panels use. */
export interface ProcStat {
  readonly pid: number;
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  /** The foreground group of the process's controlling terminal (-1 without one). */
  readonly tpgid: number;
}

/** Parses a stat line; the command name in parentheses may itself hold spaces and parentheses. */
export function parseStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid ...
  const [state, ppid, pgid, sid, , tpgid] = text.slice(close + 2).split(' ');
  const row = {
    pid: Number(text.slice(0, open).trim()), comm: text.slice(open + 1, close), state: state ?? '?',
    ppid: Number(ppid), pgid: Number(pgid), sid: Number(sid), tpgid: Number(tpgid),
  };
  return Number.isInteger(row.pid) && Number.isInteger(row.sid) ? row : null;
}

/** A stat line is a few hundred bytes; one buffer serves every read (no allocation per process). */
const statBuffer = Buffer.alloc(4096);

/**
 * /proc/<pid>/stat in three system calls (readFileSync adds an fstat and a buffer per call: a
 * scan of every process is the Session panel's main cost); null when the process is gone.
 */
export function readStat(pid: number): ProcStat | null {
  let fd: number;
  try {
    fd = fs.openSync(`/proc/${pid}/stat`, 'r');
  } catch {
    return null;
  }
  try {
    const n = fs.readSync(fd, statBuffer, 0, statBuffer.length, 0);
    return parseStat(statBuffer.toString('latin1', 0, n));
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The command line as ps prints it: the arguments joined, or `(comm)` when there are none (a zombie). */
function commandOf(p: ProcStat): string {
  let raw = '';
  try {
    raw = fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
  } catch {
    // Gone since its stat was read: say what is known.
  }
  const args = raw.replace(/\0+$/, '').split('\0').join(' ');
  return args === '' ? `(${p.comm})` : args;
}

export interface SessionView {
  /** Every process of the session, by pid. */
  readonly processes: ProcRow[];
  /** The session leader's stat, null once it is gone. */
  readonly leader: ProcStat | null;
}

function row(p: ProcStat, command: string): ProcRow {
  return { pid: p.pid, ppid: p.ppid, pgid: p.pgid, sid: p.sid, state: p.state, command };
}

/**
 * The processes of session `sid` (the session leader's pid), found by reading the stat of
 * every process: the only way to see a member that left the engine's tree (re-parented).
 */
export function readSession(sid: number): SessionView {
  if (sid <= 0) return { processes: [], leader: null };
  const rows: ProcRow[] = [];
  let leader: ProcStat | null = null;
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const p = readStat(pid);
    if (p === null || p.sid !== sid) continue;
    if (p.pid === sid) leader = p;
    rows.push(row(p, commandOf(p)));
  }
  return { processes: rows.sort((a, b) => a.pid - b.pid), leader };
}

/**
 * The terminal behind a pty master: the foreground group is field tpgid of the session
 * leader's stat (null once the leader is gone), the modes are read from the master (on Linux
 * tcgetattr on a master returns its slave's termios). The size is the one the UI set.
 */
export function terminalInfo(masterFd: number | null, leader: ProcStat | null, size: { cols: number; rows: number }): TermInfo {
  const tpgid = leader !== null && leader.tpgid > 0 ? leader.tpgid : null;
  let modes = { tostop: false, icanon: true, echo: true, isig: true };
  if (masterFd !== null) {
    try {
      const m = loadNative().tcgetattr(masterFd);
      modes = { tostop: m.tostop, icanon: m.icanon, echo: m.echo, isig: m.isig };
    } catch {
      // The master is closed: the last modes are no longer anyone's.
    }
  }
  return { tpgid, ...modes, cols: size.cols, rows: size.rows };
}

/**
 * The same view again, re-reading only the stats of the processes it already holds (their
 * states change; members come only with a spawn, seen by the next full read). Commands are
 * kept: a process that exec'd shows its new command at the next full read.
 */
export function rereadSession(sid: number, before: readonly ProcRow[]): SessionView {
  const rows: ProcRow[] = [];
  let leader: ProcStat | null = null;
  for (const old of before) {
    const p = readStat(old.pid);
    if (p === null || p.sid !== sid) continue;
    if (p.pid === sid) leader = p;
    rows.push(row(p, old.command));
  }
  return { processes: rows, leader };
}
