// dash's test and [ builtins: strings (-n -z = !=), integers (-eq -ne -lt -le -gt -ge), files
// (-e -f -d -x -r -w -s), ! and one-argument tests. -a, -o and parentheses are not modelled.
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

function* evaluate(args: readonly string[]): Code<boolean> {
  if (args[0] === '!' && args.length > 1) return !(yield* evaluate(args.slice(1)));
  switch (args.length) {
    case 0: return false;
    case 1: return args[0] !== '';
    case 2: {
      const [op, x] = args as [string, string];
      if (op === '-n') return x !== '';
      if (op === '-z') return x === '';
      if (FILE_OPS.includes(op)) return yield* fileTest(op, x);
      throw new Bad(`${op}: unexpected operator`);
    }
    case 3: {
      const [a, op, b] = args as [string, string, string];
      if (op === '=') return a === b;
      if (op === '!=') return a !== b;
      if (INT_OPS.includes(op)) {
        const [x, y] = [integer(a), integer(b)];
        return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op]!;
      }
      throw new Bad(`${op}: unexpected operator`);
    }
  }
  throw new Bad(`${args[1]}: unexpected operator`);
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
