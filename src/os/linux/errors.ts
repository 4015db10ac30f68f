// Turns failures of the addon and of Node's fs calls into OsError, with glibc's strerror
// text (the shell prints "No such file or directory", not Node's "no such file or directory").

import { constants } from 'node:os';
import { OsError } from '../port.js';
import { loadNative } from './native.js';

const errnoByName = constants.errno as Record<string, number | undefined>;

/** glibc's text for an errno name, e.g. 'ENOENT' -> 'No such file or directory'. */
export function errnoText(code: string): string {
  const n = errnoByName[code];
  return n === undefined ? code : loadNative().strerror(n);
}

export function makeOsError(code: string, syscall: string): OsError {
  return new OsError(code, errnoText(code), syscall);
}

interface ErrnoLike {
  code?: unknown;
  syscall?: unknown;
}

/**
 * The OsError for an error thrown by the addon or by node:fs, or the error itself when it
 * is not a system call failure (a bug, which must not be disguised as ENOENT and the like).
 */
export function toOsError(err: unknown, syscall: string): unknown {
  if (err instanceof OsError) return err;
  const e = err as ErrnoLike | null;
  if (e === null || typeof e !== 'object' || typeof e.code !== 'string') return err;
  if (errnoByName[e.code] === undefined) return err;
  return makeOsError(e.code, typeof e.syscall === 'string' ? e.syscall : syscall);
}

/** Runs a system call, translating its failure into an OsError. */
export function sys<T>(syscall: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw toOsError(err, syscall);
  }
}
