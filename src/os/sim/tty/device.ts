// read(2) and write(2) on the terminal: the job-control checks on entry only (a reader
// already asleep is not checked again when its group leaves the foreground, R1.6), canonical
// or raw input, hung-up terminals (end of file to readers, EIO to writers).

import { SysError } from '../errno.js';
import { OpenFile, type FileOps } from '../files.js';
import { checkChange, checkRead } from './jobctl.js';
import type { Tty } from './tty.js';

export function ttyOps(tty: Tty): FileOps {
  return {
    kind: 'tty',
    tty,
    read(k, call, f, count) {
      if (tty.hungUp) return new Uint8Array(0);
      if (call.phase === 'entry') {
        const check = checkRead(k, call.proc, tty);
        if (check !== null) return check;
      }
      if (tty.readable) return tty.take(count);
      if (f.access.nonblock) return new SysError('EAGAIN', 'read');
      return k.sleepOn(call, tty.readers, 'tty_read');
    },
    write(k, call, _f, data) {
      if (tty.hungUp) return new SysError('EIO', 'write');
      if (tty.termios.tostop && call.phase === 'entry') {
        const check = checkChange(k, call.proc, tty, 'write to');
        if (check !== null) return check;
      }
      tty.output(data);
      return data.length;
    },
    release() {},
  };
}

export function openTty(tty: Tty, access: { read: boolean; write: boolean; nonblock?: boolean }): OpenFile {
  return new OpenFile(ttyOps(tty), access);
}
