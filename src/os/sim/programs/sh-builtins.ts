// The builtins of the simulated sh, as dash has them: `:`, true, false, echo (escapes always
// on, -n only first), read, exit, trap, kill (sh-kill.ts), test and [ (sh-test.ts), break,
// continue, return, set --, printf (printf.ts), wait, cd, pwd. `exec` is the executor's, since it
// replaces the shell. Each returns its exit status; `exit` sets state.exiting.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { expandEscapes } from './echo.js';
import { out, readLine } from './lib.js';
import { formatAll, type PrintfStyle } from './printf.js';
import { dashSignal, dashSignalName, killBuiltin } from './sh-kill.js';
import type { ShellState } from './sh-state.js';
import { testBuiltin } from './sh-test.js';

export type Builtin = (sh: ShellState, args: readonly string[]) => Code<number>;

function* echo(_sh: ShellState, args: readonly string[]): Code<number> {
  const newline = args[0] !== '-n';
  const words = newline ? args : args.slice(1);
  // dash's echo expands escapes like printf %b, \c ending all output.
  const expanded = expandEscapes(words.join(' '));
  yield* out(expanded.stop || !newline ? expanded.text : `${expanded.text}\n`);
  return 0;
}

function* exit(sh: ShellState, args: readonly string[]): Code<number> {
  const arg = args[0];
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    yield* sh.warn(`exit: Illegal number: ${arg}`);
    sh.exiting = 2;
    return 2;
  }
  sh.exiting = arg === undefined ? sh.status : Number(arg) & 0xff;
  return sh.exiting;
}

/** dash's read: one line (joined with the next after a backslash, unless -r), split on blanks. */
function* read(sh: ShellState, args: readonly string[]): Code<number> {
  const raw = args.includes('-r');
  const names = args.filter((a) => a !== '-r');
  if (names.length === 0) {
    yield* sh.warn('read: arg count');
    return 2;
  }
  let text = '';
  let newline = false;
  for (;;) {
    const r = yield* readLine(0, () => sh.pending.length > 0);
    if (r instanceof sys.SysError && r.errno === 'EINTR') return 128 + sh.pending[0]!;
    if (r instanceof sys.SysError) {
      yield* sh.warn(`read: ${r.reason}`);
      return 1;
    }
    newline = r.newline;
    const continued = !raw && r.newline && /(^|[^\\])(\\\\)*\\$/.test(r.line);
    text += continued ? r.line.slice(0, -1) : r.line;
    if (!continued) break;
  }
  // Without -r a backslash quotes the character after it (and is removed).
  const line = raw ? text : text.replace(/\\(.)/g, '$1');
  let rest = line.replace(/^[ \t\n]+/, '');
  names.forEach((name, i) => {
    if (i === names.length - 1) {
      sh.vars.set(name, rest.replace(/[ \t\n]+$/, ''));
      return;
    }
    const m = /^([^ \t\n]*)[ \t\n]*/.exec(rest)!;
    sh.vars.set(name, m[1]!);
    rest = rest.slice(m[0].length);
  });
  return newline ? 0 : 1;
}

/** A trap's signal: a name of dash's table in any case (no SIG prefix), a number, or EXIT (0). */
function trapSignal(spec: string): number | undefined {
  if (spec.toUpperCase() === 'EXIT') return 0;
  return dashSignal(spec);
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

function* trap(sh: ShellState, args: readonly string[]): Code<number> {
  if (args.length === 0) {
    for (const [sig, action] of [...sh.traps].sort((a, b) => a[0] - b[0])) {
      yield* out(`trap -- ${quote(action)} ${sig === 0 ? 'EXIT' : dashSignalName(sig) ?? sig}\n`);
    }
    return 0;
  }
  // A first operand that is a number means every operand is a signal to reset.
  const reset = args[0] === '-' || /^\d+$/.test(args[0]!);
  const action = reset ? null : args[0]!;
  let status = 0;
  for (const spec of args[0] === '-' || !reset ? args.slice(1) : args) {
    const sig = trapSignal(spec);
    if (sig === undefined) {
      yield* sys.write(2, `trap: ${spec}: bad trap\n`);
      status = 1;
      continue;
    }
    if (action === null) sh.traps.delete(sig);
    else sh.traps.set(sig, action);
    if (sig === 0) continue;
    if (sig === SIG.KILL || sig === SIG.STOP) continue;
    const disposition = action === null ? (sig === SIG.INT && sh.catchesInt ? sh.catcher() : 'default') : action === '' ? 'ignore' : sh.catcher();
    yield* sys.sigaction(sig, { handler: disposition, flags: {}, mask: [] });
  }
  return status;
}

/** dash's wait: for the given children (or all), using what earlier waits already reaped. */
function* wait(sh: ShellState, args: readonly string[]): Code<number> {
  let status = 0;
  for (const arg of args.length > 0 ? args : [null]) {
    const pid = arg === null ? -1 : Number(arg);
    if (pid !== -1 && sh.reaped.has(pid)) {
      status = sh.reaped.get(pid)!;
      sh.reaped.delete(pid);
      continue;
    }
    if (pid === -1) sh.reaped.clear();
    for (;;) {
      const r = yield* sys.waitpid(pid);
      if (r instanceof sys.SysError) {
        // A trapped signal ends the wait with 128 + its number; its trap runs next.
        if (r.errno === 'EINTR' && sh.pending.length > 0) return 128 + sh.pending[0]!;
        if (r.errno === 'EINTR') continue;
        if (pid !== -1) status = 127;
        break;
      }
      if (r === 0 || (r.status.kind !== 'exited' && r.status.kind !== 'signaled')) continue;
      status = r.status.kind === 'exited' ? r.status.code : 128 + r.status.signal;
      if (pid !== -1) break;
    }
    if (pid === -1) status = 0;
  }
  return status;
}

/** break [N] and continue [N]: unwind N loops (outside a loop they do nothing, as in dash). */
function loopControl(kind: 'break' | 'continue'): Builtin {
  return function* (sh, args) {
    const n = args[0] === undefined ? 1 : /^\d+$/.test(args[0]) ? Number(args[0]) : NaN;
    if (!(n > 0)) {
      yield* sh.warn(`${kind}: Illegal number: ${args[0]}`);
      return 2;
    }
    if (sh.loopDepth > 0) sh.loop = { kind, levels: Math.min(n, sh.loopDepth) };
    return 0;
  };
}

/** set -- ARGS: new positional parameters (the only form of set modelled). */
function* set(sh: ShellState, args: readonly string[]): Code<number> {
  if (args[0] === '--' || (args.length > 0 && !args[0]!.startsWith('-') && !args[0]!.startsWith('+'))) {
    sh.args = args[0] === '--' ? args.slice(1) : [...args];
    return 0;
  }
  if (args.length === 0) {
    for (const [k, v] of [...sh.vars].sort(([a], [c]) => (a < c ? -1 : 1))) yield* out(`${k}=${quote(v)}\n`);
    return 0;
  }
  yield* sh.warn(`set: Illegal option ${args[0]!.slice(0, 2)}`);
  return 2;
}

/** return [N]: ends the function (or, outside one, the shell, as dash's -c does). */
function* returnBuiltin(sh: ShellState, args: readonly string[]): Code<number> {
  const n = args[0] === undefined ? sh.status : /^\d+$/.test(args[0]) ? Number(args[0]) & 0xff : NaN;
  if (Number.isNaN(n)) {
    yield* sh.warn(`return: Illegal number: ${args[0]}`);
    return 2;
  }
  if (sh.inFunction > 0) sh.returning = n;
  else sh.exiting = n;
  return n;
}

const DASH_PRINTF: PrintfStyle = {
  badNumber: (arg) => `printf: ${arg}: expected numeric value`,
  badDirective: (d) => `printf: ${d}: invalid directive`,
  formatStops: false,
};

function* printfBuiltin(sh: ShellState, args: readonly string[]): Code<number> {
  if (args.length === 0) {
    yield* sh.warn('printf: usage: printf format [arg ...]');
    return 2;
  }
  const r = formatAll(args[0]!, args.slice(1), DASH_PRINTF);
  for (const w of r.warnings) yield* sh.warn(w);
  yield* out(r.text);
  return r.bad ? 2 : r.status;
}

function* cd(sh: ShellState, args: readonly string[]): Code<number> {
  const dir = args[0] ?? sh.vars.get('HOME') ?? '/';
  const r = yield* sys.chdir(dir);
  if (r instanceof sys.SysError) {
    yield* sh.warn(`cd: can't cd to ${dir}`);
    return 2;
  }
  return 0;
}

function* pwd(): Code<number> {
  yield* out(`${yield* sys.getcwd()}\n`);
  return 0;
}

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [':', function* () { return 0; }],
  ['[', testBuiltin('[')],
  ['break', loopControl('break')],
  ['cd', cd],
  ['continue', loopControl('continue')],
  ['echo', echo],
  ['exit', exit],
  ['false', function* () { return 1; }],
  ['kill', killBuiltin],
  ['printf', printfBuiltin],
  ['pwd', pwd],
  ['read', read],
  ['return', returnBuiltin],
  ['set', set],
  ['test', testBuiltin('test')],
  ['trap', trap],
  ['true', function* () { return 0; }],
  ['wait', wait],
]);
