// `getopts optstring name [arg ...]` (builtins/getopts.def, lib/sh/getopt.c): the next option
// from the positional parameters (or the args) into NAME, its argument into OPTARG, the index
// of the next word into OPTIND. Letters grouped in one word are taken one call at a time, so
// the shell remembers where it is inside a word; assigning OPTIND (OPTIND=1) starts over.
// A leading ':' in optstring is silent mode: errors set NAME to '?' or ':' and OPTARG to the
// letter instead of printing "illegal option -- x" / "option requires an argument -- x".

import type { Shell } from '../shell.js';
import { assignVariable } from './lib/assign.js';
import type { Builtin, BuiltinContext } from './types.js';

interface Place {
  /** OPTIND as this shell last set it. */
  optind: number;
  /** Position inside the word at optind-1; 0 when at the start of a word. */
  char: number;
}

const places = new WeakMap<Shell, Place>();

export const getoptsBuiltin: Builtin = (ctx) => {
  const words = ctx.argv.slice(1);
  if (words[0] === '--') words.shift();
  if (words.length < 2) {
    ctx.usage('getopts optstring name [arg ...]');
    return 2;
  }
  const [spec, name] = [words[0]!, words[1]!];
  const args = words.length > 2 ? words.slice(2) : ctx.shell.positional;
  const place = where(ctx.shell);
  const result = next(spec, args, place);
  const vars = ctx.shell.vars;
  vars.set('OPTIND', String(place.optind));
  if (result === null) {
    assignVariable(ctx, name, '?');
    return 1;
  }
  report(ctx, spec, result);
  if (result.optarg === undefined) vars.unset('OPTARG');
  else vars.set('OPTARG', result.optarg);
  return assignVariable(ctx, name, result.name) ? 0 : 1;
};

function where(shell: Shell): Place {
  const optind = Number(shell.vars.get('OPTIND') ?? '1');
  let place = places.get(shell);
  if (!place || place.optind !== optind) {
    place = { optind: Number.isInteger(optind) && optind > 0 ? optind : 1, char: 0 };
    places.set(shell, place);
  }
  return place;
}

interface Result {
  readonly name: string;
  readonly optarg?: string;
  readonly error?: { readonly kind: 'illegal' | 'missing'; readonly letter: string };
}

/** The next option, or null at the end of the options (the place then names the first operand). */
function next(spec: string, args: readonly string[], place: Place): Result | null {
  const silent = spec.startsWith(':');
  if (place.char === 0) {
    const word = args[place.optind - 1];
    if (word === undefined || !word.startsWith('-') || word === '-') return null;
    if (word === '--') {
      place.optind++;
      return null;
    }
    place.char = 1;
  }
  const word = args[place.optind - 1]!;
  const letter = word[place.char++]!;
  const at = letter === ':' ? -1 : spec.indexOf(letter);
  const endOfWord = (): void => {
    if (place.char >= word.length) {
      place.optind++;
      place.char = 0;
    }
  };
  if (at < 0) {
    endOfWord();
    return silent ? { name: '?', optarg: letter } : { name: '?', error: { kind: 'illegal', letter } };
  }
  if (spec[at + 1] !== ':') {
    endOfWord();
    return { name: letter };
  }
  if (place.char < word.length) {
    const optarg = word.slice(place.char);
    place.optind++;
    place.char = 0;
    return { name: letter, optarg };
  }
  place.char = 0;
  const optarg = args[place.optind];
  if (optarg === undefined) {
    place.optind++;
    return silent ? { name: ':', optarg: letter } : { name: '?', error: { kind: 'missing', letter } };
  }
  place.optind += 2;
  return { name: letter, optarg };
}

/** The message of a non-silent error, unless OPTERR=0. */
function report(ctx: BuiltinContext, spec: string, r: Result): void {
  if (!r.error || spec.startsWith(':') || ctx.shell.vars.get('OPTERR') === '0') return;
  const text = r.error.kind === 'illegal' ? 'illegal option' : 'option requires an argument';
  ctx.io.err(`${ctx.shell.name}: ${text} -- ${r.error.letter}\n`);
}
