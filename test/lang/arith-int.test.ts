// Arithmetic values are doubles while they are safe integers and BigInts beyond: every
// operation must give exactly what 64-bit wrapping arithmetic (bash's C longs) gives, on
// either side of 2^53 and of 2^63, and keep the canonical form (a number whenever it fits).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as int from '../../src/lang/arith/int.js';

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const SAFE = 2n ** 53n - 1n;

/** Values near the edges that matter (0, 2^31, 2^53, 2^63) and anywhere in 64 bits. */
const edge = fc.constantFrom(0n, 1n, -1n, 2n, 3n, 2n ** 31n, -(2n ** 31n), SAFE, SAFE + 1n, -SAFE, -SAFE - 1n, 2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n));
const value = fc.oneof(edge, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }), fc.integer({ min: -1000, max: 1000 }).map(BigInt));

function canonical(v: int.Int): bigint {
  if (typeof v === 'number') {
    expect(Number.isSafeInteger(v)).toBe(true);
    return BigInt(v);
  }
  expect(v > SAFE || v < -SAFE).toBe(true);
  return v;
}

const reference: Record<string, (a: bigint, b: bigint) => bigint> = {
  add: (a, b) => wrap(a + b),
  sub: (a, b) => wrap(a - b),
  mul: (a, b) => wrap(a * b),
  div: (a, b) => wrap(a / b),
  mod: (a, b) => a % b,
  shiftLeft: (a, b) => wrap(a << (b & 63n)),
  shiftRight: (a, b) => a >> (b & 63n),
  bitAnd: (a, b) => a & b,
  bitOr: (a, b) => a | b,
  bitXor: (a, b) => a ^ b,
};

describe('arithmetic values: doubles while safe, BigInt beyond', () => {
  for (const [name, ref] of Object.entries(reference)) {
    it(`${name} matches 64-bit wrapping arithmetic`, () => {
      fc.assert(fc.property(value, value, (a, b) => {
        if ((name === 'div' || name === 'mod') && b === 0n) return;
        const op = (int as unknown as Record<string, (x: int.Int, y: int.Int) => int.Int>)[name]!;
        expect(canonical(op(int.fromBig(a), int.fromBig(b)))).toBe(ref(a, b));
      }), { numRuns: 2000 });
    });
  }

  it('negation, ~ and ** wrap as in C', () => {
    fc.assert(fc.property(value, fc.bigInt({ min: 0n, max: 70n }), (a, e) => {
      expect(canonical(int.neg(int.fromBig(a)))).toBe(wrap(-a));
      expect(canonical(int.bitNot(int.fromBig(a)))).toBe(~a);
      let p = 1n;
      for (let i = 0n; i < e; i++) p = wrap(p * a);
      expect(canonical(int.power(int.fromBig(a), int.fromBig(e)))).toBe(p);
    }), { numRuns: 1000 });
  });

  it('prints a negative zero as 0', () => {
    expect(int.intText(int.mul(0, -5))).toBe('0');
    expect(int.intText(int.mod(-4, 2))).toBe('0');
    expect(int.isZero(int.div(-1, 3))).toBe(true);
  });
});
