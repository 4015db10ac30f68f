// Terminal access control: the SIGTTIN check of reads (rules R1.1-R1.4) and the SIGTTOU check
// of writes under TOSTOP and of every call that changes the terminal (W2.1-W2.3), in the
// kernel's order (tty_jobctrl.c __tty_check_change).

import { SIG } from '../../signals.js';
import { SysError } from '../errno.js';
import { isOrphaned } from '../groups.js';
import type { Kernel } from '../kernel.js';
import { RESTART } from '../outcome.js';
import type { Proc } from '../process.js';
import { signalGroup } from '../signal.js';
import { has } from '../sigset.js';
import type { Tty } from './tty.js';

/** Is the caller in the background of its own controlling terminal (the only case with a check)? */
function inBackground(p: Proc, tty: Tty): boolean {
  if (p.ctty !== tty || tty.session !== p.sid) return false; // R1.1
  if (tty.fgPgrp === null) return false; // R1.2
  return p.pgid !== tty.fgPgrp; // R1.3 (a stale fgPgrp counts as "not equal")
}

function ignoredOrBlocked(p: Proc, sig: number): boolean {
  return p.action(sig)?.handler === 'ignore' || has(p.blocked, sig);
}

/**
 * The check for a read: null to go on, EIO, or RESTART after SIGTTIN went to the caller's
 * whole group (the read is entered again once the signal has been dealt with).
 */
export function checkRead(k: Kernel, p: Proc, tty: Tty): null | SysError | typeof RESTART {
  if (!inBackground(p, tty)) return null;
  if (ignoredOrBlocked(p, SIG.TTIN)) return decide(k, p, tty, 'eio', 'read', `SIGTTIN is ${p.action(SIG.TTIN)?.handler === 'ignore' ? 'ignored' : 'blocked'} by the reader`); // R1.4a
  if (isOrphaned(k, p.pgid)) return decide(k, p, tty, 'eio', 'read', `its process group ${p.pgid} is orphaned`); // R1.4b
  return send(k, p, tty, SIG.TTIN, 'read'); // R1.4c
}

/**
 * The check for a write (only under TOSTOP) or a call that changes the terminal (always):
 * null to go on, EIO (orphaned group), or RESTART after SIGTTOU went to the caller's group.
 */
export function checkChange(k: Kernel, p: Proc, tty: Tty, what: string): null | SysError | typeof RESTART {
  if (!inBackground(p, tty)) return null;
  if (ignoredOrBlocked(p, SIG.TTOU)) return null; // W2.1: the call proceeds
  if (isOrphaned(k, p.pgid)) return decide(k, p, tty, 'eio', what, `its process group ${p.pgid} is orphaned`);
  return send(k, p, tty, SIG.TTOU, what);
}

function send(k: Kernel, p: Proc, tty: Tty, sig: number, what: string): typeof RESTART {
  if (k.tracing) {
    const name = sig === SIG.TTIN ? 'SIGTTIN' : 'SIGTTOU';
    k.emit({
      kind: 'tty', t: k.now, tty: tty.name, what: sig === SIG.TTIN ? 'ttin' : 'ttou', who: p.who, pgid: p.pgid,
      note: `${p.comm} (pid ${p.pid}, pgrp ${p.pgid}) tried to ${what} the terminal while the foreground group is ${tty.fgPgrp}: the driver sends ${name} to group ${p.pgid}`,
    });
  }
  signalGroup(k, p.pgid, sig, { by: 'tty', from: p.pid, note: `a background ${what === 'read' ? 'read from' : what === 'write to' ? 'write to' : `${what} of`} the terminal` });
  return RESTART;
}

function decide(k: Kernel, p: Proc, tty: Tty, _what: 'eio', call: string, why: string): SysError {
  if (k.tracing) k.emit({ kind: 'tty', t: k.now, tty: tty.name, what: 'eio', who: p.who, pgid: p.pgid, note: `${p.comm} (pid ${p.pid}) may not ${call} the terminal from the background and ${why}: EIO` });
  return new SysError('EIO', call);
}
