// Process groups and sessions: the orphaned-group test (kernel/exit.c
// will_become_orphaned_pgrp, rule book section 0), setpgid's checks in Linux's order and
// setsid's (section 6).

import { SysError } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './process.js';

/**
 * ORPHAN(G, ignoring X): no live member other than X has a parent that is not init, in another
 * group of the same session. A group with no live members counts as orphaned.
 */
export function isOrphaned(k: Kernel, pgid: number, ignoring: Proc | null = null): boolean {
  const members = k.groups.get(pgid);
  if (!members) return true;
  for (const m of members) {
    if (m === ignoring || m.state === 'Z') continue;
    const parent = m.parent;
    if (parent && parent.pid !== 1 && parent.pgid !== pgid && parent.sid === m.sid) return false;
  }
  return true;
}

export function hasStopped(k: Kernel, pgid: number): boolean {
  const members = k.groups.get(pgid);
  if (!members) return false;
  for (const m of members) if (m.state === 'T') return true;
  return false;
}

/** setpgid(pid, pgid), checks in the kernel's order (first failure wins). */
export function setpgid(k: Kernel, caller: Proc, pid: number, pgid: number): 0 | SysError {
  const fail = (errno: string) => new SysError(errno, 'setpgid');
  const targetPid = pid === 0 ? caller.pid : pid;
  const wanted = pgid === 0 ? targetPid : pgid;
  if (pgid < 0 || pid < 0) return fail('EINVAL');
  const target = k.procs.get(targetPid);
  if (!target || target.gone) return fail('ESRCH');
  if (target === caller) {
    // the caller itself
  } else if (target.parent === caller) {
    if (target.sid !== caller.sid) return fail('EPERM');
    if (target.execed) return fail('EACCES');
  } else {
    return fail('ESRCH');
  }
  if (target.sessionLeader) return fail('EPERM');
  if (wanted !== target.pid) {
    const group = k.groups.get(wanted);
    const inSession = group && [...group].some((m) => m.sid === caller.sid);
    if (!inSession) return fail('EPERM');
  }
  if (target.pgid !== wanted) {
    k.setGroup(target, wanted);
    if (k.tracing) k.emit({ kind: 'setpgid', t: k.now, who: target.who, pgid: wanted });
  }
  return 0;
}

/** setsid(): a new session and group led by the caller, with no controlling terminal. */
export function setsid(k: Kernel, caller: Proc): number | SysError {
  if (caller.sessionLeader || k.groups.has(caller.pid)) return new SysError('EPERM', 'setsid');
  k.setSession(caller, caller.pid);
  k.setGroup(caller, caller.pid);
  caller.ctty = null;
  if (k.tracing) k.emit({ kind: 'setsid', t: k.now, who: caller.who });
  return caller.pid;
}
