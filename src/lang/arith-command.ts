// bash's arithmetic command `((expression))`. As in bash's parse_dparen, `((` is arithmetic
// only if the parenthesis matching the second `(` is followed at once by `)`; otherwise
// (`((cd x; ls) )`, `((a); (b))`) it is two subshell parentheses, read again as such. The
// expression is read as in `$((…))` (arith/scan.ts): expansions inside, double quotes removed.

import type { Word } from './ast.js';
import { skipContinuations } from './chars.js';
import { scanArith } from './arith/scan.js';
import { scanBackquote, scanDollar } from './dollar.js';
import type { ScanContext } from './tokens.js';
import { WordScanner } from './word-lexer.js';

const LPAREN = 40;

/** The `((…))` whose first `(` is at `open`, or null when it is not an arithmetic command. */
export function scanArithCommand(ctx: ScanContext, open: number): { expression: Word; end: number } | null {
  const second = skipContinuations(ctx.src, open + 1);
  if (ctx.src.charCodeAt(second) !== LPAREN) return null;
  const r = scanArith(ctx, open, second, true, {
    dollar: (c, k) => scanDollar(c, k, true, WordScanner.braceWord),
    backquote: (c, k) => scanBackquote(c, k, true),
  });
  if (r === null || r.part.kind !== 'arith') return null;
  return { expression: r.part.expression, end: r.end };
}
