// File descriptors and the file system through node:fs (and the addon's writes that never
// block), with failures as OsError. Every fd Node opens is close-on-exec, which is what the
// shell wants: children get fds only through their spawn request's fd map.

import * as fs from 'node:fs';
import type { FileInfo, OpenMode } from '../port.js';
import { toOsError, sys } from './errors.js';
import type { NativeAddon } from './native.js';
import { whenReady } from './reading.js';

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;

const OPEN_FLAGS: Record<OpenMode, number> = {
  read: O_RDONLY,
  write: O_WRONLY | O_CREAT | O_TRUNC,
  append: O_WRONLY | O_CREAT | O_APPEND,
  // `<>` in bash creates a missing file.
  readwrite: O_RDWR | O_CREAT,
};

export function openFile(path: string, mode: OpenMode): number {
  return sys('open', () => fs.openSync(path, OPEN_FLAGS[mode], 0o666));
}

export function closeFd(fd: number): void {
  sys('close', () => fs.closeSync(fd));
}

export function isOpen(fd: number): boolean {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

function writeOnce(fd: number, data: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    fs.write(fd, data, 0, data.length, null, (err, n) => (err ? reject(err) : resolve(n)));
  });
}

/**
 * Writes all of data: into a pipe or a socket as much as it takes at once, waiting on the
 * event loop while it is full (no thread of the pool is held, and the description is left
 * as blocking or not as it was, trap 3); into anything else (a terminal, a file) on libuv's
 * thread pool.
 */
export async function writeAll(native: NativeAddon, fd: number, data: string | Uint8Array): Promise<void> {
  let rest = typeof data === 'string' ? Buffer.from(data) : data;
  while (rest.length > 0) {
    const took = sys('write', () => native.writeSome(fd, rest));
    if (typeof took === 'number') rest = rest.subarray(took);
    else if (took === 'wait') await whenReady(native, fd, 'write');
    else rest = rest.subarray(await writeOnPool(native, fd, rest));
  }
}

/** One write(2) on the pool; an fd someone else made non-blocking is waited for (trap 3). */
async function writeOnPool(native: NativeAddon, fd: number, data: Uint8Array): Promise<number> {
  for (;;) {
    try {
      return await writeOnce(fd, data);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw toOsError(err, 'write');
      await whenReady(native, fd, 'write').catch(() => {});
    }
  }
}

export function statFile(path: string): FileInfo | null {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(path, { throwIfNoEntry: false });
  } catch {
    return null; // EACCES, ENOTDIR, ELOOP: there is nothing the shell can use there
  }
  if (st === undefined) return null;
  const type = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
  return { type, executable: accessible(path, fs.constants.X_OK) };
}

function accessible(path: string, mode: number): boolean {
  try {
    fs.accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

export function readDir(path: string): string[] {
  return sys('opendir', () => fs.readdirSync(path));
}

export function readText(path: string): string {
  return sys('open', () => fs.readFileSync(path, 'utf8'));
}

export function writeText(path: string, data: string, append: boolean): void {
  sys('open', () => fs.writeFileSync(path, data, { flag: append ? 'a' : 'w' }));
}

export function realPath(path: string): string {
  return sys('realpath', () => fs.realpathSync.native(path));
}

export function changeDir(path: string): void {
  sys('chdir', () => process.chdir(path));
}
