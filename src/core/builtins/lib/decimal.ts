// Exact decimal rounding of a double, as the C library's printf does it: the binary value
// exactly, ties to even (2.5 -> "2", 2.25 -> "2.2"), where Number.toFixed rounds the nearest
// decimal string half up.

/** round-half-even(a * 10^k) for a finite a >= 0. */
export function roundScaled(a: number, k: number): bigint {
  const { mantissa, exponent } = decompose(a);
  let num = mantissa;
  let den = 1n;
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  const q = num / den;
  const r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** a = mantissa * 2^exponent exactly. */
function decompose(a: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** %f digits: a with p decimals. */
export function fixedDigits(a: number, p: number): string {
  const s = roundScaled(a, p).toString().padStart(p + 1, '0');
  return p === 0 ? s : `${s.slice(0, s.length - p)}.${s.slice(s.length - p)}`;
}

/** %e parts: p+1 significant digits and the decimal exponent, after rounding. */
export function exponentDigits(a: number, p: number): { digits: string; exponent: number } {
  if (a === 0) return { digits: '0'.repeat(p + 1), exponent: 0 };
  let x = Math.floor(Math.log10(a));
  for (let tries = 0; tries < 3; tries++) {
    const q = roundScaled(a, p - x);
    const digits = q.toString();
    if (digits.length > p + 1) x++;
    else if (digits.length < p + 1) x--;
    else return { digits, exponent: x };
  }
  const digits = roundScaled(a, p - x).toString().slice(0, p + 1);
  return { digits, exponent: x };
}
