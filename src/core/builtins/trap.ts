// `trap [-lp] [[action] condition ...]` (XCU 2.14 trap, builtins/trap.def):
// - no operand, or -p: the traps as commands that would set them again (`trap -- 'cmd' SIGINT`);
//   -p with conditions lists only those; -l lists the signals as `kill -l` does;
// - `trap action cond…` sets, `trap '' cond…` ignores, `trap - cond…` resets;
// - a lone condition, or a first operand that is a number, resets every operand (`trap 2`);
// - a condition is a signal name (any case, SIG optional), a number, EXIT (0), or one of the
//   shell's own: ERR (any case, never a number). A bad one is reported and skipped, and the
//   status is 1.

import { singleQuoted } from './lib/quote.js';
import { bashSignalName, decodeSignal, signalTable } from './lib/signames.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';
import { DEBUG, ERR, RETURN } from '../traps.js';

/** The shell's own conditions by name, as bash's decode_signal knows them (not by number). */
const CONDITIONS: ReadonlyMap<string, number> = new Map([['DEBUG', DEBUG], ['ERR', ERR], ['RETURN', RETURN]]);
/** Conditions bash has that jcsh does not run yet: refused rather than set and never run. */
const UNSUPPORTED: ReadonlySet<number> = new Set([DEBUG]);

function decodeCondition(word: string): number | undefined {
  return decodeSignal(word) ?? CONDITIONS.get(word.toUpperCase());
}

function conditionName(sig: number): string {
  for (const [name, n] of CONDITIONS) if (n === sig) return name;
  return bashSignalName(sig) ?? String(sig);
}

const USAGE = 'trap [-lp] [[arg] signal_spec ...]';

export const trapBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'lp', USAGE);
  if (!parsed) return 2;
  const names = new Set(parsed.options.map((o) => o.name));
  if (names.has('l')) {
    ctx.io.out(signalTable());
    return 0;
  }
  const operands = parsed.operands;
  if (operands.length === 0 || names.has('p')) return list(ctx, operands);
  const first = operands[0]!;
  if (operands.length === 1 && first !== '' && first !== '-' && decodeCondition(first) !== undefined) return change(ctx, null, operands);
  if (/^\d+$/.test(first)) return change(ctx, null, operands);
  if (operands.length === 1) {
    ctx.usage(USAGE);
    return 2;
  }
  return change(ctx, first === '-' ? null : first, operands.slice(1));
};

/** Sets (or, with null, resets) each condition; 1 if any was not a signal. */
function change(ctx: BuiltinContext, action: string | null, conditions: readonly string[]): number {
  return eachSignal(ctx, conditions, (sig) => ctx.shell.traps.set(sig, action));
}

/** `use` for each condition that names a signal (or EXIT); the others are errors, status 1. */
function eachSignal(ctx: BuiltinContext, conditions: readonly string[], use: (sig: number) => void): number {
  let status = 0;
  for (const word of conditions) {
    const sig = decodeCondition(word);
    if (sig === undefined) {
      ctx.error(`${word}: invalid signal specification`);
      status = 1;
    } else if (UNSUPPORTED.has(sig)) {
      ctx.error(`${word}: trap on ${conditionName(sig)} is not supported by jcsh`);
      status = 1;
    } else {
      use(sig);
    }
  }
  return status;
}

/** The listing: every trap, or those of the conditions given. */
function list(ctx: BuiltinContext, conditions: readonly string[]): number {
  const traps = new Map(ctx.shell.traps.listing());
  if (conditions.length === 0) {
    for (const [sig, action] of traps) line(ctx, sig, action);
    return 0;
  }
  return eachSignal(ctx, conditions, (sig) => {
    const action = traps.get(sig);
    if (action !== undefined) line(ctx, sig, action);
  });
}

function line(ctx: BuiltinContext, sig: number, action: string): void {
  ctx.io.out(`trap -- ${singleQuoted(action)} ${conditionName(sig)}\n`);
}
