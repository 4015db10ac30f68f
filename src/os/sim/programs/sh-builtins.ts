// The builtins of the simulated sh, as dash has them: `:`, true, false, echo (escapes always
// on, -n only first), read, exit, trap, kill, wait, cd, pwd. `exec` is the executor's, since it
// replaces the shell. Each returns its exit status; `exit` sets state.exiting.

import { parseSignal, SIG, signalName, SIGNALS } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { expandEscapes } from './echo.js';
import { out, readLine } from './lib.js';
import type { ShellState } from './sh-state.js';

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

function* read(sh: ShellState, args: readonly string[]): Code<number> {
  const names = args.filter((a) => a !== '-r');
  if (names.length === 0) {
    yield* sh.warn('read: arg count');
    return 2;
  }
  const r = yield* readLine(0, () => sh.pending.length > 0);
  if (r instanceof sys.SysError && r.errno === 'EINTR') return 128 + sh.pending[0]!;
  if (r instanceof sys.SysError) {
    yield* sh.warn(`read: ${r.reason}`);
    return 1;
  }
  let rest = r.line.replace(/^[ \t\n]+/, '');
  names.forEach((name, i) => {
    if (i === names.length - 1) {
      sh.vars.set(name, rest.replace(/[ \t\n]+$/, ''));
      return;
    }
    const m = /^([^ \t\n]*)[ \t\n]*/.exec(rest)!;
    sh.vars.set(name, m[1]!);
    rest = rest.slice(m[0].length);
  });
  return r.newline ? 0 : 1;
}

/** A trap's signal: a name without SIG, a number, or EXIT (0); undefined for a bad one. */
function trapSignal(spec: string): number | undefined {
  if (spec === 'EXIT') return 0;
  if (/^\d+$/.test(spec)) return Number(spec) < 65 ? Number(spec) : undefined;
  if (/^SIG/i.test(spec) || spec !== spec.toUpperCase()) return undefined;
  const n = parseSignal(spec);
  return n === 0 ? undefined : n;
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

function* trap(sh: ShellState, args: readonly string[]): Code<number> {
  if (args.length === 0) {
    for (const [sig, action] of [...sh.traps].sort((a, b) => a[0] - b[0])) {
      yield* out(`trap -- ${quote(action)} ${sig === 0 ? 'EXIT' : signalName(sig)}\n`);
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

function* kill(sh: ShellState, args: readonly string[]): Code<number> {
  const usage = () => sh.warn('kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]');
  let signal: number = SIG.TERM;
  let rest = [...args];
  const first = rest[0];
  if (first === undefined) {
    yield* usage();
    return 2;
  }
  if (first === '-l') {
    if (rest.length === 1) {
      for (const s of SIGNALS) yield* out(`${s.name}\n`);
      return 0;
    }
    for (const spec of rest.slice(1)) {
      const n = /^\d+$/.test(spec) ? Number(spec) : NaN;
      const name = n > 128 ? signalName(n - 128) : signalName(n);
      if (!/^\d+$/.test(spec)) {
        const num = parseSignal(spec);
        if (num === undefined) {
          yield* sh.warn(`kill: invalid signal number or exit status: ${spec}`);
          return 2;
        }
        yield* out(`${num}\n`);
      } else if (name === undefined) {
        yield* sh.warn(`kill: invalid signal number or exit status: ${spec}`);
        return 2;
      } else {
        yield* out(`${name}\n`);
      }
    }
    return 0;
  }
  // The first operand starting with '-' is always the signal: a negative pid needs `--`.
  if (first.startsWith('-') && first !== '--') {
    const spec = first === '-s' ? rest[1] : first.slice(1);
    if (spec === undefined) {
      yield* usage();
      return 2;
    }
    const n = parseSignal(spec);
    if (n === undefined) {
      yield* sh.warn(`kill: invalid signal number or name: ${spec}`);
      return 2;
    }
    signal = n;
    rest = rest.slice(first === '-s' ? 2 : 1);
  }
  if (rest[0] === '--') rest = rest.slice(1);
  if (rest.length === 0) {
    yield* usage();
    return 2;
  }
  let status = 0;
  for (const p of rest) {
    if (!/^-?\d+$/.test(p)) {
      yield* sh.warn(`kill: Illegal number: ${p}`);
      return 2;
    }
    const r = yield* sys.kill(Number(p), signal);
    if (r instanceof sys.SysError) {
      yield* sh.warn(`kill: ${r.reason}`);
      status = 1;
    }
  }
  return status;
}

function* wait(sh: ShellState, args: readonly string[]): Code<number> {
  const targets = args.length > 0 ? args.map(Number) : [-1];
  let status = 0;
  for (const pid of targets) {
    for (;;) {
      const r = yield* sys.waitpid(pid);
      if (r instanceof sys.SysError) {
        // A trapped signal ends the wait with 128 + its number; its trap runs next.
        if (r.errno === 'EINTR' && sh.pending.length > 0) return 128 + sh.pending[0]!;
        if (r.errno === 'EINTR') continue;
        if (pid !== -1) status = 127;
        break;
      }
      if (r === 0) break;
      status = r.status.kind === 'exited' ? r.status.code : r.status.kind === 'signaled' ? 128 + r.status.signal : 0;
      if (pid !== -1) break;
    }
  }
  return status;
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
  ['cd', cd],
  ['echo', echo],
  ['exit', exit],
  ['false', function* () { return 1; }],
  ['kill', kill],
  ['pwd', pwd],
  ['read', read],
  ['trap', trap],
  ['true', function* () { return 0; }],
  ['wait', wait],
]);
