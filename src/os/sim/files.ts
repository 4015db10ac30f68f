// Open file descriptions and descriptor tables. A description is shared by every fd that
// dup()s it and by children after fork; it goes away at its last close, which is when a pipe
// end counts as closed.

import { SysError } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Outcome } from './outcome.js';
import type { Call, Proc } from './process.js';
import type { Tty } from './tty/tty.js';

export interface FileOps {
  readonly kind: 'pipe' | 'tty' | 'file' | 'null' | 'host';
  read(k: Kernel, call: Call, f: OpenFile, count: number): Outcome<Uint8Array | SysError>;
  write(k: Kernel, call: Call, f: OpenFile, data: Uint8Array): Outcome<number | SysError>;
  /** The last reference went away. */
  release(k: Kernel, f: OpenFile): void;
  /** Set for terminals. */
  readonly tty?: Tty;
  /** A regular file's current size (fstat). */
  size?(): number;
}

export interface Access {
  readonly read: boolean;
  readonly write: boolean;
  readonly append?: boolean;
  readonly nonblock?: boolean;
}

export class OpenFile {
  refs = 0;
  offset = 0;
  constructor(
    readonly ops: FileOps,
    readonly access: Access,
  ) {}

  get tty(): Tty | undefined {
    return this.ops.tty;
  }
}

export const MAX_FDS = 1024;

/** Installs a description at the lowest free fd at or above `min`. */
export function allocFd(p: Proc, file: OpenFile, min = 0): number | SysError {
  for (let fd = min; fd < MAX_FDS; fd++) {
    if (!p.fds[fd]) {
      installFd(p, fd, file);
      return fd;
    }
  }
  return new SysError('EMFILE', 'open');
}

export function installFd(p: Proc, fd: number, file: OpenFile, cloexec = false): void {
  file.refs++;
  p.fds[fd] = { file, cloexec };
}

export function fileAt(p: Proc, fd: number): OpenFile | null {
  return (fd >= 0 && p.fds[fd]?.file) || null;
}

export function closeFd(k: Kernel, p: Proc, fd: number): 0 | SysError {
  const entry = fd >= 0 ? p.fds[fd] : null;
  if (!entry) return new SysError('EBADF', 'close');
  p.fds[fd] = null;
  release(k, entry.file);
  return 0;
}

export function release(k: Kernel, file: OpenFile): void {
  if (--file.refs === 0) file.ops.release(k, file);
}

export function closeAllFds(k: Kernel, p: Proc): void {
  for (let fd = 0; fd < p.fds.length; fd++) if (p.fds[fd]) closeFd(k, p, fd);
  p.fds = [];
}

/** fork: the child shares every description. */
export function copyFds(from: Proc, to: Proc): void {
  to.fds = from.fds.map((e) => {
    if (!e) return null;
    e.file.refs++;
    return { file: e.file, cloexec: e.cloexec };
  });
}

/** exec: close-on-exec descriptors go. */
export function closeOnExec(k: Kernel, p: Proc): void {
  for (let fd = 0; fd < p.fds.length; fd++) if (p.fds[fd]?.cloexec) closeFd(k, p, fd);
}

/** /dev/null. */
export const NULL_OPS: FileOps = {
  kind: 'null',
  read: () => new Uint8Array(0),
  write: (_k, _c, _f, data) => data.length,
  release: () => {},
};
