// The Ink component: drawn by Ink into a fake terminal, read back with a second emulator, it
// shows what the source screen shows (text, colours, the cursor), follows the screen's changes
// and scrollback, and hides the cursor when it is not the pane's to show.

import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import type { ReactElement } from 'react';
import type { TerminalPaneProps } from '../../../src/ui/pane/pane.js';
import { TerminalScreen } from '../../../src/ui/pane/screen.js';
import { columnsOf, FakeTty, outerColumns, outerScreen, plain, screenWith } from './support.js';
import { useInk } from './ink.js';

const { m, mounted } = useInk();

function draw(element: ReactElement, tty: FakeTty): { rerender(e: ReactElement): void } {
  const instance = m.ink.render(element, { stdout: tty as unknown as NodeJS.WriteStream, patchConsole: false, exitOnCtrlC: false });
  mounted.push(instance);
  return instance;
}

function paneOf(screen: TerminalScreen, props: Partial<TerminalPaneProps> = {}): ReactElement {
  return m.react.createElement(m.pane.TerminalPane, {
    screen,
    width: screen.cols,
    height: screen.height,
    focused: true,
    scrollOffset: 0,
    ...props,
  });
}

const sourceScreen = (data: string, cols = 30, rows = 6) => screenWith(data, { cols, rows });

const COLOURED = '\x1b[31mred\x1b[0m \x1b[1;38;5;200mbold\x1b[0m \x1b[48;2;10;20;30mtrue\x1b[0m 中文\r\nsecond 😀 line\r\n$ ';

describe('TerminalPane', () => {
  it('draws the source screen: the outer terminal shows the same text and colours', async () => {
    const screen = await sourceScreen(COLOURED);
    const tty = new FakeTty(40, 10);
    draw(paneOf(screen), tty);
    const outer = await outerScreen(tty.chunks.join(''), 40, 10);
    const expected = screen.rows().map((r) => plain(r).trimEnd());
    expect(outer.lines.slice(0, 6)).toEqual(expected);
    const red = outer.line(0)!.getCell(0)!;
    expect(red.getChars()).toBe('r');
    expect(red.isFgPalette() && red.getFgColor()).toBe(1);
    const bold = outer.line(0)!.getCell(4)!;
    expect(bold.isBold()).toBeTruthy();
    expect(bold.getFgColor()).toBe(200);
    const truecolour = outer.line(0)!.getCell(9)!;
    expect(truecolour.isBgRGB() && truecolour.getBgColor()).toBe((10 << 16) | (20 << 8) | 30);
  });

  it("puts the real cursor at the program's cursor when focused", async () => {
    const screen = await sourceScreen(COLOURED);
    const tty = new FakeTty(40, 10);
    draw(paneOf(screen), tty);
    expect(screen.cursor()).toMatchObject({ x: 2, y: 2 });
    // From the frame after the first layout on, which tells where the pane is.
    await vi.waitFor(async () => {
      const outer = await outerScreen(tty.chunks.join(''), 40, 10);
      expect(outer.cursor).toEqual({ x: 2, y: 2 });
      expect(lastCursorMode(tty)).toBe('shown');
    });
  });

  it('puts the cursor in the right place when the pane is not at the top left (layout measured)', async () => {
    const screen = await sourceScreen(COLOURED);
    const tty = new FakeTty(60, 12);
    const layout = m.react.createElement(
      m.ink.Box,
      { flexDirection: 'column' },
      m.react.createElement(m.ink.Text, null, 'header'),
      m.react.createElement(
        m.ink.Box,
        { flexDirection: 'row' },
        m.react.createElement(m.ink.Box, { width: 12, borderStyle: 'single' }, m.react.createElement(m.ink.Text, null, 'jobs')),
        paneOf(screen),
      ),
    );
    draw(layout, tty);
    await vi.waitFor(async () => {
      const outer = await outerScreen(tty.chunks.join(''), 60, 12);
      expect(outer.cursor).toEqual({ x: 12 + 2, y: 1 + 2 });
      expect(outer.lines[1]!.slice(12).trimEnd()).toBe(plain(screen.rows()[0]!).trimEnd());
    });
  });

  it('hides the cursor when the pane is not focused or the program hides it', async () => {
    const screen = await sourceScreen(COLOURED);
    const tty = new FakeTty(40, 10);
    const app = draw(paneOf(screen, { focused: false }), tty);
    expect(lastCursorMode(tty)).toBe('hidden');
    app.rerender(paneOf(screen, { focused: true }));
    await vi.waitFor(() => expect(lastCursorMode(tty)).toBe('shown'));
    screen.write('\x1b[?25l');
    await screen.flushed();
    await vi.waitFor(() => expect(lastCursorMode(tty)).toBe('hidden'));
  });

  it('follows the screen: new output is drawn without being asked', async () => {
    const screen = await sourceScreen('$ ');
    const tty = new FakeTty(40, 10);
    draw(paneOf(screen), tty);
    screen.write('echo hi\r\nhi\r\n$ ');
    await screen.flushed();
    await vi.waitFor(async () => {
      const outer = await outerScreen(tty.chunks.join(''), 40, 10);
      expect(outer.lines.slice(0, 3)).toEqual(['$ echo hi', 'hi', '$']);
      expect(outer.cursor).toEqual({ x: 2, y: 2 });
    });
  });

  it('shows older lines when scrolled back, and no cursor there', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\r\n');
    const screen = await sourceScreen(lines, 20, 4);
    const tty = new FakeTty(30, 8);
    const app = draw(paneOf(screen, { scrollOffset: 5 }), tty);
    const outer = await outerScreen(tty.chunks.join(''), 30, 8);
    expect(outer.lines.slice(0, 4)).toEqual(['line 11', 'line 12', 'line 13', 'line 14']);
    expect(lastCursorMode(tty)).toBe('hidden');
    app.rerender(paneOf(screen, { scrollOffset: 0 }));
    await vi.waitFor(async () => {
      const live = await outerScreen(tty.chunks.join(''), 30, 8);
      expect(live.lines.slice(0, 4)).toEqual(['line 16', 'line 17', 'line 18', 'line 19']);
      expect(lastCursorMode(tty)).toBe('shown');
    });
  });

  it("tells the screen what a frame cost, so the screen's frames follow it", async () => {
    const screen = await sourceScreen(COLOURED);
    const noted: number[] = [];
    const note = screen.noteFrameCost.bind(screen);
    screen.noteFrameCost = (ms: number) => {
      noted.push(ms);
      note(ms);
    };
    draw(paneOf(screen), new FakeTty(40, 10));
    expect(noted.length).toBeGreaterThanOrEqual(1);
    expect(noted.every((ms) => ms > 0)).toBe(true);
  });

  it("hostile output drawn by Ink leaves the outer terminal's state alone (modes, title, clipboard, screen)", async () => {
    const hostile =
      '\x1b]52;c;aGVsbG8=\x07\x1b]0;pwned\x07\x1bP$qm\x1b\\\x1b[?1000h\x1b[?1006h\x1b[?2004h\x1b[?1h\x1b=' +
      '\x1b[?1049h\x1b[6n\x1b[c\x1b[>c\x1b[21t\x07\u009b31m\x0e\x7fevil\x0f\r\n';
    const screen = await sourceScreen(hostile);
    expect(screen.altScreen).toBe(true);
    const tty = new FakeTty(40, 10);
    draw(paneOf(screen), tty);
    const written = tty.chunks.join('');
    const outer = await outerScreen('', 40, 10);
    const titles: string[] = [];
    const answers: string[] = [];
    outer.term.onTitleChange((t) => titles.push(t));
    outer.term.onData((d) => answers.push(d));
    await new Promise<void>((resolve) => outer.term.write(written, resolve));
    const modes = outer.term.modes;
    expect(modes.bracketedPasteMode).toBe(false);
    expect(modes.applicationCursorKeysMode).toBe(false);
    expect(modes.applicationKeypadMode).toBe(false);
    expect(modes.mouseTrackingMode).toBe('none');
    expect(outer.term.buffer.active.type).toBe('normal');
    expect(titles).toEqual([]);
    expect(answers).toEqual([]);
    expect(written).not.toMatch(/\x1b\]|\x1bP|\u009b|\x07/);
    expect(outer.term.buffer.active.getLine(0)!.translateToString(true)).toBe('evil');
  });

  it('whatever the program wrote, the outer terminal shows the source screen cell for cell (fast-check)', async () => {
    const cols = 16;
    const rows = 4;
    const piece = fc.oneof(
      fc.constantFrom('\x1b[31m', '\x1b[1;4;7m', '\x1b[0m', '\r\n', '\x1b[H', '\x1b[2;5H', '中文', '😀', 'e\u0301', '\u{1193f}', '🇫🇷', '\x1b]0;t\x07'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 20 }), async (pieces) => {
        const screen = new TerminalScreen({ cols, rows, measure: stringWidth });
        screen.write(pieces.join(''));
        await screen.flushed();
        const tty = new FakeTty(cols + 4, rows + 2);
        const app = m.ink.render(paneOf(screen), { stdout: tty as unknown as NodeJS.WriteStream, patchConsole: false, exitOnCtrlC: false });
        const outer = await outerScreen(tty.chunks.join(''), cols + 4, rows + 2);
        app.unmount();
        // The same text, and every printable ASCII character in the same column, as a current
        // terminal lays out our rows (terminals split some clusters, a space and a spacing mark
        // say, into cells otherwise than string-width does: the rest is compared as text).
        // Ink trims trailing whitespace, U+2000 and U+3000 included: blank either way.
        const drawn = Array.from({ length: rows }, (_, y) => blanks(outerColumns(outer.line(y), cols)));
        const source = screen.rows().map((r) => blanks(columnsOf(r)));
        const ascii = (row: string[]) => row.map((c) => (/^[\x21-\x7e]$/.test(c) ? c : '#')).join('');
        expect(drawn.map((r) => r.join(''))).toEqual(source.map((r) => r.join('')));
        expect(drawn.map(ascii)).toEqual(source.map(ascii));
        screen.dispose();
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('a mark that begins a cell right after a colour change survives Ink (its tokenizer dropped it; found by the fuzz test)', async () => {
    const screen = await sourceScreen('\x1b[31m\u1bea\x1b[0mab', 6, 1);
    const tty = new FakeTty(10, 3);
    draw(paneOf(screen), tty);
    const outer = await outerScreen(tty.chunks.join(''), 10, 3);
    expect(outerColumns(outer.line(0), 6).join('')).toBe('\ufffdab   ');
  });

  it('a pane larger than the screen (mid-resize) pads, a smaller one crops', async () => {
    const screen = await sourceScreen('0123456789abcdef', 16, 2);
    const tty = new FakeTty(40, 10);
    const app = draw(paneOf(screen, { width: 10, height: 1 }), tty);
    let outer = await outerScreen(tty.chunks.join(''), 40, 10);
    expect(outer.lines.slice(0, 2)).toEqual(['0123456789', '']);
    app.rerender(
      m.react.createElement(m.ink.Box, { flexDirection: 'row' }, paneOf(screen, { width: 20, height: 3 }), m.react.createElement(m.ink.Text, null, '|')),
    );
    await vi.waitFor(async () => {
      outer = await outerScreen(tty.chunks.join(''), 40, 10);
      expect(outer.lines.slice(0, 3)).toEqual(['0123456789abcdef    |', '', '']);
    });
  });
});

describe("Ink's drawing of a screen-high output (what the lead's layout should know)", () => {
  // Ink (m.ink.js, onRender) clears the whole terminal (ESC[2J ESC[3J ESC[H) and writes every line
  // on every frame once its output is as high as the terminal; one line less, it erases its
  // lines and writes them again, without the clear.
  /** Draws a pane of `paneRows` on a 6-row terminal, then types `x`: what Ink wrote since, and what shows. */
  async function typed(paneRows: number, incremental: boolean) {
    const screen = await sourceScreen('a\r\nb\r\n$ ', 20, paneRows);
    const tty = new FakeTty(30, 6);
    const app = m.ink.render(paneOf(screen), {
      stdout: tty as unknown as NodeJS.WriteStream,
      patchConsole: false,
      exitOnCtrlC: false,
      incrementalRendering: incremental,
    });
    mounted.push(app);
    // The cursor is placed from the second frame on (after the first layout).
    await vi.waitFor(() => expect(lastCursorMode(tty)).toBe('shown'));
    const before = tty.chunks.length;
    screen.write('x');
    await screen.flushed();
    const since = () => tty.chunks.slice(before).join('');
    const outer = () => outerScreen(tty.chunks.join(''), 30, 6);
    return { since, outer, screen };
  }

  it('as high as the terminal: every frame clears the whole terminal and its scrollback', async () => {
    const { since } = await typed(6, false);
    await vi.waitFor(() => expect(since()).toContain('\x1b[2J\x1b[3J\x1b[H'));
  });

  it('one line less: no clear, and the frame lands where it should', async () => {
    const { since, outer, screen } = await typed(5, false);
    await vi.waitFor(async () => {
      const o = await outer();
      expect(o.lines.slice(0, 3)).toEqual(['a', 'b', '$ x']);
      expect(o.cursor).toEqual({ x: screen.cursor().x, y: screen.cursor().y });
    });
    expect(since()).not.toContain('\x1b[2J');
  });

  // A canary: when it fails, Ink's incremental mode has been fixed and is worth using (a frame
  // of one changed line is then one line of output instead of all of them).
  it("Ink 6.8's incrementalRendering writes a changed line one row too low", async () => {
    const { since, outer } = await typed(5, true);
    await vi.waitFor(async () => expect((await outer()).lines.slice(0, 4)).toEqual(['a', 'b', '$', '$ x']));
    expect(since()).not.toContain('\x1b[2J');
  });
});

/** Whitespace of any kind as plain blanks, the columns a wide one covers included. */
function blanks(columns: string[]): string[] {
  let inBlank = false;
  return columns.map((c) => {
    inBlank = /^\s+$/u.test(c) || (c === '' && inBlank);
    return inBlank ? ' ' : c;
  });
}

/** Whether the last cursor-visibility sequence written to the terminal shows or hides it. */
function lastCursorMode(tty: FakeTty): 'shown' | 'hidden' | 'none' {
  const all = tty.chunks.join('');
  const shown = all.lastIndexOf('\x1b[?25h');
  const hidden = all.lastIndexOf('\x1b[?25l');
  if (shown === -1 && hidden === -1) return 'none';
  return shown > hidden ? 'shown' : 'hidden';
}
