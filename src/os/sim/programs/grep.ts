// grep(1) from GNU grep, the options scenarios use: -o -c -q -v -i -n -x -w -h -H -s, -E
// (extended), -F (fixed strings), -e PATTERN; basic regular expressions by default. Status 0
// when a line matched, 1 when none did, 2 on an error (even if a line matched, unless -q).

import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { getopt } from './getopt.js';
import { decode, err, readAll, writeAll } from './lib.js';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** A POSIX bracket expression from `at` (just after '['): its JavaScript form and where it ends. */
function bracket(p: string, at: number): { js: string; end: number } | null {
  let i = at;
  let js = '[';
  if (p[i] === '^') {
    js += '^';
    i++;
  }
  if (p[i] === ']') {
    js += '\\]';
    i++;
  }
  for (; i < p.length; i++) {
    if (p[i] === ']') return { js: `${js}]`, end: i + 1 };
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(i));
    if (cls && CLASSES[cls[1]!]) {
      js += CLASSES[cls[1]!];
      i += cls[0].length - 1;
    } else if (p[i] === '\\' || p[i] === '[') {
      js += `\\${p[i]}`;
    } else {
      js += p[i];
    }
  }
  return null;
}

/** Translates a POSIX regular expression (basic, or extended with `extended`) to JavaScript's. */
export function translate(p: string, extended: boolean): string | null {
  let js = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '[') {
      const b = bracket(p, i + 1);
      if (!b) return null;
      js += b.js;
      i = b.end - 1;
    } else if (c === '\\' && i + 1 < p.length) {
      const n = p[++i]!;
      if (!extended && '(){}|+?'.includes(n)) js += n;
      else if (/[1-9wWsSbB<>]/.test(n)) js += n === '<' || n === '>' ? '\\b' : `\\${n}`;
      else js += `\\${n}`;
    } else if (!extended && '(){}|+?'.includes(c)) {
      js += `\\${c}`;
    } else if (c === '*' && (js === '' || js === '^')) {
      js += '\\*';
    } else {
      js += c;
    }
  }
  return js;
}

interface Options {
  only: boolean; count: boolean; quiet: boolean; invert: boolean; number: boolean; names: boolean | null; silent: boolean;
}

function* grepText(text: string, name: string, re: RegExp, o: Options, showName: boolean): Code<number> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let matched = 0;
  let out = '';
  const prefix = (n: number) => `${showName ? `${name}:` : ''}${o.number ? `${n + 1}:` : ''}`;
  lines.forEach((line, n) => {
    re.lastIndex = 0;
    const hit = re.test(line) !== o.invert;
    if (!hit) return;
    matched++;
    if (o.quiet || o.count) return;
    if (!o.only) {
      out += `${prefix(n)}${line}\n`;
      return;
    }
    if (o.invert) return;
    for (const m of line.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      if (m[0] !== '') out += `${prefix(n)}${m[0]}\n`;
    }
  });
  if (o.count) out += `${showName ? `${name}:` : ''}${matched}\n`;
  yield* writeAll(1, out);
  return matched;
}

export const grep: Program = function* (argv) {
  const prog = argv[0] ?? 'grep';
  const parsed = getopt(prog, argv.slice(1), { short: 'ocqvinxwhHsEFGe:' });
  const usage = `Usage: ${prog} [OPTION]... PATTERNS [FILE]...\nTry '${prog} --help' for more information.\n`;
  if (typeof parsed === 'string') {
    yield* err(`${parsed}\n${usage}`);
    return 2;
  }
  const o: Options = { only: false, count: false, quiet: false, invert: false, number: false, names: null, silent: false };
  const patterns: string[] = [];
  let mode: 'basic' | 'extended' | 'fixed' = 'basic';
  let ignoreCase = false;
  let whole: 'line' | 'word' | null = null;
  for (const { name, value } of parsed.options) {
    if (name === 'o') o.only = true;
    else if (name === 'c') o.count = true;
    else if (name === 'q') o.quiet = true;
    else if (name === 'v') o.invert = true;
    else if (name === 'n') o.number = true;
    else if (name === 's') o.silent = true;
    else if (name === 'h' || name === 'H') o.names = name === 'H';
    else if (name === 'i') ignoreCase = true;
    else if (name === 'x') whole = 'line';
    else if (name === 'w') whole = 'word';
    else if (name === 'E') mode = 'extended';
    else if (name === 'F') mode = 'fixed';
    else if (name === 'G') mode = 'basic';
    else if (name === 'e') patterns.push(value!);
  }
  const operands = [...parsed.operands];
  if (patterns.length === 0) {
    if (operands.length === 0) {
      yield* err(usage);
      return 2;
    }
    patterns.push(operands.shift()!);
  }
  const sources = patterns.flatMap((p) => p.split('\n')).map((p) => (mode === 'fixed' ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : translate(p, mode === 'extended')));
  if (sources.some((s) => s === null)) {
    yield* err(`${prog}: Unmatched [, [^, [:, [., or [=\n`);
    return 2;
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (whole === 'line') source = `^(?:${source})$`;
  if (whole === 'word') source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  let re: RegExp;
  try {
    re = new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    yield* err(`${prog}: Invalid regular expression\n`);
    return 2;
  }
  const files = operands.length > 0 ? operands : ['-'];
  const showName = o.names ?? files.length > 1;
  let matched = 0;
  let failed = false;
  for (const file of files) {
    const fd = file === '-' ? 0 : yield* sys.open(file, { read: true });
    const data = fd instanceof sys.SysError ? fd : yield* readAll(fd);
    if (fd !== 0 && !(fd instanceof sys.SysError)) yield* sys.close(fd);
    if (data instanceof sys.SysError) {
      if (!o.silent) yield* err(`${prog}: ${file}: ${data.reason}\n`);
      failed = true;
      continue;
    }
    matched += yield* grepText(decode(data), file === '-' ? '(standard input)' : file, re, o, showName);
    if (o.quiet && matched > 0) return 0;
  }
  return failed ? 2 : matched > 0 ? 0 : 1;
};
