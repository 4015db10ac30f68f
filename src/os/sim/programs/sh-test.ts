// dash's test and [ builtins: strings (-n -z = !=), integers (-eq -ne -lt -le -gt -ge), files
// (-e -f -d -x -r -w -s), !, -a and -o. Parentheses are not modelled.
// Status 0 true, 1 false, 2 with dash's complaint on bad usage.

import * as sys from '../sys.js';
import type { Code } from '../types.js';
import type { ShellState } from './sh-state.js';

const INT_OPS = ['-eq', '-ne', '-lt', '-le', '-gt', '-ge'];
const FILE_OPS = ['-e', '-f', '-d', '-x', '-r', '-w', '-s', '-h', '-L', '-p', '-c', '-t'];

class Bad {
  constructor(readonly message: string) {}
}

function integer(text: string): number {
  if (!/^\s*-?\d+\s*$/.test(text)) throw new Bad(`Illegal number: ${text}`);
  return Number(text);
}

function* fileTest(op: string, path: string): Code<boolean> {
  if (op === '-t') return yield* sys.isatty(Number(path));
  const st = yield* sys.stat(path);
  if (st instanceof sys.SysError) return false;
  switch (op) {
    case '-f': return st.type === 'file' || st.type === 'program';
    case '-d': return st.type === 'directory';
    case '-x': return st.executable;
    case '-s': return st.size > 0;
    case '-p': return st.type === 'fifo';
    case '-c': return st.type === 'device';
    case '-h':
    case '-L': return false;
    default: return true;
  }
}

/** A primary: a unary test, a binary one, or a single string. */
function* primary(args: readonly string[], at: number): Code<{ value: boolean; next: number }> {
  const [a, b, c] = [args[at], args[at + 1], args[at + 2]];
  if (a === undefined) throw new Bad('argument expected');
  if (b !== undefined && c !== undefined && (b === '=' || b === '!=' || INT_OPS.includes(b))) {
    if (b === '=' || b === '!=') return { value: (a === c) === (b === '='), next: at + 3 };
    const [x, y] = [integer(a), integer(c)];
    const value = { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[b]!;
    return { value, next: at + 3 };
  }
  if (b !== undefined && (a === '-n' || a === '-z')) return { value: (b === '') === (a === '-z'), next: at + 2 };
  if (b !== undefined && FILE_OPS.includes(a)) return { value: yield* fileTest(a, b), next: at + 2 };
  if (b !== undefined && b !== '-a' && b !== '-o' && /^-[a-zA-Z]$/.test(a)) throw new Bad(`${a}: unexpected operator`);
  return { value: a !== '', next: at + 1 };
}

function* negation(args: readonly string[], at: number): Code<{ value: boolean; next: number }> {
  if (args[at] === '!' && at + 1 < args.length) {
    const r = yield* negation(args, at + 1);
    return { value: !r.value, next: r.next };
  }
  return yield* primary(args, at);
}

/** -o of -a of primaries, as dash's test reads them. */
function* evaluate(args: readonly string[]): Code<boolean> {
  if (args.length === 0) return false;
  let at = 0;
  let any = false;
  for (;;) {
    let all = true;
    for (;;) {
      const r = yield* negation(args, at);
      all &&= r.value;
      at = r.next;
      if (args[at] !== '-a') break;
      at++;
    }
    any ||= all;
    if (args[at] !== '-o') break;
    at++;
  }
  if (at < args.length) throw new Bad(`${args[at]}: unexpected operator`);
  return any;
}

/** test EXPR and [ EXPR ]. */
export function testBuiltin(name: 'test' | '['): (sh: ShellState, args: readonly string[]) => Code<number> {
  return function* (sh, args) {
    let operands = args;
    if (name === '[') {
      if (args[args.length - 1] !== ']') {
        yield* sh.warn('[: missing ]');
        return 2;
      }
      operands = args.slice(0, -1);
    }
    try {
      return (yield* evaluate(operands)) ? 0 : 1;
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      yield* sh.warn(`${name}: ${e.message}`);
      return 2;
    }
  };
}
