// Reading a trace in the CMU shell lab's format: `#` comments, blank lines, the driver's
// directives (INT, TSTP, QUIT, KILL, SLEEP n, WAIT, CLOSE) and command lines for the shell.

import { InputError } from './errors.js';

/** Signals a trace can send; sdriver sends them to the shell's pid, we type them by default. */
export type TraceSignal = 'INT' | 'TSTP' | 'QUIT' | 'KILL';

export type TraceItem =
  | { readonly kind: 'comment'; readonly text: string; readonly line: number }
  | { readonly kind: 'command'; readonly text: string; readonly line: number }
  | { readonly kind: 'signal'; readonly signal: TraceSignal; readonly line: number }
  | { readonly kind: 'sleep'; readonly seconds: number; readonly line: number }
  | { readonly kind: 'close'; readonly line: number }
  | { readonly kind: 'wait'; readonly line: number };

const SIGNALS: readonly string[] = ['INT', 'TSTP', 'QUIT', 'KILL'];

/**
 * One line. Directives are whole words in capitals; anything else goes to
 * the shell exactly as written (trailing blanks included: tsh echoes its
 * command lines as typed). sdriver matched directives anywhere in a line, so
 * a command mentioning INT was never sent; we only take whole lines.
 */
function parseLine(text: string, line: number, file: string): TraceItem | null {
  if (text.trim() === '') return null;
  if (text.startsWith('#')) return { kind: 'comment', text, line };
  const [word = '', ...rest] = text.trim().split(/\s+/);
  if (SIGNALS.includes(word) || word === 'WAIT' || word === 'CLOSE') {
    if (rest.length > 0) throw new InputError(file, line, `${word} takes no argument`);
    if (word === 'WAIT') return { kind: 'wait', line };
    if (word === 'CLOSE') return { kind: 'close', line };
    return { kind: 'signal', signal: word as TraceSignal, line };
  }
  if (word === 'SLEEP') {
    const seconds = rest.length === 1 && /^\d+(\.\d+)?$/.test(rest[0]!) ? Number(rest[0]) : NaN;
    if (Number.isNaN(seconds)) throw new InputError(file, line, `SLEEP takes a number of seconds, not ${JSON.stringify(rest.join(' '))}`);
    return { kind: 'sleep', seconds, line };
  }
  return { kind: 'command', text, line };
}

/** Parse a whole trace; `file` names it in errors. */
export function parseTrace(source: string, file: string): TraceItem[] {
  const items: TraceItem[] = [];
  source.split('\n').forEach((raw, index) => {
    const item = parseLine(raw.replace(/\r$/, ''), index + 1, file);
    if (item) items.push(item);
  });
  return items;
}
