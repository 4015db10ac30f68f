// wc(1) from GNU coreutils: lines, words and bytes (-l -w -c, -m for characters; all of l, w, c
// by default) of each FILE, with a total for several, in GNU's column widths: 1 for a single
// count of a single input, else wide enough for the total size of the regular files and at
// least 7 when an input is not a regular file (standard input, a terminal, a pipe).

import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { getopt, usageError } from './getopt.js';
import { err, writeAll } from './lib.js';

type Counts = [lines: number, words: number, chars: number, bytes: number];
const KEYS = ['l', 'w', 'm', 'c'] as const;

const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);

/** Counts fd to its end; the counts so far and the read error that stopped them, if any. */
function* count(fd: number): Code<{ counts: Counts; error: sys.SysError | null }> {
  const counts: Counts = [0, 0, 0, 0];
  let inWord = false;
  for (;;) {
    const r = yield* sys.read(fd, 65536);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      return { counts, error: r };
    }
    if (r.length === 0) return { counts, error: null };
    for (const b of r) {
      if (b === 10) counts[0]++;
      if ((b & 0xc0) !== 0x80) counts[2]++;
      const space = isSpace(b);
      if (!space && !inWord) counts[1]++;
      inWord = !space;
    }
    counts[3] += r.length;
  }
}

interface Input {
  readonly name: string | null;
  readonly regularSize: number | null;
  readonly failed: boolean;
}

function numberWidth(inputs: readonly Input[], selected: number): number {
  if (selected === 1 && inputs.length === 1) return 1;
  if (inputs.length === 0 || inputs[0]!.failed) return 1;
  let minimum = 1;
  let total = 0;
  for (const i of inputs) {
    if (i.failed) continue;
    if (i.regularSize === null) minimum = 7;
    else total += i.regularSize;
  }
  return Math.max(minimum, String(total).length);
}

export const wc: Program = function* (argv) {
  const prog = argv[0] ?? 'wc';
  const parsed = getopt(prog, argv.slice(1), {
    short: 'clmw',
    long: { bytes: ['c', false], chars: ['m', false], lines: ['l', false], words: ['w', false] },
  });
  if (typeof parsed === 'string') return yield* usageError(prog, parsed);
  let wanted = new Set(parsed.options.map((o) => o.name));
  if (wanted.size === 0) wanted = new Set(['l', 'w', 'c']);
  const show = KEYS.map((k) => wanted.has(k));
  const names = parsed.operands.length > 0 ? parsed.operands : [null];
  const inputs: Input[] = [];
  for (const name of names) {
    if (name === null || name === '-') {
      // Standard input redirected from a file counts as that file (`wc < f`), as GNU's fstat does.
      const st = yield* sys.fstat(0);
      inputs.push({ name, regularSize: !(st instanceof sys.SysError) && st.type === 'file' ? st.size : null, failed: false });
      continue;
    }
    const st = yield* sys.stat(name);
    if (st instanceof sys.SysError) inputs.push({ name, regularSize: null, failed: true });
    else inputs.push({ name, regularSize: st.type === 'file' ? st.size : null, failed: false });
  }
  const width = numberWidth(inputs, show.filter(Boolean).length);
  const line = (c: Counts, name: string | null) =>
    `${c.filter((_, i) => show[i]).map((n) => String(n).padStart(width)).join(' ')}${name === null ? '' : ` ${name}`}\n`;
  const total: Counts = [0, 0, 0, 0];
  let status = 0;
  for (const input of inputs) {
    let fd = 0;
    if (input.name !== null && input.name !== '-') {
      const opened = yield* sys.open(input.name, { read: true });
      if (opened instanceof sys.SysError) {
        yield* err(`${prog}: ${input.name}: ${opened.reason}\n`);
        status = 1;
        continue;
      }
      fd = opened;
    }
    const r = yield* count(fd);
    if (fd !== 0) yield* sys.close(fd);
    if (r.error) {
      yield* err(`${prog}: ${input.name ?? 'standard input'}: ${r.error.reason}\n`);
      status = 1;
    }
    r.counts.forEach((n, i) => (total[i] += n));
    yield* writeAll(1, line(r.counts, input.name));
  }
  if (inputs.length > 1) yield* writeAll(1, line(total, 'total'));
  return status;
};
