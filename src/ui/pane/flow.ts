// The program's output on its way to xterm. xterm parses asynchronously, in slices of time, so a
// flood never holds the event loop for long. It gets the output in rounds: all that waits (up to
// IN_FLIGHT characters) once it has parsed the last round; what comes meanwhile waits here, where
// what can never be seen is dropped before it is parsed (skip.ts). The writer is asked to pause
// above HIGH_WATER characters waiting.
//
// Once FLOOD characters were given within PACE ms and the output ends with FLOOD characters of
// plain text (`cat` of a big file), the next round waits for the PACE to be over, unless the
// writer is paused: a pty delivers a flood slower than xterm parses it, so without the pause
// nothing would ever wait to be dropped. The screen is drawn at most once a frame anyway, a
// short output (an echoed key) is given at once, and output that cannot be dropped is not held.

import type { Terminal as XTerminal } from '@xterm/headless';
import { findCut, lineFeedsToForget, PlainRuns, type QueuedText } from './skip.js';

/** Above this many characters waiting to be parsed, write() asks its caller to pause. */
export const HIGH_WATER = 2 * 2 ** 20;
/** ...and onDrain says when it may go on. */
export const LOW_WATER = 512 * 2 ** 10;
// xterm throws away (with an exception) what is written while 50 M characters wait.
export const IN_FLIGHT = 8 * 2 ** 20;
const PIECE = 64 * 2 ** 10;
const FLOOD = 64 * 2 ** 10;
const PACE = 32;

interface Piece extends QueuedText {
  readonly seq: number;
}

export interface FlowHooks {
  /**
   * Pieces up to `seq` are parsed (or dropped), in order. `settled` is false while the text kept
   * after a cut is half parsed: the emulator is exact again only at the end of it (skip.ts).
   */
  parsed(seq: number, settled: boolean): void;
  /** A backlog that asked to pause has shrunk to LOW_WATER. */
  drained(): void;
  /** False while text may not be dropped (a resize waits in the output). */
  mayDrop(): boolean;
}

/** A text in pieces of at most PIECE characters, never splitting a surrogate pair. */
function pieces(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + PIECE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export class OutputFlow {
  // Pieces from #head on wait; the ones before it are gone (the array is compacted now and then:
  // shifting one piece at a time off a long queue costs a copy of it each time).
  readonly #queue: Piece[] = [];
  #head = 0;
  readonly #runs = new PlainRuns();
  #seq = 0;
  #written = 0; // characters written, the offset of the next one in the whole output
  #pending = 0; // written, not yet parsed nor dropped
  #inXterm = 0;
  #skipped = 0;
  // The last cut looked for: it depends only on where the run ends (and the size, which cannot
  // change while text is dropped), so it is not looked for again until the run grows.
  #lastSearch = { end: -1, lineFeeds: -1, cut: -1 };
  #full = false;
  #stopped = false;
  #unsettledUntil = 0; // the end of the text kept after the last cut
  #paceAt = -Infinity; // when the current PACE began
  #paced = 0; // characters given to xterm since
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly term: XTerminal,
    private readonly scrollback: number,
    private readonly inFlight = IN_FLIGHT,
    private readonly hooks: FlowHooks,
  ) {}

  /** Queues `text`; returns its last sequence number. */
  write(text: string): number {
    this.#runs.scan(text, this.#lineFeeds());
    for (const piece of pieces(text)) {
      this.#written += piece.length;
      this.#queue.push({ text: piece, end: this.#written, seq: ++this.#seq });
    }
    this.#pending += text.length;
    if (this.#pending > HIGH_WATER) this.#full = true;
    this.#feed();
    return this.#seq;
  }

  get pending(): number {
    return this.#pending;
  }

  /** True from a write that went past HIGH_WATER until the backlog is down to LOW_WATER. */
  get full(): boolean {
    return this.#full;
  }

  /** Characters dropped unparsed so far. */
  get skipped(): number {
    return this.#skipped;
  }

  stop(): void {
    this.#stopped = true;
    this.#queue.length = 0;
    this.#head = 0;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #lineFeeds(): number {
    return lineFeedsToForget(this.term.rows, this.scrollback);
  }

  #feed(): void {
    this.#round();
    // Last: a drain listener may write again.
    this.#checkDrained();
  }

  /** Starts a round when it is time to (see the top). */
  #round(): void {
    if (this.#timer !== null) {
      if (!this.#full) return;
      clearTimeout(this.#timer); // a paused writer gives nothing more: no use waiting
      this.#timer = null;
    }
    if (this.#head === this.#queue.length || this.#inXterm > 0) return; // the round's end brings the next
    const now = performance.now();
    if (now - this.#paceAt >= PACE) {
      this.#paceAt = now;
      this.#paced = 0;
    } else if (this.#paced >= FLOOD && !this.#full && this.#runs.plainTail >= FLOOD) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#feed();
      }, this.#paceAt + PACE - now);
      return;
    }
    while (this.#head < this.#queue.length && this.#inXterm < this.inFlight) {
      this.#drop();
      const { text, seq, end } = this.#take();
      this.#paced += text.length;
      this.#inXterm += text.length;
      this.term.write(text, () => {
        this.#inXterm -= text.length;
        this.#pending -= text.length;
        this.hooks.parsed(seq, end >= this.#unsettledUntil);
        if (this.#stopped) return;
        this.#feed();
      });
    }
  }

  /** Drops the start of the queue when it can never be seen (skip.ts). */
  #drop(): void {
    const head = this.#queue[this.#head]!;
    const from = head.end - head.text.length;
    const run = this.#runs.runAt(from);
    if (run === null || !this.hooks.mayDrop()) return;
    const lineFeeds = this.#lineFeeds();
    if (run.end - from <= lineFeeds) return;
    const last = this.#lastSearch;
    if (last.end !== run.end || last.lineFeeds !== lineFeeds) {
      this.#lastSearch = { end: run.end, lineFeeds, cut: findCut(this.#queue, from, run.end, lineFeeds) };
    }
    const cut = this.#lastSearch.cut;
    if (cut <= from) return;
    // Whole pieces go (the piece that is parsed next reports their sequence numbers too); the
    // piece the cut falls in keeps its end.
    while (this.#queue[this.#head]!.end <= cut) this.#head++;
    const kept = this.#queue[this.#head]!;
    kept.text = kept.text.slice(kept.text.length - (kept.end - cut));
    this.#unsettledUntil = run.end;
    this.#skipped += cut - from;
    this.#pending -= cut - from;
  }

  #take(): Piece {
    const piece = this.#queue[this.#head++]!;
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
    return piece;
  }

  #checkDrained(): void {
    if (this.#full && this.#pending <= LOW_WATER) {
      this.#full = false;
      this.hooks.drained();
    }
  }
}
