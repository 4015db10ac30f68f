// POSIX extended regular expressions (as glibc's regcomp reads them for bash's `=~`) turned
// into JavaScript ones. Bracket expressions are rewritten (character classes, `]` first,
// backslash literal inside), `{` must start an interval, a leading `*` is an error as in
// glibc, and glibc's `\w \W \s \S \b \B \< \> \` \'` keep their meaning. One difference stays:
// POSIX takes the longest of the leftmost matches (`a|ab` matches `ab`), JavaScript the first
// alternative that matches.

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9a-zA-Z', upper: 'A-Z', lower: 'a-z', xdigit: '0-9A-Fa-f',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
};

const GNU_ESCAPES: Readonly<Record<string, string>> = {
  w: '\\w', W: '\\W', s: '\\s', S: '\\S', b: '\\b', B: '\\B', '<': '\\b(?=\\w)', '>': '\\b(?<=\\w)', '`': '^', "'": '$',
};

/** Characters with a meaning in a JavaScript pattern: escaped when they stand for themselves. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/;

/** An alternation, or a group that a repetition follows: where leftmost-first may be shorter. */
const CHOICE = /\||\)[*+?{]/;

export class BadRegex extends Error {}

export interface Ere {
  readonly source: string;
  readonly regex: RegExp;
}

/** The JavaScript RegExp for an ERE; throws BadRegex when glibc would refuse it. */
export function compileEre(ere: string): Ere {
  const source = translate(ere);
  try {
    return { source, regex: new RegExp(source, 'u') };
  } catch {
    throw new BadRegex(ere);
  }
}

/** The text of the leftmost-longest match, as POSIX regexec finds it; null when none. */
export function posixMatch(ere: Ere, text: string): string | null {
  const m = ere.regex.exec(text);
  if (m === null || !CHOICE.test(ere.source)) return m?.[0] ?? null;
  const start = m.index;
  const after = [...text.slice(start + m[0].length)];
  // the same expression from `start`, ended exactly where the text has `rest` code points left
  for (let rest = 0; rest < after.length; rest++) {
    const exact = new RegExp(`(?:${ere.source})(?=[\\s\\S]{${rest}}$)`, 'uy');
    exact.lastIndex = start;
    const longer = exact.exec(text);
    if (longer !== null) return longer[0];
  }
  return m[0];
}

function translate(ere: string): string {
  let out = '';
  // whether a repetition may follow: not at the start, nor after `(`, `|` or `^`
  let operand = false;
  for (let i = 0; i < ere.length; i++) {
    const c = ere[i]!;
    if (c === '\\') {
      const n = ere[++i];
      if (n === undefined) throw new BadRegex(ere);
      out += GNU_ESCAPES[n] ?? (/[1-9]/.test(n) ? `\\${n}` : literal(n));
      operand = true;
    } else if (c === '[') {
      const b = bracket(ere, i);
      out += b.text;
      i = b.end;
      operand = true;
    } else if (c === '{') {
      const interval = /^\{\d+(,\d*)?\}/.exec(ere.slice(i));
      if (!interval || !operand) throw new BadRegex(ere);
      out += interval[0];
      i += interval[0].length - 1;
    } else if (c === '*' || c === '+' || c === '?') {
      if (!operand) throw new BadRegex(ere);
      out += c;
    } else {
      out += c === '/' || c === ']' || c === '}' ? `\\${c}` : c;
      operand = !(c === '(' || c === '|' || c === '^');
    }
  }
  return out;
}

function literal(c: string): string {
  return SYNTAX.test(c) ? `\\${c}` : c;
}

/** The bracket expression opening at `open`: its JavaScript class and the offset of its `]`. */
function bracket(ere: string, open: number): { text: string; end: number } {
  let i = open + 1;
  let text = '[';
  if (ere[i] === '^') {
    text += '^';
    i++;
  }
  for (let first = true; ; first = false) {
    const c = ere[i];
    if (c === undefined) throw new BadRegex(ere);
    if (c === ']' && !first) return { text: `${text}]`, end: i };
    if (c === '[' && (ere[i + 1] === ':' || ere[i + 1] === '=' || ere[i + 1] === '.')) {
      const kind = ere[i + 1]!;
      const close = ere.indexOf(`${kind}]`, i + 2);
      if (close === -1) throw new BadRegex(ere);
      const name = ere.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new BadRegex(ere);
        text += cls;
      } else text += classChar(name);
      i = close + 2;
      continue;
    }
    text += classChar(c);
    i++;
  }
}

/** A character inside a JavaScript class; a `-` between two characters stays a range. */
function classChar(c: string): string {
  return /[\\\]^[]/.test(c) ? `\\${c}` : c;
}
