// The parsed form of an arithmetic expression. A syntax error becomes a 'fail' node at the
// point where bash, which evaluates while it parses, would have stopped: what comes before it
// in evaluation order still runs (`x=1, 1+` sets x), what comes after never does.

import type { Int } from './int.js';

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '**' | '<<' | '>>'
  | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&' | '^' | '|';

export type Node =
  | { readonly k: 'num'; readonly value: Int }
  /** A variable read; `offset` starts bash's error token for a recursion error. */
  | { readonly k: 'var'; readonly name: string; readonly offset: number }
  | { readonly k: 'unary'; readonly op: '-' | '+' | '!' | '~'; readonly a: Node }
  /** `++x`, `--x`, `x++`, `x--`. */
  | { readonly k: 'step'; readonly name: string; readonly delta: 1 | -1; readonly post: boolean; readonly offset: number }
  /** `offset`: where bash's error token starts for division by 0 or a negative exponent. */
  | { readonly k: 'binary'; readonly op: BinaryOp; readonly a: Node; readonly b: Node; readonly offset: number }
  | { readonly k: 'and' | 'or'; readonly a: Node; readonly b: Node }
  | { readonly k: 'cond'; readonly test: Node; readonly then: Node; readonly otherwise: Node }
  /** `name = value`, or `name op= value` with `op` the binary operator. */
  | { readonly k: 'assign'; readonly name: string; readonly op: BinaryOp | null; readonly value: Node; readonly offset: number; readonly nameOffset: number }
  /** `a, b`; also a completed part followed by a failure. */
  | { readonly k: 'comma'; readonly a: Node; readonly b: Node }
  | { readonly k: 'fail'; readonly message: string; readonly offset: number };

export const ZERO: Node = { k: 'num', value: 0 };
