// The pane's rows written straight to the terminal, beside Ink rather than through it. Ink 6.8
// re-tokenizes every line of its output on every frame: a 200x50 pane full of colour costs it
// 50-90 ms a frame, drawing the same rows here costs about 3 ms. Ink then lays out only an
// empty box where the pane is; this writes the rows into that region, each changed row after
// an absolute cursor move, and puts the real cursor where the program's is. Ink moves the
// cursor relative to where it left it, so that place is saved (DECSC) before the first draw
// and restored (DECRC) before Ink writes again. Ink erases and rewrites its lines on a frame
// (blanking the pane's part of them): everything Ink writes goes through inkStream(), which
// draws the pane whole after it.

import type { TerminalScreen } from './screen.js';

/** Where the pane is on the outer terminal, 0-based cells. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const SAVE = '\x1b7';
const SHOW = '\x1b[?25h';
const HIDE = '\x1b[?25l';
const RESTORE = '\x1b8';
const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

export class DirectPane {
  readonly #screen: TerminalScreen;
  readonly #write: (data: string) => void;
  #region: Region | null = null;
  #scrollOffset = 0;
  #cursorWanted = false;
  #drawn: (string | undefined)[] = [];
  /** The cursor sequence last written, '' after an invalidation. */
  #cursorDrawn = '';
  /** The cursor is not where Ink left it: Ink's place is in the DECSC slot. */
  #displaced = false;

  /** `write` puts bytes on the outer terminal (process.stdout.write, bound). */
  constructor(screen: TerminalScreen, write: (data: string) => void) {
    this.#screen = screen;
    this.#write = write;
  }

  /**
   * The pane's place and the scrollback offset it shows; null while it is not shown. `cursor`:
   * the real cursor is shown at the program's (the pane has the focus and shows the live screen).
   */
  place(region: Region | null, scrollOffset = 0, cursor = false): void {
    if (!sameRegion(region, this.#region)) this.invalidate();
    this.#region = region;
    this.#scrollOffset = scrollOffset;
    this.#cursorWanted = cursor;
  }

  /** Someone else drew over the region: the next draw writes every row. */
  invalidate(): void {
    this.#drawn = [];
    this.#cursorDrawn = '';
  }

  /** The screen was cleared and the cursor homed by someone else: Ink's place is no longer saved. */
  reset(): void {
    this.invalidate();
    this.#displaced = false;
  }

  /**
   * Writes the rows that changed since the last draw; returns the bytes written. `sync` wraps
   * them in synchronized output (false when inside someone else's).
   */
  draw(sync = true): number {
    const region = this.#region;
    if (region === null || region.width <= 0 || region.height <= 0) return 0;
    const rows = this.#screen.rows(this.#scrollOffset, region.width, region.height);
    let out = '';
    for (let y = 0; y < rows.length; y++) {
      if (rows[y] === this.#drawn[y]) continue;
      out += `\x1b[${region.y + y + 1};${region.x + 1}H${rows[y]}`;
    }
    this.#drawn = rows;
    const cursor = this.cursorSequence(region);
    if (out === '' && cursor === this.#cursorDrawn) return 0;
    this.#cursorDrawn = cursor;
    const save = this.#displaced ? '' : SAVE;
    this.#displaced = true;
    const body = save + out + cursor;
    const data = sync ? SYNC_BEGIN + body + SYNC_END : body;
    this.#write(data);
    return data.length;
  }

  /** Where the real cursor goes: at the program's, shown, or hidden. */
  private cursorSequence(region: Region): string {
    const c = this.#screen.cursor();
    const shown = this.#cursorWanted && this.#scrollOffset === 0 && c.visible && c.x < region.width && c.y < region.height;
    return shown ? `\x1b[${region.y + c.y + 1};${region.x + c.x + 1}H${SHOW}` : HIDE;
  }

  /** Before Ink writes: the cursor back where Ink left it. */
  private giveBack(write: (data: string) => void): void {
    if (!this.#displaced) return;
    this.#displaced = false;
    this.#cursorDrawn = '';
    write(RESTORE);
  }

  /**
   * A stdout for Ink: what Ink writes goes to `stdout`; if it drew anything (text or an erase,
   * not just cursor moves), the pane is drawn whole again over it at once, or, when Ink wraps
   * its frame in synchronized output, just before the end of it, so the pane never flashes
   * blank. Reads of columns, rows, isTTY and events reach `stdout`.
   */
  inkStream<T extends NodeJS.WriteStream>(stdout: T): T {
    let syncing = false;
    let dirty = false;
    const redraw = (sync: boolean): void => {
      dirty = false;
      this.invalidate();
      this.draw(sync);
    };
    const giveBack = (target: T) => this.giveBack((data) => target.write(data));
    const draw = (sync: boolean) => this.draw(sync);
    return new Proxy(stdout, {
      get(target, key, receiver) {
        if (key === 'write') {
          return (chunk: unknown, ...rest: unknown[]) => {
            const forward = () => (target.write as (...a: unknown[]) => boolean).call(target, chunk, ...rest);
            const text = String(chunk);
            giveBack(target);
            if (text === SYNC_END) {
              // Ink's frame is over: the pane over it, and the cursor back at the program's.
              if (dirty) redraw(false);
              else draw(false);
              syncing = false;
              return forward();
            }
            const ok = forward();
            if (text === SYNC_BEGIN) syncing = true;
            else if (drawsOver(text)) {
              if (syncing) dirty = true;
              else redraw(true);
            } else if (!syncing) draw(true);
            return ok;
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

function sameRegion(a: Region | null, b: Region | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

// Cursor moves, mode changes and SGR: what Ink writes to place or show the cursor.
const HARMLESS = /\x1b\[[0-9;?]*[A-HfGdhlmsu]|\x1b[78]/g;

/** True if `chunk` may have drawn over cells: text or an erase, not just cursor business. */
function drawsOver(chunk: string): boolean {
  return chunk.replace(HARMLESS, '') !== '';
}
