// bash's arithmetic is on 64-bit signed integers that wrap. Almost every value a script computes
// (a counter, an index, a remainder) is far inside 2^53, where a double is exact and ten times
// cheaper than a BigInt; so a value is a number while it is a safe integer and a bigint only
// beyond. The form is canonical: a value that fits is always a number, so `===` and `0` tests
// work without looking at the type. Each operation computes in doubles when both sides are
// numbers and the exact result is a safe integer (a double result outside that range can only
// come from an exact result outside it), and in BigInt otherwise.

export type Int = number | bigint;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The canonical form of a 64-bit value. */
export function fromBig(v: bigint): Int {
  return v >= -SAFE && v <= SAFE ? Number(v) : v;
}

function big(a: Int): bigint {
  return typeof a === 'bigint' ? a : BigInt(a);
}

function wrapped(v: bigint): Int {
  return fromBig(BigInt.asIntN(64, v));
}

const safe = Number.isSafeInteger;

export function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && safe(a + b)) return a + b;
  return wrapped(big(a) + big(b));
}

export function sub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && safe(a - b)) return a - b;
  return wrapped(big(a) - big(b));
}

export function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && safe(a * b)) return a * b;
  return wrapped(big(a) * big(b));
}

/** Truncates toward 0 like C; `b` is not 0. MIN / -1 wraps to MIN. */
export function div(a: Int, b: Int): Int {
  // exact: for |a| < 2^53 the rounded quotient never crosses an integer
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b);
  return wrapped(big(a) / big(b));
}

/** The remainder with the dividend's sign, like C; `b` is not 0. */
export function mod(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') return a % b;
  return fromBig(big(a) % big(b));
}

export function neg(a: Int): Int {
  return typeof a === 'number' ? -a : wrapped(-a);
}

export function bitNot(a: Int): Int {
  return typeof a === 'number' && safe(-a - 1) ? -a - 1 : fromBig(~big(a));
}

/** x86 masks a shift count to 6 bits, which is what bash's C shifts do there. */
export function shiftLeft(a: Int, b: Int): Int {
  return wrapped(big(a) << (big(b) & 63n));
}

export function shiftRight(a: Int, b: Int): Int {
  return fromBig(big(a) >> (big(b) & 63n));
}

const int32 = (a: Int): a is number => typeof a === 'number' && (a | 0) === a;

export function bitAnd(a: Int, b: Int): Int {
  return int32(a) && int32(b) ? a & b : fromBig(big(a) & big(b));
}

export function bitOr(a: Int, b: Int): Int {
  return int32(a) && int32(b) ? a | b : fromBig(big(a) | big(b));
}

export function bitXor(a: Int, b: Int): Int {
  return int32(a) && int32(b) ? a ^ b : fromBig(big(a) ^ big(b));
}

/** bash's ipow: square and multiply, each step wrapping; `exp` is not negative. */
export function power(base: Int, exp: Int): Int {
  let result: Int = 1;
  let e = big(exp);
  let b = base;
  while (e !== 0n) {
    if (e & 1n) result = mul(result, b);
    e >>= 1n;
    if (e !== 0n) b = mul(b, b);
  }
  return result;
}

/** Whether the value is 0 (a double may be -0, which is 0 to bash too). */
export function isZero(a: Int): boolean {
  return a === 0;
}

/** As bash prints it. */
export function intText(a: Int): string {
  return a === 0 ? '0' : String(a);
}
