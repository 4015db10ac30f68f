// The pane's rows written straight to the terminal, beside Ink rather than through it. Ink 6.8
// re-tokenizes every line of its output on every frame: a 200x50 pane full of colour costs it
// 50-90 ms a frame, drawing the same rows here costs about 3 ms. Ink then lays out only an
// empty box where the pane is; this writes the rows into that region, each changed row after
// an absolute cursor move, inside a cursor save/restore so that Ink's idea of where its cursor
// is stays true. Ink erases and rewrites its lines on a frame (blanking the pane's part of
// them): everything Ink writes goes through inkStream(), which draws the pane whole after it.

import type { TerminalScreen } from './screen.js';

/** Where the pane is on the outer terminal, 0-based cells. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const SAVE = '\x1b7';
const RESTORE = '\x1b8';
const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

export class DirectPane {
  readonly #screen: TerminalScreen;
  readonly #write: (data: string) => void;
  #region: Region | null = null;
  #scrollOffset = 0;
  #drawn: (string | undefined)[] = [];

  /** `write` puts bytes on the outer terminal (process.stdout.write, bound). */
  constructor(screen: TerminalScreen, write: (data: string) => void) {
    this.#screen = screen;
    this.#write = write;
  }

  /** The pane's place and the scrollback offset it shows; null while it is not shown. */
  place(region: Region | null, scrollOffset = 0): void {
    if (!sameRegion(region, this.#region)) this.invalidate();
    this.#region = region;
    this.#scrollOffset = scrollOffset;
  }

  /** Someone else drew over the region: the next draw writes every row. */
  invalidate(): void {
    this.#drawn = [];
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
    if (out === '') return 0;
    const data = sync ? SYNC_BEGIN + SAVE + out + RESTORE + SYNC_END : SAVE + out + RESTORE;
    this.#write(data);
    return data.length;
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
    return new Proxy(stdout, {
      get(target, key, receiver) {
        if (key === 'write') {
          return (chunk: unknown, ...rest: unknown[]) => {
            const forward = () => (target.write as (...a: unknown[]) => boolean).call(target, chunk, ...rest);
            const text = String(chunk);
            if (text === SYNC_END) {
              if (dirty) redraw(false);
              syncing = false;
              return forward();
            }
            const ok = forward();
            if (text === SYNC_BEGIN) syncing = true;
            else if (drawsOver(text)) {
              if (syncing) dirty = true;
              else redraw(true);
            }
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
