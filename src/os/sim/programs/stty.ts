// stty(1) from GNU coreutils, on standard input's terminal: no operand prints the settings that
// differ from sane, -a prints them all; operands change modes (tostop, icanon, echo, isig,
// echoctl, noflsh and the rest of GNU's flag names, with `-` to turn off), control characters
// (`intr ^C`), `min N`, `time N`, `rows N`, `cols N`, `size`, `raw`, `-raw`/`cooked` and `sane`.
// Changes go through tcsetattr(TCSADRAIN), so a background stty gets SIGTTOU as on Linux.

import * as sys from '../sys.js';
import type { Code, Program, Termios } from '../types.js';
import { usageError } from './getopt.js';
import { err, getenv, out } from './lib.js';
import { CHARS, COOKED_ON, displayAll, displayChanged, MODES, type Modes, modesOf, RAW_OFF, sane, START, termiosOf } from './stty-modes.js';

const TOGGLES = new Set(MODES.filter((mode) => mode.rev).map((mode) => mode.name));
const CHAR_NAMES = new Set(CHARS.map(([name]) => name));

/** A control character operand: ^X, ^?, ^- or undef for none, or a single character. */
function parseChar(text: string): number | undefined {
  if (text === '^-' || text === 'undef') return 0;
  if (text === '^?') return 127;
  if (/^\^[@-_a-z]$/.test(text)) return text.toUpperCase().charCodeAt(1) - 64;
  if (text.length === 1) return text.charCodeAt(0);
  if (/^\d+$/.test(text)) return Number(text) & 0xff;
  return undefined;
}

type Change = { modes: Modes; size?: { rows?: number; cols?: number }; printSize?: boolean };

/** Applies the operands; a string is the operand GNU stty would call invalid (or missing). */
function apply(modes: Modes, args: readonly string[]): Change | { invalid: string } | { missing: string } {
  let cur = modes;
  const change: Change = { modes };
  const set = (names: readonly string[], on: boolean) => {
    const flags = { ...cur.flags };
    for (const n of names) flags[n] = on;
    cur = { ...cur, flags };
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const off = a.startsWith('-');
    const name = off ? a.slice(1) : a;
    if (TOGGLES.has(name)) set([name], !off);
    else if (name === 'raw' && !off) cur = { ...cur, min: 1, time: 0 }, set(RAW_OFF, false);
    else if ((name === 'raw' && off) || (name === 'cooked' && !off)) set(COOKED_ON, true);
    else if (name === 'cooked' && off) cur = { ...cur, min: 1, time: 0 }, set(RAW_OFF, false);
    else if (name === 'sane' && !off) cur = sane(cur);
    else if (name === 'size' && !off) change.printSize = true;
    else if (off) return { invalid: a };
    else if (CHAR_NAMES.has(name) || name === 'min' || name === 'time' || ['rows', 'cols', 'columns'].includes(name)) {
      const value = args[++i];
      if (value === undefined) return { missing: a };
      if (CHAR_NAMES.has(name)) {
        const c = parseChar(value);
        if (c === undefined) return { invalid: value };
        cur = { ...cur, chars: { ...cur.chars, [name]: c } };
        continue;
      }
      if (!/^\d+$/.test(value)) return { invalid: value };
      const n = Number(value);
      if (name === 'min') cur = { ...cur, min: n & 0xff };
      else if (name === 'time') cur = { ...cur, time: n & 0xff };
      else change.size = { ...change.size, [name === 'rows' ? 'rows' : 'cols']: n };
    } else {
      return { invalid: a };
    }
  }
  change.modes = cur;
  return change;
}

/** The wrapping width GNU stty uses: stdout's terminal width, else $COLUMNS, else 80. */
function* screenColumns(env: readonly string[]): Code<number> {
  const ws = yield* sys.tiocgwinsz(1);
  if (!(ws instanceof sys.SysError) && ws.cols > 0) return ws.cols;
  const columns = Number(getenv(env, 'COLUMNS'));
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}

function* setAttributes(prog: string, current: Termios, change: Change): Code<number> {
  const r = yield* sys.tcsetattr(0, 'drain', termiosOf(change.modes, current));
  if (r instanceof sys.SysError) {
    yield* err(`${prog}: 'standard input': ${r.reason}\n`);
    return 1;
  }
  if (change.size) {
    const ws = yield* sys.tiocgwinsz(0);
    if (ws instanceof sys.SysError) {
      yield* err(`${prog}: 'standard input': ${ws.reason}\n`);
      return 1;
    }
    yield* sys.tiocswinsz(0, { rows: change.size.rows ?? ws.rows, cols: change.size.cols ?? ws.cols });
  }
  if (change.printSize) {
    const ws = yield* sys.tiocgwinsz(0);
    if (!(ws instanceof sys.SysError)) yield* out(`${ws.rows} ${ws.cols}\n`);
  }
  return 0;
}

export const stty: Program = function* (argv, env) {
  const prog = argv[0] ?? 'stty';
  const args = argv.slice(1);
  const all = args[0] === '-a' || args[0] === '--all';
  if (all && args.length > 1) {
    yield* err(`${prog}: when specifying an output style, modes may not be set\n`);
    return 1;
  }
  // GNU stty checks every operand before it looks at the terminal.
  const checked = apply(START, all ? [] : args);
  if ('invalid' in checked) return yield* usageError(prog, `${prog}: invalid argument '${checked.invalid}'`);
  if ('missing' in checked) return yield* usageError(prog, `${prog}: missing argument to '${checked.missing}'`);
  const current = yield* sys.tcgetattr(0);
  if (current instanceof sys.SysError) {
    yield* err(`${prog}: 'standard input': ${current.reason}\n`);
    return 1;
  }
  const modes = modesOf(current);
  if (all || args.length === 0) {
    const maxCol = yield* screenColumns(env);
    if (!all) {
      yield* out(displayChanged(modes, maxCol));
      return 0;
    }
    const ws = yield* sys.tiocgwinsz(0);
    yield* out(displayAll(modes, ws instanceof sys.SysError ? null : ws, maxCol));
    return 0;
  }
  const change = apply(modes, args);
  return 'modes' in change ? yield* setAttributes(prog, current, change) : 1;
};
