// bash's legal_number: an optionally signed decimal integer that fits in intmax_t, with
// leading white space and trailing blanks allowed. Everything that reads a number from a word
// (exit statuses, pids, signal numbers) goes through it, so "exit ' 7 '" works as in bash.

import { fromBig, type Int } from '../../../lang/arith/int.js';

const INTMAX = (1n << 63n) - 1n;
const INTMIN = -(1n << 63n);

export function legalNumber(word: string): bigint | null {
  const n = legalInteger(word);
  return n === null ? null : BigInt(n);
}

/**
 * legalNumber's value as arithmetic keeps it: a double while it is a safe integer, so that
 * `[ $n -lt 100 ]` in a loop compares two numbers without making BigInts.
 */
export function legalInteger(word: string): Int | null {
  // Scanned by hand: `[ $n -lt 100 ]` in a loop reads two numbers every time round.
  let start = 0;
  while (start < word.length && isSpace(word.charCodeAt(start))) start++;
  let i = start;
  if (word[i] === '+' || word[i] === '-') i++;
  const digits = i;
  while (i < word.length && isDigit(word.charCodeAt(i))) i++;
  if (i === digits) return null;
  const end = i;
  while (i < word.length && (word[i] === ' ' || word[i] === '\t')) i++;
  if (i !== word.length) return null;
  const text = word.slice(start, end);
  // up to 15 digits a double is exact
  if (end - digits <= 15) return Number(text) + 0;
  const n = BigInt(text);
  return n > INTMAX || n < INTMIN ? null : fromBig(n);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What C's isspace accepts: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A number that is also a valid pid_t (bash checks `pid_value == (pid_t)pid_value`). */
export function legalPid(word: string): number | null {
  const n = legalNumber(word);
  if (n === null || n > 2147483647n || n < -2147483648n) return null;
  return Number(n);
}
