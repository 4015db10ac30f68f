// Failure reports: everything needed to see why a pty test failed, in the error message.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeBlock, escapeShort, tail } from './escape.js';
import type { ExitStatus, ProcessInfo, Screen, TraceEvent } from './types.js';

const TAIL_CHARS = 500;
const TOOLKIT_DIR = dirname(fileURLToPath(import.meta.url));

/** Why a wait failed. */
export type FailureReason = 'timeout' | 'exit' | 'closed';

/** The facts a failure report is made of. */
export interface FailureFacts {
  /** What was awaited, e.g. `/jc\$ $/ on the stream`. */
  readonly awaited: string;
  readonly reason: FailureReason;
  readonly timeout: number;
  /** `bash --norc -i (pid 123)`. */
  readonly command: string;
  /** Set once the process has exited. */
  readonly exit: ExitStatus | null;
  readonly screen: Screen;
  readonly snapshot: string;
  readonly output: string;
  /** Where the next stream expect starts looking. */
  readonly streamCursor: number;
  readonly events: readonly TraceEvent[];
  /** The session's processes when the wait failed. */
  readonly processes: readonly ProcessInfo[];
  /** The terminal's foreground process group then, if known. */
  readonly foregroundPgid: number | null;
}

/** Describe an exit status the way a shell would say it. */
export function describeExit(exit: ExitStatus): string {
  return exit.signal !== null ? `killed by ${exit.signal}` : `exited with status ${exit.exitCode}`;
}

function headline(f: FailureFacts): string {
  if (f.reason === 'exit' && f.exit) return `process ${describeExit(f.exit)} while waiting for ${f.awaited}`;
  if (f.reason === 'closed') return `session closed while waiting for ${f.awaited}`;
  return `timed out after ${f.timeout} ms waiting for ${f.awaited}`;
}

function screenSection(f: FailureFacts): string {
  const s = f.screen;
  const flags = [
    `${s.cols}x${s.rows}`,
    `cursor at x=${s.cursor.x} y=${s.cursor.y}${s.cursorVisible ? '' : ' (hidden)'}`,
    s.altScreen ? 'alternate screen' : 'normal screen',
  ];
  return `Screen (${flags.join(', ')}):\n${f.snapshot}`;
}

function streamSection(f: FailureFacts): string {
  const shown = tail(f.output, TAIL_CHARS);
  const unmatched = f.output.length - f.streamCursor;
  const what = `last ${shown.text.length} of ${f.output.length} chars, ${unmatched} after the stream cursor`;
  return `Stream tail (${what}):\n${shown.omitted > 0 ? '  …\n' : ''}${escapeBlock(shown.text)}`;
}

function eventsSection(f: FailureFacts): string {
  if (f.events.length === 0) return 'Last I/O events: none';
  const lines = f.events.map((e) => `  ${e.t.toFixed(1).padStart(9)} ms  ${e.dir.padEnd(6)} ${escapeShort(e.data)}`);
  return `Last ${f.events.length} I/O events:\n${lines.join('\n')}`;
}

function processSection(f: FailureFacts): string {
  if (f.processes.length === 0) return 'Processes of the session: none left';
  const header = '      PID    PPID    PGID STAT COMMAND';
  const rows = f.processes.map((p) => {
    const fg = p.pgid === f.foregroundPgid ? '+' : ' ';
    const command = p.args.length > 0 ? p.args.join(' ') : `[${p.comm}]`;
    return `  ${[p.pid, p.ppid, p.pgid].map((n) => String(n).padStart(7)).join(' ')} ${(p.state + fg).padEnd(4)} ${command}`;
  });
  const fg = f.foregroundPgid === null ? 'unknown' : String(f.foregroundPgid);
  return `Processes of the session (foreground group ${fg}, marked +):\n${header}\n${rows.join('\n')}`;
}

/** The full, multi-section failure message. */
export function formatFailure(f: FailureFacts): string {
  const state = f.exit ? describeExit(f.exit) : 'still running';
  return [
    headline(f),
    `Command: ${f.command} (${state})`,
    screenSection(f),
    streamSection(f),
    eventsSection(f),
    processSection(f),
  ].join('\n\n');
}

/**
 * A failed pty expectation. The message holds the whole report; the facts are
 * also fields, for tests that check the harness itself.
 */
export class PtyExpectError extends Error {
  override name = 'PtyExpectError';
  readonly reason: FailureReason;
  readonly awaited: string;
  readonly timeout: number;
  readonly exit: ExitStatus | null;
  readonly screen: Screen;
  readonly snapshot: string;
  readonly output: string;
  readonly events: readonly TraceEvent[];
  readonly processes: readonly ProcessInfo[];

  constructor(facts: FailureFacts, callSite?: Error) {
    super(formatFailure(facts));
    this.reason = facts.reason;
    this.awaited = facts.awaited;
    this.timeout = facts.timeout;
    this.exit = facts.exit;
    this.screen = facts.screen;
    this.snapshot = facts.snapshot;
    this.output = facts.output;
    this.events = facts.events;
    this.processes = facts.processes;
    // Point the stack at the test line that started the wait, not at a timer
    // or at the toolkit's own frames.
    if (callSite?.stack) {
      const frames = callSite.stack.split('\n').slice(1);
      const outside = frames.filter((frame) => !frame.includes(`${TOOLKIT_DIR}/`));
      this.stack = `${this.name}: ${this.message}\n${(outside.length > 0 ? outside : frames).join('\n')}`;
    }
  }
}
