// Running a process: a coroutine's system calls one after another, with signals delivered on
// each return to "user mode" (before the next call), as Linux delivers them on the way out of
// the kernel. Host processes (the shell's own code) get their woken calls finished instead.

import { signaled, exited } from '../status.js';
import { SysError } from './errno.js';
import { doExit } from './exit.js';
import type { Kernel } from './kernel.js';
import { BLOCK, RESTART } from './outcome.js';
import type { Call, GenThread, Proc } from './process.js';
import { deliverHost, deliverOne, dieDoomed } from './signal.js';

export function runProcess(k: Kernel, p: Proc, slice: number): void {
  if (p.thread.kind === 'host') return runHost(k, p);
  const t = p.thread;
  for (let budget = slice; budget > 0; budget--) {
    if (!p.alive || p.state === 'T') return;
    if (p.doomed) return dieDoomed(k, p);
    // Every deliverable signal is taken before user code runs again, each handler's frame on top
    // of the last: of SIGHUP and SIGCONT pending together, SIGCONT's handler runs first, then
    // SIGHUP's (Linux's exit_to_user_mode loop; measured with a C program).
    if ((p.pending & ~p.blocked) !== 0) {
      if (!deliverOne(k, p)) return;
      continue;
    }
    if (t.call) {
      if (!finishCall(k, p, t)) return;
      continue;
    }
    if (!stepFrame(k, p, t)) return;
  }
  k.enqueue(p);
}

/** Executes (or re-executes) the call in progress; false when the process went to sleep. */
function finishCall(k: Kernel, p: Proc, t: GenThread): boolean {
  const call = t.call!;
  const r = k.execute(call);
  if (r === BLOCK) return false;
  if (r === RESTART) {
    call.phase = 'entry';
    // The call sent a signal to the caller's group; if nothing is deliverable it fails as interrupted.
    if ((p.pending & ~p.blocked) === 0) {
      t.call = null;
      t.resume = new SysError('EINTR', call.req.call);
    }
    return p.alive;
  }
  if (t.call === call) t.call = null;
  t.resume = r;
  return p.alive && p.state !== 'T';
}

/** Runs the top frame to its next system call; false when the process ended. */
function stepFrame(k: Kernel, p: Proc, t: GenThread): boolean {
  const frame = t.frames[t.frames.length - 1]!;
  let res: IteratorResult<unknown, unknown>;
  try {
    res = frame.gen.next(t.resume) as IteratorResult<unknown, unknown>;
  } catch (e) {
    // A bug in a simulated program is that program's crash, never the host's.
    if (k.tracing) k.emit({ kind: 'syscall', t: k.now, who: p.who, call: 'crash', args: '', result: String(e instanceof Error ? e.message : e) });
    doExit(k, p, signaled(SIG_SEGV, false));
    return false;
  }
  t.resume = undefined;
  if (!res.done) {
    t.call = { req: res.value as Call['req'], phase: 'entry', queue: null, proc: p };
    return true;
  }
  if (!frame.handler) {
    doExit(k, p, exited(typeof res.value === 'number' ? res.value : 0));
    return false;
  }
  t.frames.pop();
  const h = frame.handler;
  p.blocked = h.savedMask;
  if (h.interrupted && h.restart && restartable(h.interrupted.req.call)) {
    h.interrupted.phase = 'entry';
    t.call = h.interrupted;
  } else if (h.interrupted) {
    t.resume = new SysError('EINTR', h.interrupted.req.call);
  } else {
    t.resume = h.savedResume;
  }
  return true;
}

const SIG_SEGV = 11;

/** Calls that SA_RESTART restarts; sleeps and pause always fail with EINTR. */
function restartable(call: string): boolean {
  return call !== 'sleep' && call !== 'pause';
}

/** Host processes: finish every call that was woken (or is new), in the order they were made. */
function runHost(k: Kernel, p: Proc): void {
  if (p.thread.kind !== 'host') return;
  deliverHost(k, p);
  for (const call of [...p.thread.calls]) {
    if (!p.alive || p.state === 'T') return;
    if (call.queue) continue;
    const r = k.execute(call);
    if (r === BLOCK || r === RESTART) {
      if (r === RESTART) call.phase = 'entry';
      continue;
    }
    p.thread.calls.delete(call);
    call.resolve?.(r);
  }
  k.settleHost(p);
}

/**
 * Starts a host call. It runs at the host process's next turn, after the processes already
 * runnable: on Linux those run on other CPUs while the shell makes its call, so a job continued
 * just before has had its chance to finish by the time the shell next looks.
 */
export function hostCall(k: Kernel, p: Proc, call: Call): void {
  if (p.thread.kind !== 'host') throw new Error('not a host process');
  p.thread.calls.add(call);
  if (p.state === 'S') k.setState(p, 'R');
  k.enqueue(p);
}

