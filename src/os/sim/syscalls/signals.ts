// Signal and time system calls: kill, sigaction, sigprocmask, sigpending, pause, sleep, time,
// and waitpid (which sleeps until a child changes).

import { SIG } from '../../signals.js';
import { SysError } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { Call, Proc } from '../process.js';
import { sendSignal } from '../signal.js';
import { bit, defaultAction, fromList, has, MAX_SIGNAL, remove, toList, UNBLOCKABLE } from '../sigset.js';
import type { SigAction, Syscall } from '../types.js';
import { lookForChild } from '../wait.js';

type Req<C extends Syscall['call']> = Extract<Syscall, { call: C }>;

const DEFAULT_ACTION: SigAction = { handler: 'default', flags: {}, mask: [] };

/** Signals 1-31 are modelled; real-time ones are not (ENOSYS), anything else is invalid. */
function checkSignal(sig: number, call: string, allowZero: boolean): SysError | null {
  if (sig === 0 && allowZero) return null;
  if (sig >= 1 && sig <= MAX_SIGNAL) return null;
  if (sig >= 32 && sig <= 64) return new SysError('ENOSYS', `${call}(real-time signal)`);
  return new SysError('EINVAL', call);
}

export function kill(k: Kernel, p: Proc, pid: number, sig: number): 0 | SysError {
  const bad = checkSignal(sig, 'kill', true);
  if (bad) return bad;
  const targets = targetsOf(k, p, pid);
  if (targets.length === 0) return new SysError('ESRCH', 'kill');
  if (sig !== 0) for (const t of targets) sendSignal(k, t, sig, { by: 'kill', from: p.pid });
  return 0;
}

function targetsOf(k: Kernel, p: Proc, pid: number): Proc[] {
  if (pid > 0) {
    const t = k.procs.get(pid);
    return t ? [t] : [];
  }
  if (pid === -1) return [...k.procs.values()].filter((t) => t.pid !== 1 && t !== p);
  return [...k.members(pid === 0 ? p.pgid : -pid)];
}

function sigaction(_k: Kernel, p: Proc, sig: number, action: SigAction | null): SigAction | SysError {
  const bad = checkSignal(sig, 'sigaction', false);
  if (bad) return bad;
  const old = p.action(sig) ?? DEFAULT_ACTION;
  if (action === null) return old;
  if ((sig === SIG.KILL || sig === SIG.STOP) && action.handler !== 'default') return new SysError('EINVAL', 'sigaction');
  p.actions[sig] = action.handler === 'default' && !action.flags.noCldStop && !action.flags.noCldWait ? undefined : action;
  // G4.5: ignoring a signal (explicitly, or by default) throws a pending instance away.
  const ignores = action.handler === 'ignore' || (action.handler === 'default' && ['ignore', 'continue'].includes(defaultAction(sig)));
  if (ignores) p.pending = remove(p.pending, sig);
  return old;
}

function sigprocmask(k: Kernel, p: Proc, how: 'block' | 'unblock' | 'setmask', list: readonly number[] | null): number[] {
  const old = toList(p.blocked);
  if (list === null) return old;
  const set = fromList(list);
  if (how === 'block') p.blocked = (p.blocked | set) >>> 0;
  else if (how === 'unblock') p.blocked = (p.blocked & ~set) >>> 0;
  else p.blocked = set;
  p.blocked = (p.blocked & ~UNBLOCKABLE) >>> 0;
  // Unblocking may make a pending signal deliverable: it is taken on the way out of this call.
  if ((p.pending & ~p.blocked) !== 0) k.enqueue(p);
  return old;
}

function sleep(k: Kernel, c: Call, ms: number): 0 | SysError | symbol {
  if (c.deadline === undefined) c.deadline = k.now + Math.max(0, ms);
  if (k.now >= c.deadline) return 0;
  const queue = new Set<Call>();
  const timer = k.addTimer(c.deadline - k.now, () => {
    if (c.queue === queue) {
      k.unqueue(c);
      k.makeRunnable(c.proc);
    }
  });
  const r = k.sleepOn(c, queue, 'sleep');
  c.timer = timer;
  return r;
}

function waitpid(k: Kernel, c: Call, r: Req<'waitpid'>): unknown {
  const found = lookForChild(k, c.proc, r.pid, r.flags);
  if (found !== 0 || r.flags.nohang) return found;
  return k.sleepOn(c, c.proc.childWaiters, 'wait');
}

export const signalCalls = {
  kill: (k: Kernel, c: Call, r: Req<'kill'>) => kill(k, c.proc, r.pid, r.signal),
  sigaction: (k: Kernel, c: Call, r: Req<'sigaction'>) => sigaction(k, c.proc, r.signal, r.action),
  sigprocmask: (k: Kernel, c: Call, r: Req<'sigprocmask'>) => sigprocmask(k, c.proc, r.how, r.set),
  sigpending: (_k: Kernel, c: Call) => toList(c.proc.pending),
  pause: (k: Kernel, c: Call) => k.sleepOn(c, new Set(), 'pause'),
  sleep: (k: Kernel, c: Call, r: Req<'sleep'>) => sleep(k, c, r.ms),
  time: (k: Kernel) => k.now,
  // Returns once the caller's children changed since the count the caller last saw.
  childevent: (k: Kernel, c: Call, r: Req<'childevent'>) => (c.proc.childChanges !== r.seen ? c.proc.childChanges : k.sleepOn(c, c.proc.childWaiters, 'wait')),
  waitpid,
};

export { bit, has };
