// GNU getopt_long as coreutils uses it: options may follow operands (the argument list is
// permuted), `--` ends options, a lone `-` is an operand, and bad options produce the exact
// two-line complaint the real tools print.

import type { Code } from '../types.js';
import { err } from './lib.js';

export interface Parsed {
  /** Options in order: the letter (or long name) and its argument. */
  readonly options: Array<{ readonly name: string; readonly value: string | undefined }>;
  readonly operands: string[];
}

export interface Spec {
  /** Short options; a letter followed by ':' takes an argument (getopt's optstring). */
  readonly short: string;
  /** Long options, mapped to [name they report as, takes an argument]. */
  readonly long?: Readonly<Record<string, readonly [string, boolean]>>;
}

/** Parses `args` (argv without argv[0]); on a bad option returns the message line getopt prints. */
export function getopt(prog: string, args: readonly string[], spec: Spec): Parsed | string {
  const options: Parsed['options'] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((l) => l.startsWith(name));
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact === undefined) return `${prog}: unrecognized option '${a}'`;
      const [reported, takesArg] = spec.long![exact]!;
      if (!takesArg) {
        if (eq >= 0) return `${prog}: option '--${exact}' doesn't allow an argument`;
        options.push({ name: reported, value: undefined });
      } else if (eq >= 0) {
        options.push({ name: reported, value: a.slice(eq + 1) });
      } else if (i + 1 < args.length) {
        options.push({ name: reported, value: args[++i] });
      } else {
        return `${prog}: option '--${exact}' requires an argument`;
      }
      continue;
    }
    if (a.length < 2 || a[0] !== '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const at = spec.short.indexOf(c);
      if (at < 0 || c === ':') return `${prog}: invalid option -- '${c}'`;
      if (spec.short[at + 1] !== ':') {
        options.push({ name: c, value: undefined });
        continue;
      }
      if (j + 1 < a.length) options.push({ name: c, value: a.slice(j + 1) });
      else if (i + 1 < args.length) options.push({ name: c, value: args[++i] });
      else return `${prog}: option requires an argument -- '${c}'`;
      break;
    }
  }
  return { options, operands };
}

/** Prints a usage complaint the way coreutils does, and gives the status they exit with. */
export function* usageError(prog: string, line: string, status = 1): Code<number> {
  yield* err(`${line}\nTry '${prog} --help' for more information.\n`);
  return status;
}
