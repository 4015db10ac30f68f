// `command [-pVv] name [arg ...]` (builtins/command.def). With -v or -V it says what each name
// is (as `type` does, shorter with -v). Otherwise it runs NAME skipping functions (and aliases):
// the executor should call commandBypass() first and run the result without looking at
// functions; when it has not, this builtin runs the command itself with the function hidden.

import { DEFAULT_PATH, findAll, sentence, type Found } from './lib/describe.js';
import { singleQuoted } from './lib/quote.js';
import { parseText, runText } from './lib/runtext.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'command [-pVv] command [arg ...]';

interface Parsed {
  readonly query: 'v' | 'V' | null;
  readonly defaultPath: boolean;
  readonly words: readonly string[];
}

/** Options of `command`, or the bad option letter. */
function parse(argv: readonly string[]): Parsed | { bad: string } {
  let query: Parsed['query'] = null;
  let defaultPath = false;
  let i = 1;
  for (; i < argv.length && /^-./.test(argv[i]!); i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    for (const c of argv[i]!.slice(1)) {
      if (c === 'p') defaultPath = true;
      else if (c === 'v' || c === 'V') query = c;
      else return { bad: c };
    }
  }
  return { query, defaultPath, words: argv.slice(i) };
}

/**
 * For the executor: `command [-p] name args` runs `name args` with functions skipped (and, with
 * -p, PATH searched as `defaultPath`). Null when argv is not such a call (a -v/-V query, an
 * error, or no name): then run the command builtin as usual.
 */
export function commandBypass(argv: readonly string[]): { argv: readonly string[]; defaultPath: string | null } | null {
  if (argv[0] !== 'command') return null;
  const p = parse(argv);
  if ('bad' in p || p.query !== null || p.words.length === 0) return null;
  // `command command f` still skips f's function
  const inner = commandBypass(p.words);
  if (inner) return { argv: inner.argv, defaultPath: inner.defaultPath ?? (p.defaultPath ? DEFAULT_PATH : null) };
  return { argv: p.words, defaultPath: p.defaultPath ? DEFAULT_PATH : null };
}

export const commandBuiltin: Builtin = async (ctx) => {
  const p = parse(ctx.argv);
  if ('bad' in p) {
    ctx.error(`-${p.bad}: invalid option`);
    ctx.usage(USAGE);
    return 2;
  }
  if (p.words.length === 0) return 0;
  if (p.query !== null) return describe(ctx, p);
  return runBypassing(ctx, p.words);
};

function describe(ctx: BuiltinContext, p: Parsed): number {
  let any = false;
  for (const name of p.words) {
    const found = findAll(ctx, name, { all: false, noFunctions: false, pathOnly: false, defaultPath: p.defaultPath })[0];
    if (found === undefined) {
      if (p.query === 'V') ctx.error(`${name}: not found`);
      continue;
    }
    any = true;
    ctx.io.out(p.query === 'V' ? sentence(ctx.shell, name, found) : short(name, found));
  }
  // bash's status is 0 when any name was found
  return any ? 0 : 1;
}

function short(name: string, f: Found): string {
  if (f.kind === 'alias') return `alias ${name}=${singleQuoted(f.text)}\n`;
  if (f.kind === 'file') return `${f.path}\n`;
  return `${name}\n`;
}

/** Runs the words as a command with the function of that name hidden while it runs. */
async function runBypassing(ctx: BuiltinContext, words: readonly string[]): Promise<number> {
  const shell = ctx.shell;
  const name = words[0]!;
  const list = parseText(ctx, words.map(singleQuoted).join(' '), () => `${shell.errorPrefix()}`);
  if (list === null) return 2;
  const hidden = shell.functions.get(name);
  shell.functions.delete(name);
  try {
    return await runText(ctx, list);
  } finally {
    if (hidden && !shell.functions.has(name)) shell.functions.set(name, hidden);
  }
}
