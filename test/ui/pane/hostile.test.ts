// Hostile output never escapes the pane: whatever the program writes, the rows hold only our
// SGR and printable text, exactly cols cells each, and nothing throws.

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import stringWidth from 'string-width';
import { TerminalScreen } from '../../../src/ui/pane/screen.js';
import { cells, onlySgrAndText, plain, screenWith } from './support.js';

/** Every ESC in a row starts one of our SGR sequences. */
function onlySgrEscapes(row: string): boolean {
  return row.replace(/\x1b\[[0-9;]*m/g, '').indexOf('\x1b') === -1;
}

function expectSafe(screen: TerminalScreen, cols: number): void {
  for (const offset of [0, 1, 1000]) {
    for (const row of screen.rows(offset)) {
      expect(onlySgrEscapes(row)).toBe(true);
      expect(onlySgrAndText(row)).toBe(true);
      expect(cells(row)).toBe(cols);
    }
  }
}

// Sequences aimed at the outer terminal: if any of them reached it, it would change its state.
const AIMED_AT_THE_OUTER_TERMINAL = {
  'OSC 52 clipboard': '\x1b]52;c;aGVsbG8=\x07',
  'OSC 0/2 title': '\x1b]0;pwned\x07\x1b]2;pwned\x1b\\',
  'OSC 8 hyperlink': '\x1b]8;;http://example.com\x1b\\link\x1b]8;;\x1b\\',
  DECRQSS: '\x1bP$qm\x1b\\',
  'DCS tmux passthrough': '\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\',
  'mouse modes': '\x1b[?1000h\x1b[?1002h\x1b[?1006h\x1b[?1015h',
  'bracketed paste': '\x1b[?2004h',
  'alt screen switch': '\x1b[?1049h\x1b[?47h\x1b[?1047h',
  'cursor keys mode': '\x1b[?1h\x1b=',
  'window ops': '\x1b[8;100;300t\x1b[21t\x1b[14t',
  'C1 controls as UTF-8': '\u009b31m\u009d0;t\u009c\u0090x\u009c',
  'raw C0': '\x00\x01\x05\x07\x08\x0e\x0f\x7f',
  'kitty keyboard': '\x1b[>1u\x1b[?u',
};

// Whatever the output, the emulator never writes to the console: that is the UI's terminal.
let consoleSpies: MockInstance[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
});
afterEach(() => {
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

describe('hostile output', () => {
  for (const [name, sequence] of Object.entries(AIMED_AT_THE_OUTER_TERMINAL)) {
    it(`${name} never reaches the rows`, async () => {
      const s = await screenWith(`a${sequence}b\r\n`, { cols: 20, rows: 4 });
      expectSafe(s, 20);
      s.write(`\x1b[?1049l\x1b[?47l`);
      await s.flushed();
      expectSafe(s, 20);
    });
  }

  it('the emulator never writes to the console: that would land on the UI (xterm logs parsing errors)', async () => {
    const s = await screenWith(`a${AIMED_AT_THE_OUTER_TERMINAL['raw C0']}b\r\n`);
    expectSafe(s, 20);
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });

  it('the cursor keys mode a program sets is its own: the outer terminal is not asked to change', async () => {
    const s = await screenWith('\x1b[?1h');
    expect(s.rows().join('')).not.toContain('?1h');
  });

  it('random bytes never throw and leave only SGR, text and exact widths (fast-check)', async () => {
    const cols = 17;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), async (chunks) => {
        const s = new TerminalScreen({ cols, rows: 4, scrollback: 10, measure: stringWidth });
        for (const chunk of chunks) s.write(chunk);
        await s.flushed();
        expectSafe(s, cols);
        s.dispose();
      }),
      { numRuns: 200 },
    );
  });

  it('random escape-heavy text never throws and leaves only SGR, text and exact widths (fast-check)', async () => {
    const cols = 13;
    const piece = fc.oneof(
      fc.constantFrom(...Object.values(AIMED_AT_THE_OUTER_TERMINAL), '\x1b[', '\x1b]', '\x1bP', '\r\n', '\x1b[2J', '\x1b[?25l'),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), async (pieces) => {
        const s = new TerminalScreen({ cols, rows: 3, scrollback: 10, measure: stringWidth });
        s.write(pieces.join(''));
        await s.flushed();
        expectSafe(s, cols);
        s.dispose();
      }),
      { numRuns: 200 },
    );
  });

  it('an endless line (1 MB without a newline) renders', async () => {
    const s = await screenWith('x'.repeat(1 << 20), { cols: 80, rows: 24, scrollback: 100 });
    expectSafe(s, 80);
    // 2^20 = 13107 rows of 80 and 16 more on the cursor's row.
    expect(s.rows().map(plain).slice(22)).toEqual(['x'.repeat(80), 'x'.repeat(16).padEnd(80)]);
  });
});
