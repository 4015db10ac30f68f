// DirectPane: the pane's rows written straight to the terminal beside Ink. Read back with a
// second emulator, the outer terminal shows the source screen in the pane's region, Ink's
// panels around it, and the pane survives Ink rewriting the lines it shares with them.

import { describe, expect, it, vi } from 'vitest';
import type { ReactElement } from 'react';
import { DirectPane } from '../../../src/ui/pane/direct.js';
import { FakeTty, outerScreen, plain, screenWith } from './support.js';
import { useInk } from './ink.js';

const { m, mounted } = useInk();

/** A source screen of `cols` x `rows` that has parsed `data`. */
const sourceScreen = (data: string, cols: number, rows: number) => screenWith(data, { cols, rows });

const write = (tty: FakeTty) => (data: string) => void tty.write(data);

describe('DirectPane', () => {
  it('draws the rows in its region, then only the rows that changed', async () => {
    const screen = await sourceScreen('\x1b[32mone\x1b[0m\r\ntwo\r\nthree', 10, 3);
    const tty = new FakeTty(30, 8);
    const direct = new DirectPane(screen, write(tty));
    direct.place({ x: 3, y: 2, width: 10, height: 3 });
    expect(direct.draw()).toBeGreaterThan(0);
    let outer = await outerScreen(tty.chunks.join(''), 30, 8);
    expect(outer.lines.slice(2, 5).map((l) => l.trimEnd())).toEqual(['   one', '   two', '   three']);
    expect(outer.line(2)!.getCell(3)!.getFgColor()).toBe(2);
    // Not focused: the cursor is hidden, and Ink's place kept for Ink (DECSC) until Ink writes.
    expect(tty.chunks.join('')).toMatch(/^\x1b\[\?2026h\x1b7.*\x1b\[\?25l\x1b\[\?2026l$/s);
    expect(direct.draw()).toBe(0);
    screen.write('\x1b[2;1HTWO');
    await screen.flushed();
    const before = tty.chunks.length;
    direct.draw();
    const frame = tty.chunks.slice(before).join('');
    expect(frame.match(/\x1b\[\d+;\d+H/g)).toEqual(['\x1b[4;4H']);
    outer = await outerScreen(tty.chunks.join(''), 30, 8);
    expect(outer.lines.slice(2, 5).map((l) => l.trimEnd())).toEqual(['   one', '   TWO', '   three']);
  });

  it('drawn beside Ink panels through TerminalPane, it survives Ink rewriting the lines they share', async () => {
    const screen = await sourceScreen('\x1b[31mred\x1b[0m line\r\nsecond\r\n$ ', 20, 4);
    const tty = new FakeTty(40, 8);
    const direct = new DirectPane(screen, write(tty));
    const layout = (jobs: string): ReactElement =>
      m.react.createElement(
        m.ink.Box,
        { flexDirection: 'column' },
        m.react.createElement(m.ink.Text, null, 'header'),
        m.react.createElement(
          m.ink.Box,
          { flexDirection: 'row' },
          m.react.createElement(m.pane.TerminalPane, { screen, width: 20, height: 4, focused: true, scrollOffset: 0, direct }),
          m.react.createElement(m.ink.Box, { flexDirection: 'column' }, m.react.createElement(m.ink.Text, null, jobs), m.react.createElement(m.ink.Text, null, 'panel 2')),
        ),
      );
    const app = m.ink.render(layout('[1]+ Running'), {
      stdout: direct.inkStream(tty as unknown as NodeJS.WriteStream),
      patchConsole: false,
      exitOnCtrlC: false,
    });
    mounted.push(app);
    const expected = (jobs: string) => [
      'header',
      `red line            ${jobs}`,
      'second              panel 2',
      '$',
      '',
    ];
    await vi.waitFor(async () => {
      const outer = await outerScreen(tty.chunks.join(''), 40, 8);
      expect(outer.lines.slice(0, 5).map((l) => l.trimEnd())).toEqual(expected('[1]+ Running'));
      expect(outer.cursor).toEqual({ x: 2, y: 3 });
      expect(outer.line(1)!.getCell(0)!.getFgColor()).toBe(1);
    });
    // A panel changes: Ink erases and rewrites its lines, the pane's part of them included.
    const before = tty.chunks.length;
    app.rerender(layout('[1]+ Stopped'));
    await vi.waitFor(async () => {
      const outer = await outerScreen(tty.chunks.join(''), 40, 8);
      expect(outer.lines.slice(0, 5).map((l) => l.trimEnd())).toEqual(expected('[1]+ Stopped'));
    });
    // The pane is drawn again inside Ink's synchronized frame, so it never shows blank.
    const frame = tty.chunks.slice(before);
    const end = frame.indexOf('\x1b[?2026l');
    expect(end).toBeGreaterThan(0);
    // The frame began by giving Ink its cursor back (DECRC); the pane then saved it again and
    // left the cursor at the program's.
    expect(frame.join('')).toMatch(/^\x1b8/);
    expect(frame[end - 1]).toMatch(/^\x1b7\x1b\[2;1H.*red.*\x1b\[4;3H\x1b\[\?25h$/s);
    // The program writes: the pane's rows change without Ink drawing a line.
    screen.write('ls\r\nfile\r\n$ ');
    await screen.flushed();
    await vi.waitFor(async () => {
      const outer = await outerScreen(tty.chunks.join(''), 40, 8);
      expect(outer.lines.slice(1, 5).map((l) => l.slice(0, 20).trimEnd())).toEqual(
        screen.rows().map((r) => plain(r).trimEnd()),
      );
      expect(outer.cursor).toEqual({ x: 2 + 0, y: 1 + 3 });
    });
  });
});
