// Option parsing as bash's builtins do it (builtins/bashgetopt.c internal_getopt): options come
// first, "-" alone and the first word not starting with "-" end them, "--" is skipped, letters
// may be grouped ("-lp"), and an option taking an argument reads the rest of its word or the
// next word. Errors print bash's two lines: "NAME: -x: invalid option" and the usage line.

import type { BuiltinContext } from '../types.js';

export interface ParsedOption {
  readonly name: string;
  readonly arg?: string;
}

export interface ParsedOptions {
  /** In the order given, so that "last one wins" rules can be applied by the caller. */
  readonly options: readonly ParsedOption[];
  readonly operands: readonly string[];
}

/** A word that cannot start options (bash's NOTOPT). */
function notOption(word: string): boolean {
  return !word.startsWith('-') || word === '-';
}

/**
 * Parses ctx.argv (or `argv`, a rewritten copy) against `spec` (option letters; a letter followed by ':' takes an argument).
 * Returns null after printing the error and usage lines; the builtin then returns 2.
 */
export function parseOptions(ctx: BuiltinContext, spec: string, usage: string, argv = ctx.argv): ParsedOptions | null {
  const words = argv.slice(1);
  const options: ParsedOption[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    if (notOption(word)) break;
    if (word === '--') {
      i++;
      break;
    }
    if (word === '--help') {
      // bash prints its long help here; jcsh has only the usage line.
      ctx.usage(usage);
      return null;
    }
    for (let sp = 1; sp < word.length; sp++) {
      const c = word[sp]!;
      const at = c === ':' ? -1 : spec.indexOf(c);
      if (at < 0) return fail(ctx, `-${c}: invalid option`, usage);
      if (spec[at + 1] !== ':') {
        options.push({ name: c });
        continue;
      }
      if (sp + 1 < word.length) {
        options.push({ name: c, arg: word.slice(sp + 1) });
      } else if (i + 1 < words.length) {
        options.push({ name: c, arg: words[++i]! });
      } else {
        return fail(ctx, `-${c}: option requires an argument`, usage);
      }
      break;
    }
  }
  return { options, operands: words.slice(i) };
}

function fail(ctx: BuiltinContext, message: string, usage: string): null {
  ctx.error(message);
  ctx.usage(usage);
  return null;
}
