// The controlling terminal of a session: how a session leader gets one (C6.1, C6.2), how it is
// lost (TIOCNOTTY, setsid), what the leader's exit does (H8.1, and H8.4's remembered group),
// and the hang-up when the master side closes (H8.4, H8.5).

import { SIG } from '../../signals.js';
import { SysError } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { Proc } from '../process.js';
import { sendSignal, signalGroup } from '../signal.js';
import type { Tty } from './tty.js';

/** C6.1: a session leader without a terminal opening one (for reading, without O_NOCTTY) acquires it. */
export function maybeAcquire(k: Kernel, p: Proc, tty: Tty, readable: boolean, noctty: boolean): void {
  if (!readable || noctty || !p.sessionLeader || p.ctty || tty.session !== null || tty.hungUp) return;
  acquire(k, p, tty);
}

export function acquire(k: Kernel, p: Proc, tty: Tty): void {
  tty.session = p.sid;
  tty.fgPgrp = p.pgid;
  for (const m of k.sessions.get(p.sid) ?? []) m.ctty = tty;
  p.ctty = tty;
  if (k.tracing) k.emit({ kind: 'tty', t: k.now, tty: tty.name, what: 'ctty', who: p.who, pgid: p.pgid, note: `${tty.name} becomes the controlling terminal of session ${p.sid}; foreground group ${p.pgid}` });
}

/** C6.2 TIOCSCTTY. */
export function tiocsctty(k: Kernel, p: Proc, tty: Tty): 0 | SysError {
  if (p.sessionLeader && tty.session === p.sid) return 0;
  if (!p.sessionLeader || p.ctty) return new SysError('EPERM', 'ioctl(TIOCSCTTY)');
  if (tty.session !== null) return new SysError('EPERM', 'ioctl(TIOCSCTTY)');
  acquire(k, p, tty);
  return 0;
}

/** TIOCNOTTY: a member lets go of its terminal alone; the leader takes the whole session with it. */
export function tiocnotty(k: Kernel, p: Proc, tty: Tty): 0 | SysError {
  if (p.ctty !== tty) return new SysError('ENOTTY', 'ioctl(TIOCNOTTY)');
  if (!p.sessionLeader) {
    p.ctty = null;
    return 0;
  }
  disassociate(k, p, tty, true);
  return 0;
}

/**
 * X9.1 (1): a session leader exits. On a pty the foreground group gets SIGHUP only (H8.1); a
 * group remembered from an earlier hang-up gets SIGHUP and SIGCONT (H8.4). The session loses
 * the terminal, which itself stays usable without job control.
 */
export function leaderExits(k: Kernel, p: Proc): void {
  const old = p.oldFgPgrp;
  p.oldFgPgrp = null;
  if (old !== null) {
    const note = `session leader ${p.pid} exited; group ${old} was in the foreground when the terminal hung up`;
    signalGroup(k, old, SIG.HUP, { by: 'kernel', from: null, note });
    signalGroup(k, old, SIG.CONT, { by: 'kernel', from: null, note });
  }
  const tty = p.ctty;
  if (tty && tty.session === p.sid) disassociate(k, p, tty, false);
}

function disassociate(k: Kernel, leader: Proc, tty: Tty, alsoCont: boolean): void {
  const fg = tty.fgPgrp;
  if (fg !== null) {
    const note = `the session leader ${leader.pid} ${alsoCont ? 'gave up' : 'exited and gave up'} the terminal`;
    signalGroup(k, fg, SIG.HUP, { by: 'kernel', from: null, note });
    if (alsoCont) signalGroup(k, fg, SIG.CONT, { by: 'kernel', from: null, note });
  }
  loseTerminal(k, leader.sid, tty, `session ${leader.sid} lost ${tty.name}`);
}

function loseTerminal(k: Kernel, sid: number, tty: Tty, note: string): void {
  tty.session = null;
  tty.fgPgrp = null;
  for (const m of k.sessions.get(sid) ?? []) if (m.ctty === tty) m.ctty = null;
  if (k.tracing) k.emit({ kind: 'tty', t: k.now, tty: tty.name, what: 'lost-ctty', who: null, pgid: null, note });
}

/**
 * H8.4: the master side closed while the session lives. Reads see end of file, writes EIO; the
 * session leader gets SIGHUP then SIGCONT; the foreground group is remembered for the leader's exit.
 */
export function hangup(k: Kernel, tty: Tty): void {
  if (tty.hungUp) return;
  tty.hungUp = true;
  if (k.tracing) k.emit({ kind: 'hangup', t: k.now, tty: tty.name, note: `${tty.name} hung up (the terminal was closed)` });
  const sid = tty.session;
  const leader = sid !== null ? k.procs.get(sid) : undefined;
  if (sid !== null) {
    if (leader?.alive) leader.oldFgPgrp = tty.fgPgrp;
    loseTerminal(k, sid, tty, `session ${sid} lost ${tty.name} in the hang-up`);
  }
  if (leader?.alive) {
    sendSignal(k, leader, SIG.HUP, { by: 'kernel', from: null, note: 'the terminal hung up' });
    sendSignal(k, leader, SIG.CONT, { by: 'kernel', from: null, note: 'the terminal hung up' });
  }
  k.wake(tty.readers);
}
