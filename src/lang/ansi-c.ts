// bash's ANSI-C quoting, $'…': the text between the quotes with backslash escapes decoded as
// C and bash's echo -e read them (bash's ansicstr). The result is quoted text, like '…'.
// A byte escape past 0x7f (\xff) gives the character of that code point: a shell string here
// is text, not bytes.

/** Where `$'…'` at `dollar` ends and what it decodes to; null if its `'` is never closed. */
export function scanAnsiC(src: string, dollar: number): { text: string; end: number } | null {
  let text = '';
  let k = dollar + 2;
  while (k < src.length) {
    const c = src[k]!;
    if (c === "'") return { text, end: k + 1 };
    if (c !== '\\' || k + 1 >= src.length) {
      text += c;
      k++;
      continue;
    }
    const r = escape(src, k + 1);
    text += r.text;
    k = r.end;
  }
  return null;
}

const SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** The escape whose letter is at `k` (just after the backslash). */
function escape(src: string, k: number): { text: string; end: number } {
  const c = src[k]!;
  const simple = SIMPLE[c];
  if (simple !== undefined) return { text: simple, end: k + 1 };
  if (c >= '0' && c <= '7') return code(src, k, 3, 8, 0);
  if (c === 'x') return code(src, k + 1, 2, 16, 1);
  if (c === 'u') return code(src, k + 1, 4, 16, 1);
  if (c === 'U') return code(src, k + 1, 8, 16, 1);
  if (c === 'c' && k + 1 < src.length) {
    // \cX: the control character of X (\c? is DEL)
    const x = src[k + 1]!;
    return { text: x === '?' ? '\x7f' : String.fromCharCode(x.toUpperCase().charCodeAt(0) & 0x1f), end: k + 2 };
  }
  return { text: `\\${c}`, end: k + 1 };
}

/**
 * Up to `max` digits of `base` from `k`. `back`: how far before `k` the escape's letter is,
 * for one with no digit at all, which stays as written (`\x` alone is `\x`).
 */
function code(src: string, k: number, max: number, base: number, back: number): { text: string; end: number } {
  let e = k;
  while (e < src.length && e - k < max && isDigitIn(src[e]!, base)) e++;
  if (e === k) return { text: `\\${src.slice(k - back, k)}`, end: k };
  const value = parseInt(src.slice(k, e), base);
  return { text: value > 0x10ffff ? '' : String.fromCodePoint(base === 8 ? value & 0xff : value), end: e };
}

function isDigitIn(c: string, base: number): boolean {
  return base === 8 ? c >= '0' && c <= '7' : /^[0-9a-fA-F]$/.test(c);
}

/**
 * A word's text as bash keeps it once read: each unquoted `$'…'` becomes the '…' of what it
 * decodes to, which is what `type` and `jobs` then show (bash translates it while parsing).
 */
export function translateAnsiC(source: string): string {
  if (!source.includes("$'")) return source;
  let out = '';
  let k = 0;
  while (k < source.length) {
    const c = source[k]!;
    const quoted = c === '\\' ? k + 2 : c === "'" ? closing(source, k, "'") : c === '"' ? closing(source, k, '"') : -1;
    if (quoted !== -1) {
      out += source.slice(k, quoted);
      k = quoted;
      continue;
    }
    const ansi = c === '$' && source[k + 1] === "'" ? scanAnsiC(source, k) : null;
    if (ansi === null) {
      out += c;
      k++;
      continue;
    }
    out += `'${ansi.text.replaceAll("'", "'\\''")}'`;
    k = ansi.end;
  }
  return out;
}

/** The offset after the quote that closes the one at `open` (a `\` escapes inside "…"). */
function closing(source: string, open: number, quote: string): number {
  let k = open + 1;
  while (k < source.length && source[k] !== quote) k += quote === '"' && source[k] === '\\' ? 2 : 1;
  return Math.min(k + 1, source.length);
}
