// Output that can never be seen is not parsed (skip.ts), and the emulator ends exactly as if it
// had parsed everything: the screen that skips against an xterm given everything.

import fc from 'fast-check';
import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { renderRow } from '../../../src/ui/pane/row.js';
import { TerminalScreen } from '../../../src/ui/pane/screen.js';
import { findCut, lineFeedsToForget, type QueuedText } from '../../../src/ui/pane/skip.js';
import { useEmojiWidths } from '../../../src/ui/pane/widths.js';
import { plain } from './support.js';

type Op = { write: string } | { resize: [number, number] };

const COLS = 12;
const ROWS = 5;
const SCROLLBACK = 20;

function reference(scrollback = SCROLLBACK): xterm.Terminal {
  const term = new xterm.Terminal({
    cols: COLS, rows: ROWS, scrollback, allowProposedApi: true, reflowCursorLine: true, logLevel: 'off',
  });
  useEmojiWidths(term);
  return term;
}

const written = (term: xterm.Terminal, text: string) => new Promise<void>((resolve) => term.write(text, resolve));

/** Every line of the active buffer, scrollback first, as the pane renders them. */
function screenLines(s: TerminalScreen): string[] {
  const out: string[] = [];
  for (let offset = s.scrollback; offset > 0; offset--) out.push(s.rows(offset, s.cols, 1)[0]!);
  return [...out, ...s.rows(0)];
}

function referenceLines(term: xterm.Terminal): string[] {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const out: string[] = [];
  for (let y = 0; y < buffer.length; y++) out.push(renderRow(buffer.getLine(y), term.cols, cell));
  return out;
}

function expectSame(s: TerminalScreen, term: xterm.Terminal): void {
  expect(screenLines(s)).toEqual(referenceLines(term));
  const buffer = term.buffer.active;
  expect(s.cursor()).toMatchObject({ x: Math.min(buffer.cursorX, term.cols - 1), y: buffer.cursorY });
  expect(s.altScreen).toBe(buffer.type === 'alternate');
}

/** Writes, then probes what the rows alone do not show (wrap state, REP's character, the other buffer, line wrap flags). */
async function expectSameAfterProbes(s: TerminalScreen, term: xterm.Terminal): Promise<void> {
  expectSame(s, term);
  for (const probe of ['Z\x1b[3b', '\x1b[?1049lY']) {
    s.write(probe);
    await Promise.all([s.flushed(), written(term, probe)]);
    expectSame(s, term);
  }
  s.resize(COLS - 3, ROWS + 1); // reflow reads the wrap flags
  term.resize(COLS - 3, ROWS + 1);
  expectSame(s, term);
}

const text = fc
  .array(fc.constantFrom('a', 'b', 'x', ' ', '\t', '中', '😀', 'e\u0301', '\u0301', 'é'), { maxLength: 30 })
  .map((chars) => chars.join(''));
const line = fc.tuple(text, fc.constantFrom('\r\n', '\n', '\r\n', '')).map(([t, end]) => t + end);
// Long plain stretches: where skipping can happen.
const block = fc
  .array(fc.tuple(text, fc.constantFrom('\r\n', '\n', '\r\n')), { minLength: 20, maxLength: 90 })
  .map((lines) => lines.map(([t, end]) => t + end).join(''));
// Lines ended by \n alone: the column is never reset (and no tab evens it out), so nothing may be dropped.
const bareBlock = fc
  .array(fc.array(fc.constantFrom('a', 'b', ' ', '中'), { maxLength: 15 }), { minLength: 20, maxLength: 90 })
  .map((lines) => lines.map((chars) => chars.join('')).join('\n') + '\n');
const sequence = fc.constantFrom(
  '\x1b[31m', '\x1b[44m', '\x1b[1;4m', '\x1b[0m', '\x1b[7m', '\u009b32m', // SGR, one as C1
  '\x1b[H', '\x1b[3;5H', '\x1b[2A', '\x1b[5B', '\x1b[K', '\x1b[2J', '\x1bD', '\x1bM', '\x1bE', // moves, erases
  '\x1b[2;4r', '\x1b[1;3r', '\x1b[3r', '\x1b[r', // scroll regions
  '\x1b[?1049h', '\x1b[?1049l', '\x1b[?47h', '\x1b[?47l', '\x1b[?1047h', // alternate screen
  '\x1b]0;a title\x07', '\x1b]2;title\x1b\\', '\x1b]0;ended by C1 ST\u009c', // OSC
  '\x1b7', '\x1b8', '\x1b[4h', '\x1b[4l', '\x1b[?7l', '\x1b[?7h', '\x1b[?6h', '\x1b[?6l', '\x1b[20h', '\x1b[20l',
  '\x1b(0', '\x1b(B', '\x0e', '\x0f', '\x07', '\x08', '\x0b', '\x1b[3b', '\x1b[!p', '\x1bc',
);
// Odd and incomplete: rarer, as most leave the tracker unsure until a RIS or the next sequence.
const odd = fc.constantFrom('\x1b[1\n;2H', '\x1b[', '\x1b]0;unterminated ', '\x1bPq', '\x1b\\', '\x1b[?1049:1h');
const part = fc.oneof(
  { weight: 3, arbitrary: block },
  { weight: 1, arbitrary: bareBlock },
  { weight: 2, arbitrary: line },
  { weight: 4, arbitrary: sequence },
  { weight: 1, arbitrary: odd },
);
// Short streams that end with plain text after a few sequences: what skipping got wrong would
// scroll away in a long one.
const stream = fc
  .tuple(fc.array(part, { maxLength: 6 }), fc.array(sequence, { maxLength: 3 }), fc.oneof(block, block, bareBlock), fc.array(line, { maxLength: 3 }))
  .map(([parts, sequences, last, lines]) => [...parts, ...sequences, last, ...lines]);

/**
 * The stream's parts in random chunks (splitting surrogate pairs too), with an occasional resize
 * in between. Text is dropped only from the start of a chunk (the queue's head), so chunks often
 * start where a part does.
 */
const ops = fc.tuple(stream, fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 })).map(
  ([parts, sizes, resizes]) => {
    const out: Op[] = [];
    let k = 0;
    for (const part of parts) {
      for (let i = 0; i < part.length; k++) {
        const size = sizes[k % sizes.length]!;
        out.push({ write: part.slice(i, i + size) });
        i += size;
        if (resizes[k] === true && k % 5 === 4) out.push({ resize: [COLS + (k % 3) - 1, ROWS + (k % 2)] });
      }
    }
    return out;
  },
);

describe('skipping output that can never be seen', () => {
  it('the screen ends exactly as an xterm that parsed everything (fast-check)', async () => {
    let runs = 0;
    let skippingRuns = 0;
    await fc.assert(
      fc.asyncProperty(ops, fc.integer({ min: 1, max: 200 }), async (operations, inFlight) => {
        const s = new TerminalScreen({ cols: COLS, rows: ROWS, scrollback: SCROLLBACK, inFlight });
        const term = reference();
        for (const op of operations) if ('write' in op) s.write(op.write); else s.resize(...op.resize);
        await s.flushed();
        for (const op of operations) {
          if ('write' in op) await written(term, op.write);
          else term.resize(...op.resize);
        }
        runs++;
        if (s.skipped > 0) skippingRuns++;
        await expectSameAfterProbes(s, term);
        s.dispose();
        term.dispose();
      }),
      { numRuns: 500 },
    );
    // Not vacuous: a good share of the runs did skip.
    expect(skippingRuns).toBeGreaterThan(runs / 4);
  }, 120_000);

  it('a flood of 200 000 lines skips most of it and ends as parsing it all would', async () => {
    const s = new TerminalScreen({ cols: 40, rows: 10, scrollback: 1000 });
    const term = new xterm.Terminal({ cols: 40, rows: 10, scrollback: 1000, allowProposedApi: true, reflowCursorLine: true, logLevel: 'off' });
    useEmojiWidths(term);
    let flood = '';
    for (let i = 0; i < 200_000; i++) flood += `line ${i} ${'x'.repeat(i % 37)}\r\n`;
    for (let i = 0; i < flood.length; i += 4096) s.write(flood.slice(i, i + 4096));
    s.write('\x1b[32mprompt$ ');
    await s.flushed();
    await written(term, `${flood}\x1b[32mprompt$ `);
    expect(s.skipped).toBeGreaterThan(flood.length / 2);
    expect(s.pending).toBe(0);
    expect(screenLines(s)).toEqual(referenceLines(term));
    expect(plain(s.rows()[9]!).trimEnd()).toBe('prompt$');
    s.dispose();
    term.dispose();
  }, 60_000);

  it('a flood that arrives slower than xterm parses waits a frame at a time, and most of it is skipped', async () => {
    const s = new TerminalScreen({ cols: 40, rows: 10, scrollback: 1000 });
    const term = new xterm.Terminal({ cols: 40, rows: 10, scrollback: 1000, allowProposedApi: true, reflowCursorLine: true, logLevel: 'off' });
    useEmojiWidths(term);
    let flood = '';
    for (let i = 0; i < 100_000; i++) flood += `line ${i} ${'y'.repeat(i % 41)}\r\n`;
    // As a pty delivers it: a read every few ms, slower than xterm would parse it.
    for (let i = 0; i < flood.length; i += 32768) {
      s.write(flood.slice(i, i + 32768));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await s.flushed();
    await written(term, flood);
    expect(s.skipped).toBeGreaterThan(flood.length / 2);
    expect(screenLines(s)).toEqual(referenceLines(term));
    s.dispose();
    term.dispose();
  }, 60_000);

  it('no change notice shows the screen in the midst of the text kept after a cut', async () => {
    // A scrollback so big that xterm parses the kept text in several slices of time, with frames
    // of 1 ms in between.
    const s = new TerminalScreen({ cols: 200, rows: 5, scrollback: 20_000, frameMs: 1 });
    const old = `${'o'.repeat(190)}\r\n`;
    s.write(old.repeat(4) + old.trim() + '\x1b[H'); // long old rows below the cursor
    await s.flushed();
    await new Promise((resolve) => setTimeout(resolve, 5)); // a quiet spell: the next change is told at once
    // The top of the buffer: lines of the flood written over old rows. Parsing everything, only
    // its first lines ever are (the cursor walks down over the old rows once).
    const overwritten = (row: string): boolean => Number(/^n(\d+)/.exec(plain(row))?.[1] ?? -1) >= 10 && row.includes('o'.repeat(20));
    const seen: boolean[] = [];
    s.onChange(() => seen.push(s.rows(s.scrollback, 200, 5).some(overwritten)));
    s.write('a\r\n'); // with xterm: the rest waits, and is cut with the cursor still near the top
    const line = (k: number) => `n${k} ${'x'.repeat(140)}\r\n`;
    for (let i = 0; i < 30_000; i += 100) {
      let lines = '';
      for (let k = i; k < i + 100; k++) lines += line(k);
      s.write(lines);
    }
    await s.flushed();
    expect(s.skipped).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.filter((glitch) => glitch)).toEqual([]);
    s.dispose();
  }, 30_000);

  it('nothing is skipped while a resize waits in the output, nor in text that is not plain', async () => {
    const lines = 'a line\r\n'.repeat(200);
    const resized = new TerminalScreen({ cols: 20, rows: 5, scrollback: 20, inFlight: 10 });
    resized.write('x\r\n'); // with xterm
    resized.write(lines); // waits, with the resize after it
    resized.resize(15, 4);
    resized.write(lines);
    await resized.flushed();
    // A cut in the second copy would drop text parsed at the old size in the first: only the
    // second, after the resize, may lose text.
    expect(resized.skipped).toBeGreaterThan(0);
    expect(resized.skipped).toBeLessThan(lines.length);
    const coloured = new TerminalScreen({ cols: 20, rows: 5, scrollback: 20, inFlight: 10 });
    coloured.write('\x1b[31ma line\x1b[0m\r\n'.repeat(400));
    await coloured.flushed();
    expect(coloured.skipped).toBe(0);
    resized.dispose();
    coloured.dispose();
  });

  it('rows + scrollback + 1 line feeds would not be enough: the cursor may walk over old lines', async () => {
    // P leaves text on every row and the cursor at the top; X moves it to the bottom; K starts
    // with \r and rows + scrollback + 1 line feeds, each after a short text.
    const scrollback = 4;
    const p = 'hello\r\n'.repeat(ROWS - 1) + 'hello\x1b[H';
    const x = '\n'.repeat(ROWS - 1);
    const k = '\r' + 'x\n'.repeat(ROWS + scrollback + 1);
    const all = reference(scrollback);
    const skipped = reference(scrollback);
    await written(all, p + x + k);
    await written(skipped, p + k);
    expect(referenceLines(skipped)).not.toEqual(referenceLines(all));
    // With the bound used, the two agree.
    const enough = '\r' + 'x\n'.repeat(lineFeedsToForget(ROWS, scrollback));
    const all2 = reference(scrollback);
    const skipped2 = reference(scrollback);
    await written(all2, p + x + enough);
    await written(skipped2, p + enough);
    expect(referenceLines(skipped2)).toEqual(referenceLines(all2));
  });
});

describe('findCut', () => {
  const queue = (start: number, ...texts: string[]): QueuedText[] => {
    let end = start;
    return texts.map((text) => ({ text, end: (end += text.length) }));
  };

  it('cuts just after the \\n before the \\r that enough line feeds follow, across pieces', () => {
    const q = queue(100, 'aa\nbb\r\n', 'cc\r\n', 'dd\r\nee');
    // Two line feeds (110, 114) follow the \r at 109; the \n before it is at 106.
    expect(findCut(q, 100, 117, 2)).toBe(107);
    expect(findCut(q, 100, 117, 1)).toBe(111);
    expect(findCut(q, 100, 117, 3)).toBe(103);
  });

  it('finds no cut without enough line feeds, without a \\r, or without a \\n before the \\r', () => {
    expect(findCut(queue(0, 'a\r\nb\r\n'), 0, 6, 3)).toBe(-1);
    expect(findCut(queue(0, 'a\nb\nc\nd\n'), 0, 8, 2)).toBe(-1);
    expect(findCut(queue(0, '\r\n\r\n'), 0, 4, 2)).toBe(-1);
    expect(findCut(queue(0, 'x\n\r\n\r\n'), 0, 6, 2)).toBe(2);
  });

  it('never looks before `from` nor at or after `to`', () => {
    const q = queue(0, 'a\nb\r\nc\r\nd\r\n');
    expect(findCut(q, 2, 11, 3)).toBe(-1); // the \n at 1 is before from
    expect(findCut(q, 0, 11, 3)).toBe(2);
    expect(findCut(q, 0, 10, 3)).toBe(-1); // without the \n at 10, no \r before the third feed
  });
});
