// Shared helpers for the src/lang tests: quick access into parse trees, and a fake
// ExpansionContext with variables, positional parameters and an in-memory file tree.

import type { Command, List, SimpleCommand, Word, WordPart } from '../../src/lang/ast.js';
import type { ExpansionContext } from '../../src/lang/expand.js';
import { parse } from '../../src/lang/parser.js';

/** A command the test knows to be simple (the parse of a line without compound commands). */
export function asSimple(c: Command): SimpleCommand {
  if (c.kind !== 'simple') throw new Error(`expected a simple command, got ${c.kind}`);
  return c;
}

/** The only simple command of `source`. */
export function simple(source: string): SimpleCommand {
  const list = parse(source);
  if (list.items.length !== 1) throw new Error(`expected one and-or list, got ${list.items.length}`);
  const item = list.items[0]!;
  if (item.rest.length !== 0 || item.first.commands.length !== 1) throw new Error('expected one command');
  return asSimple(item.first.commands[0]!);
}

/** The parts of each word of the only simple command of `source`. */
export function partsOf(source: string): (readonly WordPart[])[] {
  return simple(source).words.map((w) => w.parts);
}

/** The parts of the only word of `source`. */
export function wordParts(source: string): readonly WordPart[] {
  const words = simple(source).words;
  if (words.length !== 1) throw new Error(`expected one word, got ${words.length}`);
  return words[0]!.parts;
}

export function lit(text: string, quoted = false): WordPart {
  return { kind: 'literal', text, quoted };
}

export function param(name: string, quoted = false): WordPart {
  return { kind: 'param', name, op: null, word: null, quoted };
}

/** The error parse throws for `source`, or fails the test if it does not throw. */
export function parseError(source: string): { message: string; incomplete: boolean; line: number; column: number } {
  try {
    parse(source);
  } catch (e) {
    const err = e as { name: string; message: string; incomplete: boolean; pos: { line: number; column: number } };
    if (err.name !== 'SyntaxError' || typeof err.incomplete !== 'boolean') throw e;
    return { message: err.message, incomplete: err.incomplete, line: err.pos.line, column: err.pos.column };
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(source)}`);
}

/** The words of a parsed source, as written. */
export function sources(words: readonly Word[]): string[] {
  return words.map((w) => w.source);
}

export interface FakeOptions {
  vars?: Record<string, string>;
  positional?: string[];
  /** Absolute paths of files; directories are implied, a trailing `/` makes an empty one. */
  files?: string[];
  cwd?: string;
  homes?: Record<string, string>;
  /** Output of a command substitution, given its source text. */
  substitute?: (source: string) => string;
}

export interface FakeContext extends ExpansionContext {
  readonly vars: Map<string, string>;
  /** Sources of the command substitutions run, in order. */
  readonly substituted: string[];
  readonly readdirs: string[];
}

export function fakeContext(opts: FakeOptions = {}): FakeContext {
  const vars = new Map(Object.entries(opts.vars ?? {}));
  const dirs = buildTree(opts.files ?? []);
  const substituted: string[] = [];
  const readdirs: string[] = [];
  return {
    vars,
    substituted,
    readdirs,
    get: (name) => vars.get(name),
    positional: () => opts.positional ?? [],
    set: (name, value) => void vars.set(name, value),
    commandSubstitution: async (_list: List, source: string) => {
      substituted.push(source);
      return opts.substitute ? opts.substitute(source) : '';
    },
    home: (user) => opts.homes?.[user] ?? null,
    readdir: (dir) => {
      readdirs.push(dir);
      const entries = dirs.get(normalize(dir));
      return entries ? [...entries] : null;
    },
    cwd: () => opts.cwd ?? '/',
    noglob: () => vars.get('-')?.includes('f') ?? false,
    nounset: () => vars.get('-')?.includes('u') ?? false,
  };
}

function buildTree(files: readonly string[]): Map<string, Set<string>> {
  const dirs = new Map<string, Set<string>>([['/', new Set()]]);
  for (const file of files) {
    const names = file.split('/').filter((n) => n !== '');
    let dir = '/';
    names.forEach((name, i) => {
      dirs.get(dir)!.add(name);
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (i < names.length - 1 || file.endsWith('/')) if (!dirs.has(path)) dirs.set(path, new Set());
      dir = path;
    });
  }
  return dirs;
}

/** Resolves `.`, `..` and repeated slashes, as the kernel would for an absolute path. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const name of path.split('/')) {
    if (name === '..') out.pop();
    else if (name !== '' && name !== '.') out.push(name);
  }
  return `/${out.join('/')}`;
}
