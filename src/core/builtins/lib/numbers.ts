// bash's legal_number: an optionally signed decimal integer that fits in intmax_t, with
// leading white space and trailing blanks allowed. Everything that reads a number from a word
// (exit statuses, pids, signal numbers) goes through it, so "exit ' 7 '" works as in bash.

const INTMAX = (1n << 63n) - 1n;
const INTMIN = -(1n << 63n);

export function legalNumber(word: string): bigint | null {
  const m = /^\s*([+-]?\d+)[ \t]*$/.exec(word);
  if (!m) return null;
  const n = BigInt(m[1]!);
  return n > INTMAX || n < INTMIN ? null : n;
}

/** A number that is also a valid pid_t (bash checks `pid_value == (pid_t)pid_value`). */
export function legalPid(word: string): number | null {
  const n = legalNumber(word);
  if (n === null || n > 2147483647n || n < -2147483648n) return null;
  return Number(n);
}
