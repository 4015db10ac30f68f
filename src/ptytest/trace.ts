// Traces: a session's I/O as JSON lines, and replaying the output into a fresh screen.

import { readFileSync, writeFileSync } from 'node:fs';
import { VirtualScreen } from './screen.js';
import type { Screen, TraceEvent } from './types.js';

/** Write `events` to `path`, one JSON object per line. */
export function writeTrace(path: string, events: readonly TraceEvent[]): void {
  writeFileSync(path, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
}

/** Read a trace written by {@link writeTrace}. */
export function readTrace(path: string): TraceEvent[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TraceEvent);
}

/** Parse the data of a `resize` event (`"80x24"`). */
export function parseSize(data: string): { cols: number; rows: number } {
  const match = /^(\d+)x(\d+)$/.exec(data);
  if (!match) throw new Error(`bad resize event data: ${JSON.stringify(data)}`);
  return { cols: Number(match[1]), rows: Number(match[2]) };
}

/** Options of {@link replayTrace}; the size defaults to the trace's first resize event, else 80x24. */
export interface ReplayOptions {
  cols?: number;
  rows?: number;
}

/** What a replay ends with. */
export interface Replay {
  readonly screen: Screen;
  readonly snapshot: string;
}

/**
 * Render the `out` events of a trace (following its `resize` events) into a
 * new headless terminal and return the final screen. Input events are ignored:
 * the output already shows their effect.
 */
export async function replayTrace(events: readonly TraceEvent[], options: ReplayOptions = {}): Promise<Replay> {
  const first = events.find((event) => event.dir === 'resize');
  const initial = first ? parseSize(first.data) : { cols: 80, rows: 24 };
  const screen = new VirtualScreen(options.cols ?? initial.cols, options.rows ?? initial.rows);
  try {
    for (const event of events) {
      if (event.dir === 'out') screen.write(event.data);
      else if (event.dir === 'resize' && event !== first) {
        const { cols, rows } = parseSize(event.data);
        screen.resize(cols, rows);
      }
    }
    await screen.flushed();
    return { screen: screen.read(), snapshot: screen.snapshot() };
  } finally {
    screen.dispose();
  }
}
