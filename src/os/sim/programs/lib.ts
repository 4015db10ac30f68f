// What the simulated programs share, as a small C library would give it to them: writing text
// to a descriptor, sleeping through signal handlers, reading a line, parsing numbers and
// signal names. Nothing here throws: errors come back as SysError values, like errno.

import * as sys from '../sys.js';
import type { Code } from '../types.js';

export { SysError } from '../sys.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export const decode = (bytes: Uint8Array): string => decoder.decode(bytes);
export const encode = (text: string): Uint8Array => encoder.encode(text);

/** The name a program calls itself in messages: argv[0] without its directory, as most tools do. */
export function progName(argv: readonly string[], fallback: string): string {
  const a0 = argv[0] ?? fallback;
  const slash = a0.lastIndexOf('/');
  return slash >= 0 ? a0.slice(slash + 1) : a0;
}

/** write(2) all of `data`, retrying short writes and EINTR; the first other error ends it. */
export function* writeAll(fd: number, data: Uint8Array | string): Code<0 | sys.SysError> {
  let bytes = typeof data === 'string' ? encode(data) : data;
  while (bytes.length > 0) {
    const n = yield* sys.write(fd, bytes);
    if (n instanceof sys.SysError) {
      if (n.errno === 'EINTR') continue;
      return n;
    }
    bytes = bytes.subarray(n);
  }
  return 0;
}

export const out = (text: string) => writeAll(1, text);
export const err = (text: string) => writeAll(2, text);

/** Sleeps `ms` of virtual time, going back to sleep after signal handlers as nanosleep with its remainder does. */
export function* sleepFor(ms: number): Code<void> {
  const deadline = (yield* sys.time()) + ms;
  for (;;) {
    const left = deadline - (yield* sys.time());
    if (left <= 0) return;
    const r = yield* sys.sleep(left);
    if (!(r instanceof sys.SysError)) return;
  }
}

/** Sleeps in steps of at most one second, as the shell lab's myspin does. */
export function* sleepSteps(seconds: number): Code<void> {
  let left = seconds;
  while (left > 0) {
    const step = Math.min(left, 1);
    yield* sleepFor(step * 1000);
    left -= step;
  }
}

/** strtod for a plain non-negative decimal ("2", "0.25", ".5"); undefined for anything else. */
export function parseDecimal(text: string): number | undefined {
  if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Reads one line from `fd` a byte at a time, as a shell's `read` does so that what follows the
 * line stays for the next reader; EINTR ends it only when `interrupted` says so. Returns the line without its newline and whether a newline
 * (rather than end of file) ended it.
 */
export function* readLine(fd: number, interrupted: () => boolean = () => false): Code<{ line: string; newline: boolean } | sys.SysError> {
  const bytes: number[] = [];
  for (;;) {
    const r = yield* sys.read(fd, 1);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR' && !interrupted()) continue;
      return r;
    }
    if (r.length === 0) return { line: decode(Uint8Array.from(bytes)), newline: false };
    if (r[0] === 10) return { line: decode(Uint8Array.from(bytes)), newline: true };
    bytes.push(r[0]!);
  }
}

/** Reads until end of file (or an error other than EINTR). */
export function* readAll(fd: number): Code<Uint8Array | sys.SysError> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const r = yield* sys.read(fd, 65536);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      return r;
    }
    if (r.length === 0) break;
    parts.push(r);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** The value of NAME in an environment list, or undefined. */
export function getenv(env: readonly string[], name: string): string | undefined {
  const prefix = `${name}=`;
  for (const e of env) if (e.startsWith(prefix)) return e.slice(prefix.length);
  return undefined;
}

/** One line on standard output. */
export const say = (line: string) => writeAll(1, `${line}\n`);

/** Waits (in 10 ms steps of virtual time) until `pid` shows `state` in the process table. */
export function* waitForState(pid: number, state: 'Z' | 'T' | 'S'): Code<boolean> {
  for (let i = 0; i < 10000; i++) {
    const p = (yield* sys.procs()).find((q) => q.pid === pid);
    if (!p) return false;
    if (p.state === state) return true;
    yield* sys.sleep(10);
  }
  return false;
}
