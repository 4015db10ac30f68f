// File system calls: open (files of the in-memory file system, /dev/null, /dev/tty and the
// terminal), close, dup, dup2, pipe, read, write, isatty, stat, readdir, unlink.

import { SysError } from '../errno.js';
import { allocFd, closeFd, fileAt, installFd, NULL_OPS, OpenFile, type FileOps } from '../files.js';
import type { Kernel } from '../kernel.js';
import { normalize, type Node } from '../memfs.js';
import { makePipe } from '../pipe.js';
import type { Call, Proc } from '../process.js';
import { openTty } from '../tty/device.js';
import { maybeAcquire } from '../tty/session.js';
import type { OpenOptions, Syscall } from '../types.js';

type Req<C extends Syscall['call']> = Extract<Syscall, { call: C }>;

function fileOps(node: Extract<Node, { type: 'file' }>): FileOps {
  return {
    kind: 'file',
    read(_k, _c, f, count) {
      const out = node.data.slice(f.offset, f.offset + count);
      f.offset += out.length;
      return out;
    },
    write(_k, _c, f, data) {
      const at = f.access.append ? node.data.length : f.offset;
      const size = Math.max(node.data.length, at + data.length);
      const next = new Uint8Array(size);
      next.set(node.data);
      next.set(data, at);
      node.data = next;
      f.offset = at + data.length;
      return data.length;
    },
    release() {},
    size: () => node.data.length,
  };
}

/** A directory opened for reading: it can be listed (readdir), not read (EISDIR, as read(2) says). */
const DIR_OPS: FileOps = { ...NULL_OPS, kind: 'file', read: () => new SysError('EISDIR', 'read') };

export function openPath(k: Kernel, p: Proc, path: string, o: OpenOptions): OpenFile | SysError {
  const abs = normalize(path, p.cwd);
  const access = { read: !!o.read || !o.write, write: !!o.write || !!o.append, append: !!o.append, nonblock: !!o.nonblock };
  if (abs === '/dev/tty') return p.ctty ? openTty(p.ctty, access) : new SysError('ENXIO', 'open');
  let node = k.fs.get(abs);
  if (!node) {
    if (!o.create) return new SysError('ENOENT', 'open');
    const dir = k.fs.get(abs.slice(0, abs.lastIndexOf('/')) || '/');
    if (dir?.type !== 'dir') return new SysError('ENOENT', 'open');
    k.fs.writeFile(abs, '');
    node = k.fs.get(abs)!;
  }
  switch (node.type) {
    case 'dir': return access.write ? new SysError('EISDIR', 'open') : new OpenFile(DIR_OPS, access);
    case 'program': return access.write ? new SysError('ETXTBSY', 'open') : new OpenFile(NULL_OPS, access);
    case 'device': return openDevice(k, p, node.device, access, o);
    case 'file':
      if (o.truncate && access.write) node.data = new Uint8Array(0);
      return new OpenFile(fileOps(node), access);
  }
}

function openDevice(k: Kernel, p: Proc, device: string, access: { read: boolean; write: boolean; nonblock: boolean }, o: OpenOptions): OpenFile | SysError {
  if (device === 'null') return new OpenFile(NULL_OPS, access);
  const tty = k.ttys.get(device);
  if (!tty) return new SysError('ENXIO', 'open');
  if (tty.hungUp) return new SysError('EIO', 'open');
  maybeAcquire(k, p, tty, access.read, !!o.noctty);
  return openTty(tty, access);
}

function read(k: Kernel, c: Call, r: Req<'read'>): unknown {
  const f = fileAt(c.proc, r.fd);
  if (!f || !f.access.read) return new SysError('EBADF', 'read');
  return f.ops.read(k, c, f, r.count);
}

function write(k: Kernel, c: Call, r: Req<'write'>): unknown {
  const f = fileAt(c.proc, r.fd);
  if (!f || !f.access.write) return new SysError('EBADF', 'write');
  return f.ops.write(k, c, f, r.data);
}

export const ioCalls = {
  open: (k: Kernel, c: Call, r: Req<'open'>) => {
    const f = openPath(k, c.proc, r.path, r.options);
    return f instanceof SysError ? f : allocFd(c.proc, f);
  },
  close: (k: Kernel, c: Call, r: Req<'close'>) => closeFd(k, c.proc, r.fd),
  dup: (_k: Kernel, c: Call, r: Req<'dup'>) => {
    const f = fileAt(c.proc, r.fd);
    return f ? allocFd(c.proc, f) : new SysError('EBADF', 'dup');
  },
  dup2: (k: Kernel, c: Call, r: Req<'dup2'>) => {
    const f = fileAt(c.proc, r.fd);
    if (!f || r.to < 0 || r.to >= 1024) return new SysError('EBADF', 'dup2');
    if (r.fd === r.to) return r.to;
    if (c.proc.fds[r.to]) closeFd(k, c.proc, r.to);
    installFd(c.proc, r.to, f);
    return r.to;
  },
  pipe: (k: Kernel, c: Call) => {
    const [rd, wr] = makePipe();
    const a = allocFd(c.proc, rd);
    if (a instanceof SysError) return a;
    const b = allocFd(c.proc, wr);
    if (b instanceof SysError) {
      closeFd(k, c.proc, a);
      return b;
    }
    return [a, b];
  },
  read,
  write,
  isatty: (_k: Kernel, c: Call, r: Req<'isatty'>) => fileAt(c.proc, r.fd)?.tty !== undefined,
  fstat: (_k: Kernel, c: Call, r: Req<'fstat'>) => {
    const f = fileAt(c.proc, r.fd);
    if (!f) return new SysError('EBADF', 'fstat');
    const ops = f.ops;
    if (ops.size) return { type: 'file', size: ops.size(), executable: false };
    return { type: ops.kind === 'pipe' || ops.kind === 'host' ? 'fifo' : 'device', size: 0, executable: false };
  },
  stat: (k: Kernel, c: Call, r: Req<'stat'>) => k.fs.stat(normalize(r.path, c.proc.cwd)) ?? new SysError('ENOENT', 'stat'),
  readdir: (k: Kernel, c: Call, r: Req<'readdir'>) => k.fs.readdir(normalize(r.path, c.proc.cwd)) ?? new SysError('ENOTDIR', 'readdir'),
  unlink: (k: Kernel, c: Call, r: Req<'unlink'>) => (k.fs.unlink(normalize(r.path, c.proc.cwd)) ? 0 : new SysError('ENOENT', 'unlink')),
};
