// A process's exit, in Linux's order (rule X9.1): the session leader's terminal goes (section
// 8), its files are closed, its children go to init with the orphaned-group check for each
// (O7.1b), then its own group's check (O7.1a), then it becomes a zombie and its parent hears.

import { SIG } from '../signals.js';
import { encodeWaitStatus, type WaitStatus } from '../status.js';
import { closeAllFds } from './files.js';
import { hasStopped, isOrphaned } from './groups.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './process.js';
import { sendSignal, signalGroup, wakeParent } from './signal.js';
import { describeStatus } from './syscalls/describe.js';
import { leaderExits } from './tty/session.js';

export function doExit(k: Kernel, p: Proc, status: WaitStatus): void {
  if (!p.alive || p.exiting) return;
  p.exiting = true;
  stopThread(k, p);
  p.pending = 0;
  if (p.sessionLeader) leaderExits(k, p);
  closeAllFds(k, p);
  reparentChildren(k, p);
  const parent = p.parent;
  if (parent && parent.pgid !== p.pgid && parent.sid === p.sid) hangUpIfOrphaned(k, p.pgid, p, 'its last link to the session exited');
  becomeZombie(k, p, status);
  if (p.thread.kind === 'host') p.thread.onExit(status);
}

function stopThread(k: Kernel, p: Proc): void {
  const t = p.thread;
  if (t.kind === 'gen') {
    if (t.call) k.unqueue(t.call);
    t.call = null;
    t.frames = [];
  } else {
    for (const c of t.calls) k.unqueue(c);
    t.calls.clear();
  }
}

/** O7.1: a group that has just become orphaned with a stopped member gets SIGHUP, then SIGCONT. */
function hangUpIfOrphaned(k: Kernel, pgid: number, ignoring: Proc | null, why: string): void {
  if (!isOrphaned(k, pgid, ignoring) || !hasStopped(k, pgid)) return;
  const note = `process group ${pgid} became orphaned with a stopped member (${why})`;
  signalGroup(k, pgid, SIG.HUP, { by: 'kernel', from: null, note });
  signalGroup(k, pgid, SIG.CONT, { by: 'kernel', from: null, note });
}

function reparentChildren(k: Kernel, p: Proc): void {
  const init = k.procs.get(1);
  const children = p.children;
  p.children = [];
  for (const c of children) {
    c.parent = init ?? null;
    c.ppid = init ? 1 : 0;
    if (init) init.children.push(c);
    if (k.tracing) k.emit({ kind: 'reparent', t: k.now, who: c.who, from: p.pid, to: c.ppid });
    if (init && c.state === 'Z') tellParent(k, init, c);
    if (p.pgid !== c.pgid && p.sid === c.sid) hangUpIfOrphaned(k, c.pgid, null, `its parent ${p.pid} exited`);
  }
}

/**
 * The process is done: a zombie until its parent waits, unless the parent ignores SIGCHLD or
 * set SA_NOCLDWAIT, when the kernel releases it at once and no zombie ever exists (W5.8).
 */
function becomeZombie(k: Kernel, p: Proc, status: WaitStatus): void {
  p.exitStatus = status;
  const released = p.parent !== null && releasesChildren(p.parent);
  if (k.tracing) k.emit({ kind: 'exit', t: k.now, who: p.who, status: describeStatus(status), raw: encodeWaitStatus(status), ...(released ? { released: true } : {}) });
  if (!released) k.setState(p, 'Z', '');
  if (p.parent) tellParent(k, p.parent, p);
  else reap(k, null, p);
}

function releasesChildren(parent: Proc): boolean {
  const act = parent.action(SIG.CHLD);
  return act?.handler === 'ignore' || !!act?.flags.noCldWait;
}

/** A child is a zombie: its parent gets SIGCHLD, or it was released at once (W5.8). */
function tellParent(k: Kernel, parent: Proc, child: Proc): void {
  const act = parent.action(SIG.CHLD);
  if (act?.handler !== 'ignore') sendSignal(k, parent, SIG.CHLD, { by: 'kernel', from: child.pid, note: `child ${child.pid} exited` });
  if (releasesChildren(parent)) release(k, child);
  wakeParent(k, parent);
}

/** A child nobody will wait for leaves the table without being reaped. */
function release(k: Kernel, child: Proc): void {
  const parent = child.parent;
  if (parent) {
    const i = parent.children.indexOf(child);
    if (i >= 0) parent.children.splice(i, 1);
  }
  k.removeProc(child);
}

/** The zombie's status was collected (or nobody will): it leaves the table. */
export function reap(k: Kernel, by: Proc | null, child: Proc): void {
  const parent = child.parent;
  if (parent) {
    const i = parent.children.indexOf(child);
    if (i >= 0) parent.children.splice(i, 1);
  }
  k.removeProc(child);
  if (k.tracing && child.exitStatus) {
    k.emit({ kind: 'reaped', t: k.now, who: child.who, by: by?.pid ?? 0, status: describeStatus(child.exitStatus), raw: encodeWaitStatus(child.exitStatus) });
  }
}
