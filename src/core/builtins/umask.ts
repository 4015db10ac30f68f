// `umask [-p] [-S] [mode]` (builtins/umask.def): prints the file creation mask as four octal
// digits (-S: as u=…,g=…,o=… permissions; -p: as a umask command), or sets it from an octal
// number or a symbolic mode (`u=rwx,g+w,a-x`), which says what is allowed rather than masked.

import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const WHO: Readonly<Record<string, number>> = { u: 0o700, g: 0o070, o: 0o007, a: 0o777 };
const PERM: Readonly<Record<string, number>> = { r: 0o444, w: 0o222, x: 0o111 };

export const umaskBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'pS', 'umask [-p] [-S] [mode]');
  if (!parsed) return 2;
  const symbolic = parsed.options.some((o) => o.name === 'S');
  const reusable = parsed.options.some((o) => o.name === 'p');
  const port = ctx.shell.port;
  const mode = parsed.operands[0];
  if (mode === undefined) {
    print(ctx, port.umask(), symbolic, reusable);
    return 0;
  }
  const current = port.umask();
  port.umask(current);
  const mask = /^[0-9]/.test(mode) ? octal(ctx, mode) : fromSymbolic(ctx, mode, current);
  if (mask === null) return 1;
  port.umask(mask);
  if (symbolic) print(ctx, mask, true, false);
  return 0;
};

function print(ctx: BuiltinContext, mask: number, symbolic: boolean, reusable: boolean): void {
  if (symbolic) {
    const allowed = ~mask & 0o777;
    const part = (who: string, shift: number): string => {
      const bits = (allowed >> shift) & 7;
      return `${who}=${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}`;
    };
    ctx.io.out(`${reusable ? 'umask -S ' : ''}${part('u', 6)},${part('g', 3)},${part('o', 0)}\n`);
    return;
  }
  ctx.io.out(`${reusable ? 'umask ' : ''}${mask.toString(8).padStart(4, '0')}\n`);
}

function octal(ctx: BuiltinContext, mode: string): number | null {
  if (!/^[0-7]+$/.test(mode) || parseInt(mode, 8) > 0o777) {
    ctx.error(`${mode}: octal number out of range`);
    return null;
  }
  return parseInt(mode, 8);
}

/** Applies `who op perms` clauses to the allowed permissions; returns the new mask. */
function fromSymbolic(ctx: BuiltinContext, mode: string, mask: number): number | null {
  let allowed = ~mask & 0o777;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)(.*)$/.exec(clause)!;
    let who = 0;
    for (const c of m[1]!) who |= WHO[c]!;
    if (who === 0) who = 0o777;
    let rest = m[2]!;
    if (rest === '' || !'+-='.includes(rest[0]!)) {
      ctx.error(`\`${rest[0] ?? clause}': invalid symbolic mode operator`);
      return null;
    }
    while (rest.length > 0) {
      const op = rest[0]!;
      if (!'+-='.includes(op)) {
        ctx.error(`\`${op}': invalid symbolic mode operator`);
        return null;
      }
      let perms = 0;
      let i = 1;
      for (; i < rest.length && !'+-='.includes(rest[i]!); i++) {
        const bits = PERM[rest[i]!];
        if (bits === undefined) {
          ctx.error(`\`${rest[i]}': invalid symbolic mode character`);
          return null;
        }
        perms |= bits;
      }
      rest = rest.slice(i);
      if (op === '+') allowed |= perms & who;
      else if (op === '-') allowed &= ~(perms & who);
      else allowed = (allowed & ~who) | (perms & who);
    }
  }
  return ~allowed & 0o777;
}
