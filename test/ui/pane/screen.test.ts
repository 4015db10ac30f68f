// TerminalScreen: rows rebuilt from the emulated cell buffer, with our own SGR, exact widths,
// the cursor, the alternate screen, resize and scrollback.

import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { scrollIndicator, TerminalScreen } from '../../../src/ui/pane/screen.js';
import { cells, plain, screenWith } from './support.js';

describe('TerminalScreen rows', () => {
  it('draws the 16 colours (normal and bright) as SGR 30-37/90-97 and 40-47/100-107', async () => {
    const s = await screenWith('\x1b[31ma\x1b[92mb\x1b[44mc\x1b[0m\x1b[101md\x1b[0me');
    const row = s.rows()[0]!;
    expect(row.startsWith('\x1b[31ma\x1b[0m\x1b[92mb\x1b[0m\x1b[92;44mc\x1b[0m\x1b[101md\x1b[0me')).toBe(true);
    expect(cells(row)).toBe(20);
  });

  it('draws 256-colour and truecolour foregrounds and backgrounds', async () => {
    const s = await screenWith('\x1b[38;5;200;48;5;17mx\x1b[38;2;1;2;3;48;2;250;251;252my\x1b[0m');
    const row = s.rows()[0]!;
    expect(row).toContain('\x1b[38;5;200;48;5;17mx');
    expect(row).toContain('\x1b[38;2;1;2;3;48;2;250;251;252my');
  });

  it('draws bold, dim, italic, underline, inverse, invisible and strikethrough, and resets at the row end', async () => {
    const s = await screenWith('\x1b[1;2;3;4;7;8;9mz');
    const row = s.rows()[0]!;
    expect(row.startsWith('\x1b[1;2;3;4;7;8;9mz\x1b[0m')).toBe(true);
    expect(row.endsWith(' ')).toBe(true);
  });

  it('a row that ends styled ends with a reset, so no style leaks into what Ink draws next', async () => {
    const s = await screenWith('\x1b[41m\x1b[K'); // erase with a red background fills the row with it
    const row = s.rows()[0]!;
    expect(row.startsWith('\x1b[41m')).toBe(true);
    expect(row.endsWith('\x1b[0m')).toBe(true);
    expect(plain(row)).toBe(' '.repeat(20));
  });

  it('wide characters (CJK, emoji) take two cells and the row stays cols wide', async () => {
    const s = await screenWith('中文ab한', { cols: 10 });
    const row = s.rows()[0]!;
    expect(plain(row)).toBe('中文ab한  ');
    expect(cells(row)).toBe(10);
  });

  it('a wide character that would cross the right edge wraps to the next row', async () => {
    const s = await screenWith('abcd中', { cols: 5 });
    const [first, second] = s.rows();
    expect(plain(first!)).toBe('abcd ');
    expect(plain(second!).startsWith('中')).toBe(true);
    expect(cells(second!)).toBe(5);
  });

  it('combining marks stay with their base character in one cell', async () => {
    const s = await screenWith('e\u0301a\u0308x', { cols: 6 });
    const row = s.rows()[0]!;
    expect(plain(row)).toBe('e\u0301a\u0308x   ');
    expect(cells(row)).toBe(6);
  });

  it('a combining mark with nothing to combine with keeps its column as a blank', async () => {
    const s = await screenWith('\u0300ab', { cols: 5 });
    expect(plain(s.rows()[0]!)).toBe(' ab  ');
  });

  it('a lone zero-width cell right after a wide character keeps its column (found by the fuzz test)', async () => {
    const s = await screenWith('中\x1b[1;3H\u0301b', { cols: 8 });
    const row = s.rows()[0]!;
    expect(plain(row)).toBe('中 b    ');
    expect(cells(row)).toBe(8);
  });

  it('with a measure, characters that join the next cell into one grapheme are replaced (found by the fuzz test)', async () => {
    // U+1193F is a Prepend character: string-width sees it and the blank after it as one.
    for (const text of ['\u{1193f}', 'x\u{1193f}y', '\u{1f1eb}\u{1f1f7}', 'a\u{1f1eb}']) {
      const s = await screenWith(text, { cols: 13, rows: 1, measure: stringWidth });
      expect(cells(s.rows()[0]!)).toBe(13);
    }
  });

  it('with a measure, a cell of several code points is checked too (U+1160 after a letter)', async () => {
    const s = await screenWith('a\u1160b', { cols: 5, measure: stringWidth });
    expect(cells(s.rows()[0]!)).toBe(5);
  });

  it('emoji take two cells, as glibc, string-width and current terminals count them', async () => {
    const s = await screenWith('a😀b🎉c', { cols: 8 });
    const row = s.rows()[0]!;
    expect(plain(row)).toBe('a😀b🎉c ');
    expect(cells(row)).toBe(8);
    expect(s.cursor().x).toBe(7);
  });

  it('with a measure, a character the drawing layer counts otherwise becomes U+FFFD of the emulator width', async () => {
    // ❤ followed by VS16: one cell for xterm, an emoji of two for string-width (Ink).
    const s = await screenWith('a\u2764\ufe0fb', { cols: 6, measure: stringWidth });
    const row = s.rows()[0]!;
    expect(plain(row)).toBe('a\ufffdb   ');
    expect(cells(row)).toBe(6);
  });

  it('invalid UTF-8 in bytes becomes U+FFFD', async () => {
    const s = await screenWith(new Uint8Array([0x61, 0xff, 0xfe, 0x62]), { cols: 6 });
    expect(plain(s.rows()[0]!)).toMatch(/^a\ufffd+b *$/);
  });

  it('a UTF-8 character split between two writes is one character', async () => {
    const bytes = new TextEncoder().encode('é中');
    const s = await screenWith(bytes.subarray(0, 1), { cols: 6 });
    s.write(bytes.subarray(1, 4));
    s.write(bytes.subarray(4));
    await s.flushed();
    expect(plain(s.rows()[0]!)).toBe('é中   ');
  });
});

describe('TerminalScreen construction', () => {
  it('takes its size as an options object or as cols and rows', () => {
    const a = new TerminalScreen({ cols: 30, rows: 7 });
    const b = new TerminalScreen(30, 7);
    expect([a.cols, a.height, b.cols, b.height]).toEqual([30, 7, 30, 7]);
    expect(b.rows()).toHaveLength(7);
  });
});

describe('TerminalScreen cursor', () => {
  it('reports where the program left the cursor', async () => {
    const s = await screenWith('hello\r\nab\x1b[3;5H');
    expect(s.cursor()).toEqual({ x: 4, y: 2, visible: true });
  });

  it('is hidden after DECTCEM reset and shown again after set', async () => {
    const s = await screenWith('\x1b[?25l');
    expect(s.cursor().visible).toBe(false);
    s.write('\x1b[?25h');
    await s.flushed();
    expect(s.cursor().visible).toBe(true);
  });

  it('a full reset (RIS) shows it again', async () => {
    const s = await screenWith('\x1b[?25l\x1bc');
    expect(s.cursor().visible).toBe(true);
  });

  it('never reports a column past the last (pending wrap)', async () => {
    const s = await screenWith('x'.repeat(20));
    expect(s.cursor().x).toBe(19);
  });
});

describe('TerminalScreen alternate screen', () => {
  it('shows the alternate screen while a program uses it and the primary one after', async () => {
    const s = await screenWith('shell$ less\r\n');
    s.write('\x1b[?1049h\x1b[Hfull screen');
    await s.flushed();
    expect(s.altScreen).toBe(true);
    expect(plain(s.rows()[0]!).trimEnd()).toBe('full screen');
    expect(s.scrollback).toBe(0);
    s.write('\x1b[?1049l');
    await s.flushed();
    expect(s.altScreen).toBe(false);
    expect(plain(s.rows()[0]!).trimEnd()).toBe('shell$ less');
  });
});

describe('TerminalScreen resize', () => {
  it('reflows the primary buffer: a long line unwraps when the screen widens', async () => {
    const s = await screenWith('0123456789abcdef', { cols: 10, rows: 4 });
    expect(s.rows().map(plain).slice(0, 2)).toEqual(['0123456789', 'abcdef    ']);
    s.resize(20, 4);
    await s.flushed();
    expect(s.cols).toBe(20);
    expect(plain(s.rows()[0]!)).toBe('0123456789abcdef    ');
    s.resize(8, 4);
    expect(s.rows().map(plain).slice(0, 2)).toEqual(['01234567', '89abcdef']);
    expect(s.rows().every((r) => cells(r) === 8)).toBe(true);
  });

  it('applies a resize after the output written before it', async () => {
    const s = new TerminalScreen({ cols: 10, rows: 3 });
    s.write('0123456789abc');
    s.resize(20, 3); // before xterm parsed the write: the line still wraps at 10, then reflows
    s.write('\r\nafter');
    await s.flushed();
    expect(s.rows().map(plain).map((r) => r.trimEnd())).toEqual(['0123456789abc', 'after', '']);
  });

  it('crops and pads to a pane of another size', async () => {
    const s = await screenWith('\x1b[32mabcdef\x1b[0m', { cols: 6, rows: 2 });
    const narrow = s.rows(0, 3, 1);
    expect(narrow).toEqual(['\x1b[32mabc\x1b[0m']);
    const wide = s.rows(0, 8, 3);
    expect(wide.map(plain)).toEqual(['abcdef  ', '        ', '        ']);
    expect(wide.map(cells)).toEqual([8, 8, 8]);
  });
});

describe('TerminalScreen scrollback', () => {
  it('shows older lines at an offset, clamps it, and says so for the status line', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\r\n');
    const s = await screenWith(lines, { cols: 10, rows: 3 });
    expect(s.scrollback).toBe(7);
    expect(s.rows(0).map(plain).map((r) => r.trimEnd())).toEqual(['line 7', 'line 8', 'line 9']);
    expect(s.rows(2).map(plain).map((r) => r.trimEnd())).toEqual(['line 5', 'line 6', 'line 7']);
    expect(s.rows(100).map(plain).map((r) => r.trimEnd())).toEqual(['line 0', 'line 1', 'line 2']);
    expect(scrollIndicator(s, 0)).toBe('');
    expect(scrollIndicator(s, 2)).toBe('[scrollback -2/7]');
    expect(scrollIndicator(s, 100)).toBe('[scrollback -7/7]');
  });

  it('keeps at most the configured number of lines', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${i}`).join('\r\n');
    const s = await screenWith(lines, { cols: 10, rows: 3, scrollback: 20 });
    expect(s.scrollback).toBe(20);
  });
});

describe('TerminalScreen replies', () => {
  it("offers the emulator's answers (DSR cursor report, DA) to the caller for the program", async () => {
    const s = new TerminalScreen({ cols: 20, rows: 5 });
    const replies: string[] = [];
    s.onReply((r) => replies.push(r));
    s.write('ab\x1b[6n\x1b[c');
    await s.flushed();
    expect(replies).toEqual(['\x1b[1;3R', '\x1b[?1;2c']);
  });
});

describe('TerminalScreen row cache', () => {
  it('renders only the rows that changed since the last frame', async () => {
    const s = await screenWith('a\r\nb\r\nc', { cols: 10, rows: 5 });
    s.rows();
    const before = s.renderStats;
    s.write('\x1b[2;1Hx');
    await s.flushed();
    s.rows();
    const after = s.renderStats;
    expect(after.rendered - before.rendered).toBe(1);
    expect(after.cached - before.cached).toBe(4);
  });

  it('a change of attribute alone is a change', async () => {
    const s = await screenWith('abc', { cols: 5, rows: 1 });
    const first = s.rows()[0];
    s.write('\x1b[H\x1b[1mabc');
    await s.flushed();
    expect(s.rows()[0]).not.toBe(first);
    expect(s.rows()[0]!.startsWith('\x1b[1mabc')).toBe(true);
  });
});
