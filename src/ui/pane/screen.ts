// The terminal the engine writes to, emulated by @xterm/headless, read back as rows for Ink.
// xterm parses asynchronously in chunks, so a flood of output (`cat` of a big file) never holds
// the event loop for long and keys keep flowing; what waits to be parsed waits in flow.ts, where
// text that could never be seen is dropped unparsed. The screen tells its reader about changes at
// most once per frame (throttle.ts). Rows are rebuilt from the cell buffer with our own SGR
// sequences (row.ts), so nothing the program writes is ever passed to the outer terminal, and
// what the emulator answers (cursor reports, device attributes) goes back to the program.

import xterm from '@xterm/headless';
import type { IBufferCell, IBufferLine, Terminal as XTerminal } from '@xterm/headless';
import { remembering, renderRow, type Measure } from './row.js';
import { RowCache } from './row-cache.js';
import { FrameThrottle } from './throttle.js';
import { OutputFlow } from './flow.js';
import { useEmojiWidths } from './widths.js';

const { Terminal } = xterm;

export { HIGH_WATER, LOW_WATER } from './flow.js';

export interface ScreenOptions {
  readonly cols: number;
  readonly rows: number;
  /** Lines kept above the screen for browsing; 5000 unless given. */
  readonly scrollback?: number;
  /**
   * The shortest time between two change notices; 34 ms unless given: Ink's own frame at its
   * 30 fps, so that a notice never falls into Ink's throttle window and waits there.
   */
  readonly frameMs?: number;
  /**
   * How the drawing layer counts a text's columns (Ink counts with string-width). A cell whose
   * character it counts otherwise than the emulator is drawn as U+FFFD, so a row never shifts.
   */
  readonly measure?: Measure;
  /**
   * At most this many characters are with xterm at a time, the rest waits where what could never
   * be seen is dropped (flow.ts); 8 MiB unless given (tests make it small).
   */
  readonly inFlight?: number;
}

export interface ScreenCursor {
  /** Column and row on the live screen, 0-based. */
  readonly x: number;
  readonly y: number;
  /** False while the program hides it (DECTCEM, `CSI ? 25 l`). */
  readonly visible: boolean;
}

type Listener<T> = (value: T) => void;

/** Parameters of a DECSET/DECRST sequence, flattened (sub-parameters included). */
function hasParam(params: (number | number[])[], wanted: number): boolean {
  return params.some((p) => (Array.isArray(p) ? p.includes(wanted) : p === wanted));
}

export class TerminalScreen {
  readonly #term: XTerminal;
  readonly #throttle: FrameThrottle;
  readonly #cache = new RowCache();
  readonly #measure: Measure | undefined;
  readonly #changeListeners = new Set<() => void>();
  readonly #replyListeners = new Set<Listener<string>>();
  #cell: IBufferCell | undefined;
  #cursorVisible = true;
  #written = 0; // writes handed to xterm
  #parsed = 0; // writes xterm has parsed (it parses them in order)
  #barriers: { seq: number; run: () => void }[] = [];
  #idle: (() => void)[] = [];
  #disposed = false;
  #version = 0;
  readonly #frameMs: number;
  #frameCost = 0;
  readonly #decoder = new TextDecoder('utf-8');
  readonly #flow: OutputFlow;
  readonly #drainListeners = new Set<() => void>();

  /** `new TerminalScreen({ cols, rows, ... })`, or `new TerminalScreen(cols, rows)`. */
  constructor(colsOrOptions: ScreenOptions | number, rows?: number) {
    const options: ScreenOptions =
      typeof colsOrOptions === 'number' ? { cols: colsOrOptions, rows: rows ?? 24 } : colsOrOptions;
    this.#term = new Terminal({
      cols: options.cols,
      rows: options.rows,
      scrollback: options.scrollback ?? 5000,
      allowProposedApi: true,
      // The prompt's line reflows too, as in tmux and VTE terminals; xterm leaves it by default.
      reflowCursorLine: true,
      // xterm reports parsing errors (a DEL after SO, say) on the console, which is the UI's
      // terminal: hostile output would draw over it.
      logLevel: 'off',
    });
    useEmojiWidths(this.#term);
    this.#measure = options.measure && remembering(options.measure);
    this.#frameMs = options.frameMs ?? 34;
    this.#throttle = new FrameThrottle(this.#frameMs, () => this.#emitChange());
    this.#trackCursorVisibility();
    // What the emulator answers in the outer terminal's place goes to the program.
    this.#term.onData((data) => this.#emit(this.#replyListeners, data));
    this.#flow = new OutputFlow(this.#term, options.scrollback ?? 5000, options.inFlight, {
      parsed: (seq, settled) => this.#onParsed(seq, settled),
      drained: () => {
        for (const listener of [...this.#drainListeners]) listener();
      },
      mayDrop: () => this.#barriers.length === 0,
    });
  }

  /** xterm keeps DECTCEM private, so follow the sequences that change it; `false` lets xterm act too. */
  #trackCursorVisibility(): void {
    const parser = this.#term.parser;
    const set = (visible: boolean) => (params: (number | number[])[]): boolean => {
      if (hasParam(params, 25)) this.#cursorVisible = visible;
      return false;
    };
    parser.registerCsiHandler({ prefix: '?', final: 'h' }, set(true));
    parser.registerCsiHandler({ prefix: '?', final: 'l' }, set(false));
    const reset = (): boolean => {
      this.#cursorVisible = true;
      return false;
    };
    parser.registerEscHandler({ final: 'c' }, reset); // RIS
    parser.registerCsiHandler({ intermediates: '!', final: 'p' }, reset); // DECSTR
  }

  get cols(): number {
    return this.#term.cols;
  }

  get height(): number {
    return this.#term.rows;
  }

  /** True while the program draws on the alternate screen (less, vim, top). */
  get altScreen(): boolean {
    return this.#term.buffer.active.type === 'alternate';
  }

  /** How many lines there are above the live screen to scroll back through (none on the alternate screen). */
  get scrollback(): number {
    return this.#term.buffer.active.baseY;
  }

  /**
   * Output of the program, as bytes (UTF-8; invalid sequences become U+FFFD) or text. Returns
   * false once more than {@link HIGH_WATER} characters wait to be parsed: the caller should then
   * stop reading the program's output (node-pty's pause()) until {@link onDrain} calls, as a
   * terminal that stops reading its pty makes a fast writer block. Nothing is ever dropped.
   */
  write(data: Uint8Array | string): boolean {
    if (this.#disposed || data.length === 0) return !this.#flow.full;
    // xterm's own decoder drops invalid bytes silently; a terminal shows them as U+FFFD. The
    // decoder streams, so a character split between two reads is joined again.
    const text = typeof data === 'string' ? data : this.#decoder.decode(data, { stream: true });
    if (text.length === 0) return !this.#flow.full;
    this.#written = this.#flow.write(text);
    return !this.#flow.full;
  }

  /** Characters written and not parsed yet. */
  get pending(): number {
    return this.#flow.pending;
  }

  /**
   * Characters written that were never parsed because they could never be seen: plain text
   * that only scrolls through the screen and out of the scrollback (skip.ts).
   */
  get skipped(): number {
    return this.#flow.skipped;
  }

  /** Calls `listener` when a backlog that made {@link write} return false has shrunk to {@link LOW_WATER}. */
  onDrain(listener: () => void): () => void {
    this.#drainListeners.add(listener);
    return () => this.#drainListeners.delete(listener);
  }

  /** `settled`: false in the midst of text kept after dropped text, where no one should look. */
  #onParsed(seq: number, settled: boolean): void {
    if (this.#disposed) return;
    this.#parsed = seq;
    while (this.#barriers.length > 0 && this.#barriers[0]!.seq <= seq) this.#barriers.shift()!.run();
    if (!this.#disposed && settled) this.#throttle.poke();
    if (this.#parsed === this.#written) this.#wakeIdle();
  }

  /**
   * Takes effect between the output written before the call and the output after it, as on a
   * real terminal, although xterm parses later: bytes drawn for the old size are parsed at it.
   */
  resize(cols: number, rows: number): void {
    const apply = (): void => {
      if (this.#disposed || (cols === this.#term.cols && rows === this.#term.rows)) return;
      this.#term.resize(cols, rows);
      this.#throttle.poke();
    };
    if (this.#parsed === this.#written) apply();
    else this.#barriers.push({ seq: this.#written, run: apply });
  }

  /** Calls `listener` after changes, at most once a frame; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** Calls `listener` with the emulator's answers to the program's queries (DSR, DA), to send back to it. */
  onReply(listener: (data: string) => void): () => void {
    this.#replyListeners.add(listener);
    return () => this.#replyListeners.delete(listener);
  }

  /** Resolves once everything written so far is parsed (at once if nothing is pending). */
  flushed(): Promise<void> {
    if (this.#parsed === this.#written || this.#disposed) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * The rows seen `scrollOffset` lines back from the live screen (0: live; clamped to the
   * scrollback there is), styled with SGR sequences only, each exactly `width` columns wide
   * (the screen's width unless given: narrower crops, wider pads with blanks). There are
   * `height` of them (the screen's unless given: fewer shows the top ones, more pads).
   */
  rows(scrollOffset = 0, width = this.#term.cols, height = this.#term.rows): string[] {
    const buffer = this.#term.buffer.active;
    const top = buffer.baseY - this.clampOffset(scrollOffset);
    const cols = Math.min(width, this.#term.cols);
    const pad = width > cols ? ' '.repeat(width - cols) : '';
    this.#cell ??= buffer.getNullCell();
    const out: string[] = [];
    for (let y = 0; y < height; y++) {
      const line = y < this.#term.rows ? buffer.getLine(top + y) : undefined;
      out.push(line === undefined ? ' '.repeat(width) : this.#row(line, cols) + pad);
    }
    this.#cache.sweep();
    return out;
  }

  #row(line: IBufferLine, cols: number): string {
    const key = this.#cache.keyOf(line, cols);
    const hit = key === null ? undefined : this.#cache.get(key);
    if (hit !== undefined) return hit;
    const text = renderRow(line, cols, this.#cell, this.#measure);
    if (key !== null) this.#cache.set(key, text);
    return text;
  }

  /**
   * How long the last drawing of the screen took (rows, React and Ink), in ms. A frame of a big
   * pane full of colour costs Ink tens of milliseconds, so while output keeps coming the frames
   * are stretched to twice the cost (up to a quarter second): drawing then takes at most a
   * third of the time, the rest is left to parsing and keys. The first change after a quiet
   * spell is still passed on at once, so typing echoes without delay.
   */
  noteFrameCost(ms: number): void {
    // Rises at once, falls slowly: one cheap frame says little about the next.
    this.#frameCost = ms >= this.#frameCost ? ms : this.#frameCost * 0.7 + ms * 0.3;
    this.#throttle.frameMs = Math.max(this.#frameMs, Math.min(250, Math.round(2 * this.#frameCost)));
  }

  /** The current shortest time between change notices, in ms. */
  get frameMs(): number {
    return this.#throttle.frameMs;
  }

  /** Grows by one with every change notice: what a React store snapshot compares. */
  get version(): number {
    return this.#version;
  }

  /** `offset` within what there is to scroll back through. */
  clampOffset(offset: number): number {
    return Math.max(0, Math.min(Math.floor(offset), this.scrollback));
  }

  /** Where the program's cursor is on the live screen. */
  cursor(): ScreenCursor {
    const buffer = this.#term.buffer.active;
    return { x: Math.min(buffer.cursorX, this.#term.cols - 1), y: buffer.cursorY, visible: this.#cursorVisible };
  }

  /** Rows rendered from scratch and from the cache since the screen began (to measure the cache). */
  get renderStats(): { readonly rendered: number; readonly cached: number } {
    return this.#cache.stats;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#flow.stop();
    this.#throttle.cancel();
    this.#term.dispose();
    this.#wakeIdle();
  }

  #emitChange(): void {
    this.#version++;
    for (const listener of [...this.#changeListeners]) listener();
  }

  #emit(listeners: Set<Listener<string>>, value: string): void {
    for (const listener of [...listeners]) listener(value);
  }

  #wakeIdle(): void {
    const idle = this.#idle;
    this.#idle = [];
    for (const wake of idle) wake();
  }
}

/** The status line's note while scrolled back, `[scrollback -120/4980]`, or '' when live. */
export function scrollIndicator(screen: TerminalScreen, scrollOffset: number): string {
  const offset = screen.clampOffset(scrollOffset);
  return offset === 0 ? '' : `[scrollback -${offset}/${screen.scrollback}]`;
}
