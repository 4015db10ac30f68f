// Output that can never be seen is not parsed. When a backlog waits to be parsed (cat of a big
// file), most of it would only scroll through the screen and out of the scrollback: it is
// dropped before it reaches xterm, and the emulator ends exactly as if it had parsed it all.
//
// Let P be what xterm was given, X the text dropped and K the text kept after it. The rules:
//   1. X and K are plain (ground.ts NON_PLAIN): printable characters, \t, \r and \n. They print
//      and move the cursor but change no mode, attribute, margin, tab stop or saved cursor.
//   2. The parser is in ground where X starts, and the active buffer's scroll region is the whole
//      screen (ground.ts, conservative). Then P+X and P leave the same modes, attributes, charset
//      and region; they differ only in cells, line wrap flags, cursor and the scrollback length.
//   3. X ends just after a \n, and K holds a \r followed by at least 2 * rows + scrollback line
//      feeds (all in the same size: no resize may wait in between). After the \r both runs are at
//      column 0, and every print, \t and line wrap in K acts alike in both (the column, modes and
//      characters are the same; a \n or \r resets xterm's grapheme join state). The cursor never
//      moves up in plain text, so a line feed or wrap moves it down one row until the bottom, at
//      most rows - 1 times, and from then on scrolls the whole screen, adding a fresh blank line
//      (its colour from the shared attributes) that only the text after it writes on. With at
//      least rows + scrollback scrolls left, the buffer (rows + scrollback lines, rows on the
//      alternate screen) then holds only such fresh lines, the same in both runs, the cursor on
//      the last row. Hence the bound: rows + scrollback + 1 line feeds is not enough when the
//      cursor may be above the bottom row in one run and at it in the other (lines it walks over
//      keep their old text). Whatever else differs before the \r only touches lines that go,
//      such as half a surrogate pair that xterm would have joined with the first dropped unit.
// Dropped text counts as parsed for the flow control and the screen's barriers. Until the kept
// text is parsed to its end the emulator is in a state that parsing everything never shows (old
// lines written over from another row): the screen tells no change meanwhile (flow.ts, settled).

import { GroundTracker } from './ground.js';

/** A queued text, and the offset in the whole output just past its last character. */
export interface QueuedText {
  text: string;
  readonly end: number;
}

interface Run {
  start: number;
  end: number;
}

/** Line feeds needed after a \r so that nothing before it stays in the buffer (rule 3). */
export function lineFeedsToForget(rows: number, scrollback: number): number {
  return 2 * rows + scrollback;
}

/** Stretches of plain text that start where skipping is safe (rule 2), by offsets in the whole output. */
export class PlainRuns {
  readonly #tracker = new GroundTracker();
  readonly #closed: Run[] = [];
  #open: Run | null = null;
  #offset = 0;

  /** Follows `text`; runs shorter than `minLength` are not kept, as they can never be cut. */
  scan(text: string, minLength: number): void {
    const base = this.#offset;
    this.#offset += text.length;
    this.#tracker.scan(text, (start, end) => {
      const open = this.#open;
      if (open !== null && open.end === base + start) open.end = base + end;
      else {
        this.#close(minLength);
        if (this.#tracker.safe) this.#open = { start: base + start, end: base + end };
      }
    });
    // A non-plain character ended the open run.
    if (this.#open !== null && this.#open.end < this.#offset) this.#close(minLength);
  }

  #close(minLength: number): void {
    if (this.#open !== null && this.#open.end - this.#open.start >= minLength) this.#closed.push(this.#open);
    this.#open = null;
  }

  /** The run that holds offset `at`, if any; runs before it are forgotten. */
  runAt(at: number): Run | null {
    while (this.#closed.length > 0 && this.#closed[0]!.end <= at) this.#closed.shift();
    const run = this.#closed[0] ?? this.#open;
    return run !== null && run.start <= at && at < run.end ? run : null;
  }

  /** How long the plain run that the output ends with is (0 when it does not end with one). */
  get plainTail(): number {
    return this.#open !== null && this.#open.end === this.#offset ? this.#open.end - this.#open.start : 0;
  }
}

/**
 * Where to cut the queue so that everything from `from` to the cut may be dropped: just after a
 * \n, before a \r that `lineFeeds` line feeds follow, all of it inside [from, to) (one plain
 * run). `queue` holds the text from `from` on; -1 when there is no such place.
 */
export function findCut(queue: readonly QueuedText[], from: number, to: number, lineFeeds: number): number {
  const search = new BackwardSearch(queue, from);
  let at = to;
  for (let n = 0; n < lineFeeds; n++) {
    at = search.last(0x0a, at);
    if (at < 0) return -1;
  }
  const cr = search.last(0x0d, at);
  if (cr < 0) return -1;
  const lf = search.last(0x0a, cr);
  return lf < 0 ? -1 : lf + 1;
}

/** lastIndexOf over queued texts, by offsets in the whole output, never looking before `from`. */
class BackwardSearch {
  #index: number;

  constructor(
    private readonly queue: readonly QueuedText[],
    private readonly from: number,
  ) {
    this.#index = queue.length - 1;
  }

  /** The offset of the last `code` before offset `before`, or -1. */
  last(code: number, before: number): number {
    const char = String.fromCharCode(code);
    while (this.#index >= 0) {
      const { text, end } = this.queue[this.#index]!;
      const start = end - text.length;
      if (before > start) {
        const found = text.lastIndexOf(char, Math.min(before, end) - start - 1);
        if (found >= 0) return start + found >= this.from ? start + found : -1;
      }
      if (start <= this.from) return -1;
      this.#index--;
    }
    return -1;
  }
}
