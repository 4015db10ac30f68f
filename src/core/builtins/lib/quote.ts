// Quoting a value so that the shell reads it back unchanged, as bash's `set`, `alias` and
// `trap` listings do: bare when it is all safe characters, '…' otherwise, $'…' with control
// characters (lib/sh/shquote.c sh_single_quote, ansic_quote).

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuoted(value: string): string {
  if (value === '' || SAFE.test(value)) return value;
  if (/[\x00-\x1f\x7f]/.test(value)) return ansic(value);
  return singleQuoted(value);
}

/** Always '…' ('' for the empty string), as `alias` prints values. */
export function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
  '\x1b': '\\E', '\\': '\\\\', "'": "\\'",
};

/** bash's $'…' form, for values with control characters. */
export function ansic(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (c in ESCAPES) out += ESCAPES[c];
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `$'${out}'`;
}

/** printf %q: backslashes before the characters the shell would take specially (sh_backslash_quote). */
export function backslashQuoted(value: string): string {
  if (value === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(value)) return ansic(value);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const special = /[ \t'"\\|&;()<>!{}*[?\]^$`,]/.test(c) || ((c === '~' || c === '#') && i === 0);
    out += special ? `\\${c}` : c;
  }
  return out;
}
