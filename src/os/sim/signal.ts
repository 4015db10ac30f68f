// Signals: generation (rules G4.1-G4.7: what happens at send time, whatever the target does with
// the signal) and delivery (R4.1-R4.6: what the target's disposition makes of it when it next
// returns to user mode). Stops and continues are reported to the parent here too.

import { SIG } from '../signals.js';
import { signaled } from '../status.js';
import { doExit } from './exit.js';
import { isOrphaned } from './groups.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './process.js';
import { bit, defaultAction, has, lowest, remove, STOP_SIGNALS } from './sigset.js';

export type Sender = { readonly by: 'kill' | 'tty' | 'kernel'; readonly from: number | null; readonly note?: string };

const dispositionOf = (p: Proc, sig: number) => p.action(sig)?.handler ?? 'default';

/** Generates a signal for one process (send_signal). */
export function sendSignal(k: Kernel, p: Proc, sig: number, sender: Sender): void {
  if (!p.alive || p.exiting) return;
  if (k.tracing) k.emit({ kind: 'signal', t: k.now, signal: sig, to: p.who, by: sender.by, from: sender.from, note: sender.note ?? '' });
  // init is immune to every signal it does not catch (SIGNAL_UNKILLABLE).
  if (p.pid === 1 && typeof dispositionOf(p, sig) !== 'function') return discard(k, p, sig, 'init only takes signals it catches');
  if (has(STOP_SIGNALS, sig)) p.pending = remove(p.pending, SIG.CONT); // G4.1
  if (sig === SIG.CONT) {
    p.pending = (p.pending & ~STOP_SIGNALS) >>> 0; // G4.2
    if (p.state === 'T') continueProcess(k, p);
  }
  if (p.thread.kind === 'host') {
    const count = p.thread.counts.get(sig);
    if (count && !has(p.blocked, sig)) {
      count.n++;
      return;
    }
    const trap = p.thread.traps.get(sig);
    if (trap && !has(p.blocked, sig)) {
      trap();
      return;
    }
  }
  if (!has(p.blocked, sig) && ignoredAtGeneration(p, sig)) return discard(k, p, sig, 'ignored'); // G4.3
  if (has(p.pending, sig)) return discard(k, p, sig, 'already pending'); // G4.4
  p.pending = (p.pending | bit(sig)) >>> 0;
  if (has(p.blocked, sig)) return;
  const disposition = dispositionOf(p, sig);
  // G4.6 and G4.7: SIGKILL always, and a fatal default on a target that is not stopped, mark it
  // dead with this signal; it dies when it next runs, as on another CPU, so whatever sent the
  // signal goes on first. A stopped target is woken for SIGKILL only.
  if (sig === SIG.KILL || (disposition === 'default' && p.state !== 'T' && isFatal(sig))) {
    p.pending = remove(p.pending, sig);
    p.doomed = sig;
    if (p.state === 'T') k.setState(p, 'R');
  }
  wakeForSignal(k, p);
}

function isFatal(sig: number): boolean {
  const a = defaultAction(sig);
  return a === 'terminate' || a === 'core';
}

function fatalAction(p: Proc, sig: number): 'core' | 'terminated' {
  return defaultAction(sig) === 'core' && p.dumpsCore ? 'core' : 'terminated';
}

function ignoredAtGeneration(p: Proc, sig: number): boolean {
  if (sig === SIG.KILL || sig === SIG.STOP) return false;
  const d = dispositionOf(p, sig);
  if (d === 'ignore') return true;
  if (d !== 'default') return false;
  const a = defaultAction(sig);
  return a === 'ignore' || a === 'continue';
}

function discard(k: Kernel, p: Proc, sig: number, why: string): void {
  if (k.tracing) k.emit({ kind: 'discard', t: k.now, signal: sig, to: p.who, why });
}

/** signal_wake_up: a sleeping target is woken to take the signal (a stopped one is not). */
function wakeForSignal(k: Kernel, p: Proc): void {
  if (p.state === 'T') return;
  if (p.thread.kind === 'host') {
    // The host's code takes its signals when the kernel next runs it (runHost).
    k.enqueue(p);
    return;
  }
  const call = p.thread.call;
  if (call?.queue) k.unqueue(call);
  k.makeRunnable(p);
}

/** Generates a signal for every member of a group; false when the group has no members. */
export function signalGroup(k: Kernel, pgid: number, sig: number, sender: Sender): boolean {
  const members = k.members(pgid);
  for (const p of members) sendSignal(k, p, sig, sender);
  return members.length > 0;
}

/** A process marked by a fatal signal dies of it now that it runs. */
export function dieDoomed(k: Kernel, p: Proc): void {
  const sig = p.doomed;
  if (k.tracing) k.emit({ kind: 'deliver', t: k.now, signal: sig, to: p.who, action: fatalAction(p, sig) });
  doExit(k, p, signaled(sig, defaultAction(sig) === 'core' && p.dumpsCore));
}

/** Resumes a stopped process (G4.2): the continue is recorded and reported. */
function continueProcess(k: Kernel, p: Proc): void {
  p.stopReport = 0;
  p.continuedReport = true;
  k.setState(p, 'R');
  if (k.tracing) k.emit({ kind: 'deliver', t: k.now, signal: SIG.CONT, to: p.who, action: 'continued' });
  notifyParent(k, p, 'continued');
  k.enqueue(p);
}

/** Stops a process (R4.5) and tells its parent. */
export function stopProcess(k: Kernel, p: Proc, sig: number): void {
  const t = p.thread;
  if (t.kind === 'gen' && t.call) {
    // The call in progress is restarted from the start after the continue (-ERESTARTSYS).
    if (t.call.queue) k.unqueue(t.call);
    t.call.phase = 'entry';
  }
  p.stopReport = sig;
  p.continuedReport = false;
  p.lastStop = sig;
  k.setState(p, 'T', '');
  notifyParent(k, p, 'stopped');
}

/** SIGCHLD and a wake-up for the parent of a child that stopped or continued (R4.6). */
function notifyParent(k: Kernel, p: Proc, what: 'stopped' | 'continued'): void {
  const parent = p.parent;
  if (!parent || !parent.alive) return;
  const act = parent.action(SIG.CHLD);
  if (act?.handler !== 'ignore' && !act?.flags.noCldStop) sendSignal(k, parent, SIG.CHLD, { by: 'kernel', from: p.pid, note: `child ${p.pid} ${what}` });
  wakeParent(k, parent);
}

/** Wakes whatever of the parent waits for its children (waitpid, the shell's child events). */
export function wakeParent(k: Kernel, parent: Proc): void {
  parent.childChanges++;
  k.wake(parent.childWaiters);
}

/**
 * Delivers the lowest pending unblocked signal of a coroutine process (get_signal). Returns false
 * when the process can no longer run (stopped or dead).
 */
export function deliverOne(k: Kernel, p: Proc): boolean {
  const sig = lowest((p.pending & ~p.blocked) >>> 0);
  if (sig === 0) return true;
  p.pending = remove(p.pending, sig);
  const act = p.action(sig);
  const d = act?.handler ?? 'default';
  if (d === 'ignore') return delivered(k, p, sig, 'ignored', true);
  if (typeof d === 'function' && p.thread.kind === 'gen') {
    const t = p.thread;
    const interrupted = t.call;
    if (interrupted?.queue) k.unqueue(interrupted);
    t.frames.push({
      gen: d(sig),
      handler: { signal: sig, savedMask: p.blocked, interrupted, savedResume: t.resume, restart: !!act!.flags.restart },
    });
    t.call = null;
    t.resume = undefined;
    let mask = p.blocked | bit(sig);
    for (const s of act!.mask) mask |= bit(s);
    p.blocked = (mask & ~(bit(SIG.KILL) | bit(SIG.STOP))) >>> 0;
    if (act!.flags.resetHand) p.actions[sig] = undefined;
    return delivered(k, p, sig, 'handler', true);
  }
  return deliverDefault(k, p, sig);
}

function deliverDefault(k: Kernel, p: Proc, sig: number): boolean {
  switch (defaultAction(sig)) {
    case 'ignore':
    case 'continue':
      return delivered(k, p, sig, 'ignored', true);
    case 'stop':
      // R4.4: a terminal stop signal to an orphaned group is thrown away; SIGSTOP always stops (R4.3).
      if (sig !== SIG.STOP && isOrphaned(k, p.pgid)) return delivered(k, p, sig, 'discarded-orphaned', true);
      delivered(k, p, sig, 'stopped', false);
      stopProcess(k, p, sig);
      return false;
    case 'terminate':
    case 'core': {
      const core = defaultAction(sig) === 'core' && p.dumpsCore;
      delivered(k, p, sig, core ? 'core' : 'terminated', false);
      doExit(k, p, signaled(sig, core));
      return false;
    }
  }
}

function delivered(k: Kernel, p: Proc, sig: number, action: 'handler' | 'ignored' | 'stopped' | 'terminated' | 'core' | 'discarded-orphaned', goOn: boolean): boolean {
  if (k.tracing) k.emit({ kind: 'deliver', t: k.now, signal: sig, to: p.who, action });
  return goOn;
}

/** Host processes: handled signals are queued for the host's code; default actions act now. */
export function deliverHost(k: Kernel, p: Proc): void {
  if (p.thread.kind !== 'host') return;
  if (p.doomed) return dieDoomed(k, p);
  for (let sig = lowest((p.pending & ~p.blocked) >>> 0); sig !== 0 && p.alive && p.state !== 'T'; sig = lowest((p.pending & ~p.blocked) >>> 0)) {
    p.pending = remove(p.pending, sig);
    if (typeof dispositionOf(p, sig) === 'function') {
      p.thread.queued.push(sig);
      k.hostDeliveries.add(p);
      delivered(k, p, sig, 'handler', true);
    } else if (dispositionOf(p, sig) === 'ignore') {
      delivered(k, p, sig, 'ignored', true);
    } else {
      deliverDefault(k, p, sig);
    }
  }
}
