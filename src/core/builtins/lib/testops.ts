// The operators of `test`: file tests by lstat/stat and access(2), string and integer
// comparisons, and bash's -v (variable is set) and -o (shell option is on).

import { absolute } from '../../lookup.js';
import { legalInteger, legalNumber } from './numbers.js';
import type { BuiltinContext } from '../types.js';

export { isBinary, isUnary } from '../../../lang/test-ops.js';

/** All the tests need of their caller: `test` passes its context, `[[` the shell. */
type On = Pick<BuiltinContext, 'shell'>;

export function unaryTest(ctx: On, op: string, arg: string): boolean {
  switch (op) {
    case '-n': return arg !== '';
    case '-z': return arg === '';
    case '-v': return ctx.shell.vars.get(arg) !== undefined || (/^[1-9]\d*$/.test(arg) && Number(arg) <= ctx.shell.positional.length);
    case '-o': return ctx.shell.options.isOn(arg);
    case '-R': return false;
    case '-t': {
      const fd = legalNumber(arg);
      return fd !== null && fd >= 0n && fd < 1024n && ctx.shell.port.isatty(Number(fd));
    }
    default: return fileTest(ctx, op, arg);
  }
}

function fileTest(ctx: On, op: string, arg: string): boolean {
  if (arg === '') return false;
  const path = absolute(ctx.shell, arg);
  const link = op === '-h' || op === '-L';
  const f = ctx.shell.port.inspect(path, !link);
  if (f === null) return false;
  switch (op) {
    case '-a': case '-e': return true;
    case '-f': return f.type === 'file';
    case '-d': return f.type === 'directory';
    case '-b': return f.type === 'block';
    case '-c': return f.type === 'char';
    case '-p': return f.type === 'fifo';
    case '-S': return f.type === 'socket';
    case '-h': case '-L': return f.type === 'symlink';
    case '-s': return f.size > 0;
    case '-r': return f.readable;
    case '-w': return f.writable;
    case '-x': return f.executable;
    case '-u': return f.setuid;
    case '-g': return f.setgid;
    case '-k': return f.sticky;
    case '-O': return f.owned;
    case '-G': return f.groupOwned;
    default: return false; // -N: jcsh does not track access times
  }
}

/** true/false, or the operand that is not an integer. */
export function binaryTest(ctx: On, a: string, op: string, b: string): boolean | { bad: string } {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-nt': case '-ot': case '-ef': return fileCompare(ctx, a, op, b);
    default: return integerCompare(a, op, b);
  }
}

function integerCompare(a: string, op: string, b: string): boolean | { bad: string } {
  const x = legalInteger(a);
  if (x === null) return { bad: a };
  const y = legalInteger(b);
  if (y === null) return { bad: b };
  switch (op) {
    case '-eq': return x === y;
    case '-ne': return x !== y;
    case '-lt': return x < y;
    case '-le': return x <= y;
    case '-gt': return x > y;
    default: return x >= y;
  }
}

function fileCompare(ctx: On, a: string, op: string, b: string): boolean {
  const port = ctx.shell.port;
  const fa = a === '' ? null : port.inspect(absolute(ctx.shell, a), true);
  const fb = b === '' ? null : port.inspect(absolute(ctx.shell, b), true);
  if (op === '-ef') return fa !== null && fb !== null && fa.identity === fb.identity;
  // bash: a file that exists is newer than one that does not
  if (op === '-nt') return fa !== null && (fb === null || fa.mtime > fb.mtime);
  return fb !== null && (fa === null || fa.mtime < fb.mtime);
}
