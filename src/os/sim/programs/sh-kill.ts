// dash's kill builtin: `kill [-s sig | -sig] pid...` and `kill -l [status]`. Its signal names
// are dash's table: no STKFLT (16 prints as a number), 29 is IO, any case, no SIG prefix.

import { SIG, signalName } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { out } from './lib.js';
import type { ShellState } from './sh-state.js';

const NSIG = 65;

/** dash's name for a signal number, or undefined where its table has none. */
export function dashSignalName(n: number): string | undefined {
  return n === 16 ? undefined : signalName(n);
}

/** dash's decode_signal: a number below NSIG, or a name in any case without SIG. */
export function dashSignal(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec) < NSIG ? Number(spec) : undefined;
  for (let n = 1; n < NSIG; n++) if (dashSignalName(n)?.toUpperCase() === spec.toUpperCase()) return n;
  return undefined;
}

function* list(sh: ShellState, arg: string | undefined): Code<number> {
  if (arg === undefined) {
    let text = '0\n';
    for (let n = 1; n < NSIG; n++) text += `${dashSignalName(n) ?? n}\n`;
    yield* out(text);
    return 0;
  }
  if (!/^\d+$/.test(arg)) {
    yield* sh.warn(`kill: Illegal number: ${arg}`);
    return 2;
  }
  let n = Number(arg);
  if (n > 128) n -= 128;
  if (n > 0 && n < NSIG) yield* out(`${dashSignalName(n) ?? n}\n`);
  else yield* sh.warn(`kill: invalid signal number or exit status: ${arg}`);
  return 0;
}

export function* killBuiltin(sh: ShellState, args: readonly string[]): Code<number> {
  const usage = () => sh.warn('kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]');
  let signal: number = SIG.TERM;
  let listing = false;
  let i = 0;
  const first = args[0];
  if (first === undefined) {
    yield* usage();
    return 2;
  }
  const direct = first.startsWith('-') ? dashSignal(first.slice(1)) : undefined;
  if (direct !== undefined) {
    signal = direct;
    i = 1;
  } else {
    // Otherwise the leading arguments are options (dash's nextopt("ls:")).
    for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'l') {
          listing = true;
          continue;
        }
        if (c !== 's') {
          yield* sh.warn(`kill: Illegal option -${c}`);
          return 2;
        }
        const spec = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        const n = spec === undefined ? undefined : dashSignal(spec);
        if (n === undefined) {
          yield* (spec === undefined ? usage() : sh.warn(`kill: invalid signal number or name: ${spec}`));
          return 2;
        }
        signal = n;
        break;
      }
    }
  }
  if (listing) return yield* list(sh, args[i]);
  const pids = args.slice(i);
  if (pids.length === 0) {
    yield* usage();
    return 2;
  }
  let status = 0;
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) {
      yield* sh.warn(`kill: Illegal number: ${p}`);
      return 2;
    }
    const r = yield* sys.kill(Number(p), signal);
    if (r instanceof sys.SysError) {
      // dash formats this one with "%s\n" and its warning adds another newline: a blank line follows.
      yield* sh.warn(`kill: ${r.reason}\n`);
      status = 1;
    }
  }
  return status;
}
