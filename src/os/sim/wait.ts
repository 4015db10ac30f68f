// waitpid: which children a call selects (W5.1), ECHILD (W5.2), the order events are looked for
// and children scanned (W5.5), the status words (W5.6), and reaping a zombie.

import { continued, encodeWaitStatus, stopped, type WaitStatus } from '../status.js';
import { SysError } from './errno.js';
import { reap } from './exit.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './process.js';
import type { Reaped, WaitFlags } from './types.js';

/** The children of `p` that waitpid(pid) selects, in fork order (reparented ones last). */
function selected(p: Proc, pid: number): Proc[] {
  if (pid > 0) return p.children.filter((c) => c.pid === pid);
  if (pid === -1) return p.children;
  const pgid = pid === 0 ? p.pgid : -pid;
  return p.children.filter((c) => c.pgid === pgid);
}

/**
 * One non-blocking look: the first reportable event among the selected children, 0 when some
 * child matches but none has one, ECHILD when none matches. `collect` false leaves the event
 * in place (waitid's WNOWAIT).
 */
export function lookForChild(k: Kernel, p: Proc, pid: number, flags: WaitFlags, collect = true): Reaped | 0 | SysError {
  const children = selected(p, pid);
  if (children.length === 0) return new SysError('ECHILD', 'waitpid');
  for (const c of children) {
    const event = eventOf(c, flags);
    if (!event) continue;
    if (collect) take(k, p, c, event);
    return { pid: c.pid, status: event, raw: encodeWaitStatus(event) };
  }
  return 0;
}

function eventOf(c: Proc, flags: WaitFlags): WaitStatus | null {
  if (c.state === 'Z' && c.exitStatus) return c.exitStatus;
  if (flags.untraced && c.stopReport !== 0) return stopped(c.stopReport);
  if (flags.continued && c.continuedReport) return continued;
  return null;
}

function take(k: Kernel, p: Proc, c: Proc, event: WaitStatus): void {
  if (event.kind === 'exited' || event.kind === 'signaled') reap(k, p, c);
  else if (event.kind === 'stopped') c.stopReport = 0;
  else c.continuedReport = false;
}
