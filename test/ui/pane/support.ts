// Shared pieces of the pane's tests: a screen fed and flushed in one call, rows stripped of
// their SGR, a cell counter, and a fake TTY that Ink draws into, read back by a second
// @xterm/headless terminal as a person would see it.

import { Writable } from 'node:stream';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { TerminalScreen, type ScreenOptions } from '../../../src/ui/pane/screen.js';
import { useEmojiWidths } from '../../../src/ui/pane/widths.js';

/** A screen that has parsed `data`. */
export async function screenWith(data: string | Uint8Array, options: Partial<ScreenOptions> = {}): Promise<TerminalScreen> {
  const screen = new TerminalScreen({ cols: 20, rows: 5, ...options });
  screen.write(data);
  await screen.flushed();
  return screen;
}

export const SGR = /\x1b\[[0-9;]*m/g;

export function plain(row: string): string {
  return row.replace(SGR, '');
}

/** Columns a row takes as Ink counts them (string-width ignores SGR). */
export function cells(row: string): number {
  return stringWidth(row);
}

/** What a row may hold: SGR sequences and printable text, nothing else. */
export function onlySgrAndText(row: string): boolean {
  return !/[\x00-\x1f\x7f-\x9f]/.test(row.replace(SGR, ''));
}

/** A stdout that says it is a terminal of the given size and keeps what is written to it. */
export class FakeTty extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  readonly chunks: string[] = [];

  constructor(columns: number, rows: number) {
    super({ decodeStrings: false });
    this.columns = columns;
    this.rows = rows;
  }

  override _write(chunk: unknown, _encoding: string, done: () => void): void {
    this.chunks.push(String(chunk));
    done();
  }

  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }
}

/** The outer terminal: what a person sees after `output` is drawn on a cols x rows screen. */
export async function outerScreen(output: string, cols: number, rows: number) {
  // A tty's output processing (onlcr) turns Ink's \n into \r\n.
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, convertEol: true, logLevel: 'off' });
  useEmojiWidths(term); // a current terminal counts emoji two columns wide
  await new Promise<void>((resolve) => term.write(output, resolve));
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < rows; y++) lines.push(buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
  const cursor = { x: buffer.cursorX, y: buffer.cursorY };
  const line = (y: number) => buffer.getLine(buffer.baseY + y);
  return { lines, cursor, term, line };
}

const graphemes = new Intl.Segmenter();

/** A row as a current terminal lays it out: each column's grapheme, '' where a wide one goes on. */
export function columnsOf(row: string): string[] {
  const out: string[] = [];
  for (const { segment } of graphemes.segment(plain(row))) {
    const width = stringWidth(segment);
    if (width === 0 && out.length > 0) {
      // Zero-width (U+200B, say): in the column before it, as a terminal keeps it.
      const last = out.findLastIndex((c) => c !== '');
      out[last] += segment;
      continue;
    }
    out.push(segment);
    for (let i = 1; i < width; i++) out.push('');
  }
  return out;
}

/** The columns of one line of the outer terminal, blanks as spaces. */
export function outerColumns(line: xterm.IBufferLine | undefined, cols: number): string[] {
  const out: string[] = [];
  for (let x = 0; x < cols; x++) {
    const cell = line?.getCell(x);
    out.push(cell === undefined ? ' ' : cell.getWidth() === 0 ? '' : cell.getChars() || ' ');
  }
  return out;
}
