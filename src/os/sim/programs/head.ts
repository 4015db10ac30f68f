// head(1) from GNU coreutils: the first N lines (-n N, the old -N) or bytes (-c N) of each
// FILE; a negative N prints all but the last N. Several files get "==> name <==" headers.

import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { getopt, usageError } from './getopt.js';
import { err, readAll, writeAll } from './lib.js';

interface Amount {
  readonly unit: 'lines' | 'bytes';
  /** How many to print, or (when allBut) how many to leave out at the end. */
  readonly count: number;
  readonly allBut: boolean;
}

const SUFFIX: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, kB: 1000, M: 1024 ** 2, MB: 1000 ** 2, G: 1024 ** 3, GB: 1000 ** 3 };

function parseAmount(text: string, unit: Amount['unit']): Amount | undefined {
  const m = /^([-+]?)(\d+)([a-zA-Z]*)$/.exec(text);
  if (!m || SUFFIX[m[3]!] === undefined) return undefined;
  return { unit, count: Number(m[2]) * SUFFIX[m[3]!]!, allBut: m[1] === '-' };
}

/** The end of what to print in `data` (lines counted by \n), for a positive amount. */
function prefixLength(data: Uint8Array, amount: Amount, already: number): { end: number; seen: number } {
  if (amount.unit === 'bytes') return { end: Math.min(data.length, amount.count - already), seen: already + data.length };
  let seen = already;
  for (let i = 0; i < data.length; i++) {
    if (seen >= amount.count) return { end: i, seen };
    if (data[i] === 10) seen++;
  }
  return { end: data.length, seen };
}

/** Copies the head of fd; returns the read or write error that stopped it. */
function* headOf(fd: number, amount: Amount): Code<{ op: 'read' | 'write'; error: sys.SysError } | null> {
  if (amount.allBut) {
    const all = yield* readAll(fd);
    if (all instanceof sys.SysError) return { op: 'read', error: all };
    let end = all.length - amount.count;
    if (amount.unit === 'lines') {
      let left = amount.count;
      end = all.length;
      if (end > 0 && all[end - 1] !== 10 && left > 0) {
        while (end > 0 && all[end - 1] !== 10) end--;
        left--;
      }
      for (; left > 0 && end > 0; left--) {
        end--;
        while (end > 0 && all[end - 1] !== 10) end--;
      }
    }
    const w = yield* writeAll(1, all.subarray(0, Math.max(0, end)));
    return w instanceof sys.SysError ? { op: 'write', error: w } : null;
  }
  let seen = 0;
  while (seen < amount.count) {
    const r = yield* sys.read(fd, 4096);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      return { op: 'read', error: r };
    }
    if (r.length === 0) return null;
    const cut = prefixLength(r, amount, seen);
    seen = cut.seen;
    const w = yield* writeAll(1, r.subarray(0, cut.end));
    if (w instanceof sys.SysError) return { op: 'write', error: w };
  }
  return null;
}

/** Turns the obsolete `-N` first argument into `-n N`, as GNU head does. */
function modernize(args: readonly string[]): string[] {
  const first = args[0];
  if (first !== undefined && /^-\d+$/.test(first)) return ['-n', first.slice(1), ...args.slice(1)];
  return [...args];
}

export const head: Program = function* (argv) {
  const prog = argv[0] ?? 'head';
  const parsed = getopt(prog, modernize(argv.slice(1)), {
    short: 'n:c:qv',
    long: { lines: ['n', true], bytes: ['c', true], quiet: ['q', false], silent: ['q', false], verbose: ['v', false] },
  });
  if (typeof parsed === 'string') return yield* usageError(prog, parsed);
  let amount: Amount = { unit: 'lines', count: 10, allBut: false };
  let headers: boolean | undefined;
  for (const o of parsed.options) {
    if (o.name === 'q' || o.name === 'v') {
      headers = o.name === 'v';
      continue;
    }
    const unit = o.name === 'n' ? 'lines' : 'bytes';
    const a = parseAmount(o.value!, unit);
    if (!a) {
      yield* err(`${prog}: invalid number of ${unit}: '${o.value}'\n`);
      return 1;
    }
    amount = a;
  }
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const showHeaders = headers ?? files.length > 1;
  let status = 0;
  let first = true;
  for (const file of files) {
    let fd = 0;
    if (file !== '-') {
      const opened = yield* sys.open(file, { read: true });
      if (opened instanceof sys.SysError) {
        yield* err(`${prog}: cannot open '${file}' for reading: ${opened.reason}\n`);
        status = 1;
        continue;
      }
      fd = opened;
    }
    const name = file === '-' ? 'standard input' : file;
    if (showHeaders) yield* writeAll(1, `${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
    const failed = yield* headOf(fd, amount);
    if (fd !== 0) yield* sys.close(fd);
    if (failed?.op === 'write') {
      yield* err(`${prog}: error writing 'standard output': ${failed.error.reason}\n`);
      return 1;
    }
    if (failed) {
      yield* err(`${prog}: error reading '${name}': ${failed.error.reason}\n`);
      status = 1;
    }
  }
  return status;
};
