// Messages the engine (the plain shell under the UI, in node-pty) sends the UI over the
// private channel: one JSON object per line. The terminal's own bytes never carry them (no
// in-band escape codes), so nothing a program prints can forge one. The UI drops a line that
// does not parse as one of these, with a note in the Timeline.

import type { JobRow, TimelineEntry } from '../../ui/model.js';

/** Limit of one message: a longer line is dropped, never buffered without end. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type EngineMessage =
  /** The engine is up: its pid leads the session and the terminal's first foreground group. */
  | { readonly t: 'hello'; readonly pid: number }
  /** The job table after a change. */
  | { readonly t: 'jobs'; readonly jobs: readonly JobRow[] }
  /** Something the engine did or saw (a spawn, a signal it sent, a status it collected). */
  | { readonly t: 'event'; readonly entry: TimelineEntry };
