// Character classes shared by the lexers. Codes rather than strings: the lexers look at every
// character of a script, and a table lookup on a char code is the cheapest test there is.

export const BACKSLASH = 92;
export const NEWLINE = 10;

/** Characters that end an unquoted word: blanks, newline and the operator characters. */
const TERMINATOR = 1;
/** Characters a plain run of word text stops at, because they start or may start something. */
const RUN_STOP = 2;

const table = new Uint8Array(128);
for (const c of ' \t\n;&|<>()') table[c.charCodeAt(0)] |= TERMINATOR | RUN_STOP;
for (const c of '\'"\\$`=:}') table[c.charCodeAt(0)] |= RUN_STOP;

export function isTerminator(code: number): boolean {
  return code < 128 && (table[code]! & TERMINATOR) !== 0;
}

export function isRunStop(code: number): boolean {
  return code < 128 && (table[code]! & RUN_STOP) !== 0;
}

export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

export function isNameChar(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}

/** Single-character special parameters other than the digits: `$?`, `$!`, `$$`, … */
export function isSpecialParam(code: number): boolean {
  // ? ! $ # @ * -
  return code === 63 || code === 33 || code === 36 || code === 35 || code === 64 || code === 42 || code === 45;
}

export function isName(text: string): boolean {
  if (text.length === 0 || !isNameStart(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) if (!isNameChar(text.charCodeAt(i))) return false;
  return true;
}

/** Skips `\<newline>` pairs: a line continuation vanishes wherever it is not quoted. */
export function skipContinuations(src: string, i: number): number {
  while (src.charCodeAt(i) === BACKSLASH && src.charCodeAt(i + 1) === NEWLINE) i += 2;
  return i;
}

/** Length in code units of the character starting at `i`, so escapes never split a surrogate pair. */
export function charLength(src: string, i: number): number {
  const c = src.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < src.length ? 2 : 1;
}

/** Whether `text` holds a `*`, `?` or `[`: what may make a word a pattern. */
export function hasGlobChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 63 || c === 91) return true;
  }
  return false;
}
