// The rendered side of a session: an @xterm/headless terminal fed with the pty's output.

import xterm from '@xterm/headless';
import type { IBufferLine, Terminal as XTerminal } from '@xterm/headless';
import { renderBox, type Row } from './snapshot.js';
import type { Screen } from './types.js';

const { Terminal } = xterm;

/** Parameters of a DECSET/DECRST sequence, flattened (sub-parameters included). */
function hasParam(params: (number | number[])[], wanted: number): boolean {
  return params.some((p) => (Array.isArray(p) ? p.includes(wanted) : p === wanted));
}

/** Text and display width of one buffer row; wide characters count their two columns. */
function readRow(line: IBufferLine | undefined, cols: number): Row {
  if (line === undefined) return { text: '', width: 0 };
  let text = '';
  let kept = '';
  let width = 0;
  for (let x = 0; x < cols; x++) {
    const cell = line.getCell(x);
    if (cell === undefined || cell.getWidth() === 0) continue;
    const chars = cell.getChars() || ' ';
    text += chars;
    if (chars !== ' ') {
      kept = text;
      width = x + cell.getWidth();
    }
  }
  return { text: kept, width };
}

/**
 * A headless terminal that knows when its writes are parsed. xterm parses
 * asynchronously; {@link flushed} resolves once everything written so far is
 * on the screen, which is when reading the screen means something.
 */
export class VirtualScreen {
  readonly #term: XTerminal;
  #written = 0; // writes handed to xterm
  #parsed = 0; // writes xterm has parsed (it parses in order)
  #idle: (() => void)[] = [];
  #barriers: { seq: number; run: () => void }[] = [];
  #cursorVisible = true;
  #disposed = false;
  #final: { screen: Screen; snapshot: string; transcript: string } | null = null;
  readonly #onWritten: () => void;

  /**
   * @param onWritten called after each write has been parsed.
   * @param onResponse receives the terminal's answers to queries (cursor position, device attributes).
   */
  constructor(cols: number, rows: number, onWritten: () => void = () => {}, onResponse?: (data: string) => void) {
    this.#term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    this.#onWritten = onWritten;
    this.#trackCursorVisibility();
    if (onResponse) this.#term.onData(onResponse);
  }

  /** xterm keeps DECTCEM private, so follow the sequences that change it; `false` lets xterm act too. */
  #trackCursorVisibility(): void {
    const parser = this.#term.parser;
    parser.registerCsiHandler({ prefix: '?', final: 'h' }, (params) => {
      if (hasParam(params, 25)) this.#cursorVisible = true;
      return false;
    });
    parser.registerCsiHandler({ prefix: '?', final: 'l' }, (params) => {
      if (hasParam(params, 25)) this.#cursorVisible = false;
      return false;
    });
    const reset = (): boolean => {
      this.#cursorVisible = true;
      return false;
    };
    parser.registerEscHandler({ final: 'c' }, reset); // RIS
    parser.registerCsiHandler({ intermediates: '!', final: 'p' }, reset); // DECSTR
  }

  /** Feed output to the terminal. */
  write(data: string): void {
    if (this.#disposed || data === '') return;
    const seq = ++this.#written;
    this.#term.write(data, () => {
      this.#parsed = seq;
      this.#runBarriers();
      this.#onWritten();
      if (this.#parsed === this.#written) this.#wakeIdle();
    });
  }

  /** Run `action` once everything written so far is parsed, before anything written later. */
  #afterPendingWrites(action: () => void): void {
    if (this.#parsed === this.#written) action();
    else this.#barriers.push({ seq: this.#written, run: action });
  }

  #runBarriers(): void {
    while (this.#barriers.length > 0 && this.#barriers[0]!.seq <= this.#parsed) this.#barriers.shift()!.run();
  }

  #wakeIdle(): void {
    const idle = this.#idle;
    this.#idle = [];
    for (const wake of idle) wake();
  }

  /** Resolves when every write so far has been parsed (at once if none is pending). */
  flushed(): Promise<void> {
    if (this.#parsed === this.#written || this.#disposed) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** The screen as of the last parsed write; await {@link flushed} first for an up-to-date view. */
  read(): Screen {
    if (this.#final) return this.#final.screen;
    const buffer = this.#term.buffer.active;
    return {
      lines: this.#rows().map((row) => row.text),
      cursor: { x: buffer.cursorX, y: buffer.cursorY },
      altScreen: buffer.type === 'alternate',
      cursorVisible: this.#cursorVisible,
      cols: this.#term.cols,
      rows: this.#term.rows,
    };
  }

  /**
   * The screen as one string for pattern matching: rows joined by `\n`,
   * trailing blanks trimmed except on the cursor's row, which keeps them up to
   * the cursor, so a prompt ending in a space matches while the cursor waits
   * after it.
   */
  text(): string {
    const { lines, cursor } = this.read();
    return lines.map((line, y) => (y === cursor.y ? line.padEnd(cursor.x) : line)).join('\n');
  }

  /** The visible screen in a box; see {@link renderBox}. */
  snapshot(): string {
    if (this.#final) return this.#final.snapshot;
    return renderBox(this.#rows(), this.#term.cols);
  }

  #rows(): Row[] {
    const buffer = this.#term.buffer.active;
    const rows: Row[] = [];
    for (let y = 0; y < this.#term.rows; y++) rows.push(readRow(buffer.getLine(buffer.baseY + y), this.#term.cols));
    return rows;
  }

  /**
   * Everything the normal screen buffer holds, scrollback included, one line
   * per logical line (rows the terminal wrapped are joined again), trailing
   * blanks and trailing empty lines removed: what a person would scroll back
   * through. Full-screen programs draw on the alternate buffer, which is not
   * part of it.
   */
  transcript(): string {
    if (this.#final) return this.#final.transcript;
    const buffer = this.#term.buffer.normal;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) {
      const row = buffer.getLine(y);
      if (row === undefined) continue;
      const continued = buffer.getLine(y + 1)?.isWrapped === true;
      // A wrapped row is full to the edge: its blanks are part of the line.
      const text = continued ? row.translateToString(false) : row.translateToString(true).trimEnd();
      if (row.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  /** Modes that change what keys and pastes send. */
  get modes(): { applicationCursorKeys: boolean; bracketedPaste: boolean } {
    if (this.#disposed) return { applicationCursorKeys: false, bracketedPaste: false };
    const modes = this.#term.modes;
    return { applicationCursorKeys: modes.applicationCursorKeysMode, bracketedPaste: modes.bracketedPasteMode };
  }

  /**
   * Resize between the output written before this call and the output after
   * it, as a real terminal would, even though xterm parses later.
   */
  resize(cols: number, rows: number): void {
    this.#afterPendingWrites(() => {
      if (!this.#disposed) this.#term.resize(cols, rows);
    });
  }

  /** Free the terminal; {@link read} and {@link snapshot} keep answering with the last screen. */
  dispose(): void {
    if (this.#disposed) return;
    // Keep the last picture: a closed session can still be asked what it showed.
    this.#final = { screen: this.read(), snapshot: this.snapshot(), transcript: this.transcript() };
    this.#disposed = true;
    this.#term.dispose();
    this.#wakeIdle();
  }
}
