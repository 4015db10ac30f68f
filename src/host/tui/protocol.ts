// Messages the engine (the plain shell under the UI, in node-pty) sends the UI over the
// private channel: one JSON object per line. The terminal's own bytes never carry them (no
// in-band escape codes), so nothing a program prints can forge one. The UI drops a line that
// does not parse as one of these, with a note in the Timeline.

import type { JobRow, TimelineEntry, TimelineKind } from '../../ui/model.js';

/** Limit of one message: a longer line is dropped, never buffered without end. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** The environment variable that hands the engine the channel's socket path. */
export const CHANNEL_VARIABLE = 'JCSH_UI_CHANNEL';

export type EngineMessage =
  /**
   * The engine is up: its pid leads the session and the terminal's first foreground group.
   * `start` is the wall-clock time (ms since the epoch) its events' times count from.
   */
  | { readonly t: 'hello'; readonly pid: number; readonly start: number }
  /** The job table after a change. */
  | { readonly t: 'jobs'; readonly jobs: readonly JobRow[] }
  /** Something the engine did or saw (a spawn, a signal it sent, a status it collected). */
  | { readonly t: 'event'; readonly entry: TimelineEntry };

const KINDS: ReadonlySet<TimelineKind> = new Set(['signal', 'state', 'reap', 'spawn', 'terminal', 'note']);
const MARKS: ReadonlySet<string> = new Set(['+', '-', ' ']);
/** Longest text of one field the UI draws; a message is already bounded by MAX_MESSAGE_BYTES. */
const MAX_TEXT = 4096;

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function jobRow(v: unknown): JobRow | null {
  if (!isObject(v)) return null;
  const { id, mark, state, pgid, command, foreground } = v;
  if (!isId(id) || !isText(mark) || !MARKS.has(mark) || !isText(state) || !isId(pgid) || !isText(command)) return null;
  if (typeof foreground !== 'boolean') return null;
  return { id, mark: mark as JobRow['mark'], state, pgid, command, foreground };
}

function timelineEntry(v: unknown): TimelineEntry | null {
  if (!isObject(v)) return null;
  const { time, kind, text } = v;
  if (!isTime(time) || !isText(kind) || !KINDS.has(kind as TimelineKind) || !isText(text)) return null;
  return { time, kind: kind as TimelineKind, text };
}

/**
 * One line of the channel as a message, rebuilt field by field (nothing else of the peer's
 * object reaches the UI), or the reason it is not one.
 */
export function decodeMessage(line: string): EngineMessage | { readonly error: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { error: 'not JSON' };
  }
  if (!isObject(v)) return { error: 'not a message object' };
  switch (v.t) {
    case 'hello':
      return isId(v.pid) && isTime(v.start) ? { t: 'hello', pid: v.pid, start: v.start } : { error: 'a malformed hello' };
    case 'jobs': {
      if (!Array.isArray(v.jobs)) return { error: 'a malformed job table' };
      const jobs = v.jobs.map(jobRow);
      return jobs.every((j) => j !== null) ? { t: 'jobs', jobs: jobs as JobRow[] } : { error: 'a malformed job row' };
    }
    case 'event': {
      const entry = timelineEntry(v.entry);
      return entry ? { t: 'event', entry } : { error: 'a malformed event' };
    }
    default:
      return { error: 'an unknown message type' };
  }
}

/** One message as a line of the channel. */
export function encodeMessage(m: EngineMessage): string {
  return `${JSON.stringify(m)}\n`;
}
