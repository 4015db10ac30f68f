// Terminal system calls: the foreground group (tcgetpgrp, tcsetpgrp with Linux's errors and
// quirks), attributes, flush, window size, TIOCNOTTY/TIOCSCTTY. Every call that changes the
// terminal gets the SIGTTOU check whatever TOSTOP says (W2.3); reading calls get none (W2.4).

import { SIG } from '../../signals.js';
import { SysError } from '../errno.js';
import { fileAt } from '../files.js';
import type { Kernel } from '../kernel.js';
import { RESTART } from '../outcome.js';
import type { Call, Proc } from '../process.js';
import { signalGroup } from '../signal.js';
import { checkChange } from '../tty/jobctl.js';
import { tiocnotty, tiocsctty } from '../tty/session.js';
import type { Tty } from '../tty/tty.js';
import type { Syscall } from '../types.js';

type Req<C extends Syscall['call']> = Extract<Syscall, { call: C }>;

function ttyOf(p: Proc, fd: number, call: string): Tty | SysError {
  const f = fileAt(p, fd);
  if (!f) return new SysError('EBADF', call);
  return f.tty ?? new SysError('ENOTTY', call);
}

/** The SIGTTOU check for a call that changes the terminal, on entry only. */
function changeCheck(k: Kernel, c: Call, tty: Tty, what: string): SysError | typeof RESTART | null {
  return c.phase === 'entry' ? checkChange(k, c.proc, tty, what) : null;
}

function tcsetpgrp(k: Kernel, c: Call, r: Req<'tcsetpgrp'>): unknown {
  const p = c.proc;
  const tty = ttyOf(p, r.fd, 'tcsetpgrp');
  if (tty instanceof SysError) return tty;
  if (tty.hungUp) return new SysError('ENOTTY', 'tcsetpgrp');
  const check = changeCheck(k, c, tty, 'set the foreground group of');
  if (check instanceof SysError) return new SysError('ENOTTY', 'tcsetpgrp'); // W2.5: Linux says ENOTTY, not EIO
  if (check) return check;
  if (p.ctty !== tty || tty.session !== p.sid) return new SysError('ENOTTY', 'tcsetpgrp');
  if (r.pgid < 0) return new SysError('EINVAL', 'tcsetpgrp');
  const group = k.groups.get(r.pgid);
  // A pid with no group of that number is accepted when it is in the caller's session (a Linux quirk).
  const sessionOf = group ? [...group][0]!.sid : k.procs.get(r.pgid)?.sid;
  if (sessionOf === undefined) return new SysError('ESRCH', 'tcsetpgrp');
  if (sessionOf !== p.sid) return new SysError('EPERM', 'tcsetpgrp');
  if (tty.fgPgrp !== r.pgid) {
    tty.fgPgrp = r.pgid;
    if (k.tracing) k.emit({ kind: 'tty', t: k.now, tty: tty.name, what: 'foreground', who: p.who, pgid: r.pgid, note: `${p.comm} (pid ${p.pid}) made group ${r.pgid} the foreground group of ${tty.name}` });
  }
  return 0;
}

function tcgetpgrp(_k: Kernel, c: Call, r: Req<'tcgetpgrp'>): unknown {
  const tty = ttyOf(c.proc, r.fd, 'tcgetpgrp');
  if (tty instanceof SysError) return tty;
  if (tty.hungUp) return new SysError('EIO', 'tcgetpgrp');
  if (c.proc.ctty !== tty) return new SysError('ENOTTY', 'tcgetpgrp');
  return tty.fgPgrp ?? 0;
}

function tcsetattr(k: Kernel, c: Call, r: Req<'tcsetattr'>): unknown {
  const tty = ttyOf(c.proc, r.fd, 'tcsetattr');
  if (tty instanceof SysError) return tty;
  if (tty.hungUp) return new SysError('EIO', 'tcsetattr');
  const check = changeCheck(k, c, tty, 'change the modes of');
  if (check) return check;
  tty.setTermios(r.termios, r.when === 'flush');
  if (k.tracing) k.emit({ kind: 'tty', t: k.now, tty: tty.name, what: 'modes', who: c.proc.who, pgid: null, note: modesText(tty) });
  return 0;
}

function modesText(tty: Tty): string {
  const t = tty.termios;
  const flag = (on: boolean, name: string) => (on ? name : `-${name}`);
  return [flag(t.icanon, 'icanon'), flag(t.echo, 'echo'), flag(t.isig, 'isig'), flag(t.tostop, 'tostop')].join(' ');
}

function withTty<T>(name: string, fn: (tty: Tty, k: Kernel, c: Call) => T) {
  return (k: Kernel, c: Call, r: { fd: number }): T | SysError => {
    const tty = ttyOf(c.proc, r.fd, name);
    return tty instanceof SysError ? tty : fn(tty, k, c);
  };
}

export const ttyCalls = {
  tcgetpgrp,
  tcsetpgrp,
  tcsetattr,
  tcgetsid: withTty('tcgetsid', (tty, _k, c) => (c.proc.ctty === tty && tty.session !== null ? tty.session : new SysError('ENOTTY', 'tcgetsid'))),
  tcgetattr: withTty('tcgetattr', (tty) => (tty.hungUp ? new SysError('EIO', 'tcgetattr') : tty.termios)),
  tcflush: withTty('tcflush', (tty, k, c) => {
    const check = changeCheck(k, c, tty, 'flush');
    if (check) return check;
    tty.flush();
    return 0;
  }),
  tiocgwinsz: withTty('ioctl(TIOCGWINSZ)', (tty) => tty.winsize),
  tiocswinsz: (k: Kernel, c: Call, r: Req<'tiocswinsz'>) => {
    const tty = ttyOf(c.proc, r.fd, 'ioctl(TIOCSWINSZ)');
    if (tty instanceof SysError) return tty;
    const changed = tty.winsize.rows !== r.size.rows || tty.winsize.cols !== r.size.cols;
    tty.winsize = r.size; // W2.4: no SIGTTOU check, even from the background
    if (changed && tty.fgPgrp !== null) signalGroup(k, tty.fgPgrp, SIG.WINCH, { by: 'tty', from: null, note: 'the window size changed' });
    return 0;
  },
  tiocnotty: withTty('ioctl(TIOCNOTTY)', (tty, k, c) => tiocnotty(k, c.proc, tty)),
  tiocsctty: withTty('ioctl(TIOCSCTTY)', (tty, k, c) => tiocsctty(k, c.proc, tty)),
  ttyname: withTty('ttyname', (tty) => `/dev/${tty.name}`),
};
