// `set [-abefhkmnptuvxBCEHPT] [-o name] [--] [arg ...]` (builtins/set.def). Without
// arguments it lists the variables (then the functions); `-o`/`+o` alone list the options as a
// table or as commands that restore them; `--` or any operand replaces the positional
// parameters, and a lone `-` turns off -x and -v. Every option word is checked before any is
// applied, so `set -e -Q` changes nothing (bash). A bad option ends a script (POSIX 2.8.1).

import { specialBuiltinError } from '../special.js';
import { SetOptions } from '../options.js';
import type { Shell } from '../shell.js';
import { shellQuoted } from './lib/quote.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]';

type Change = { readonly name: string; readonly value: boolean } | { readonly list: 'table' | 'commands' };

export const setBuiltin: Builtin = (ctx) => {
  const words = ctx.argv.slice(1);
  if (words.length === 0) {
    ctx.io.out(listing(ctx.shell));
    return 0;
  }
  const changes: Change[] = [];
  let i = 0;
  let operands: string[] | null = null;
  for (; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      operands = words.slice(i + 1);
      break;
    }
    if (word === '-') {
      changes.push({ name: 'xtrace', value: false }, { name: 'verbose', value: false });
      if (i + 1 < words.length) operands = words.slice(i + 1);
      break;
    }
    if (!/^[-+]./.test(word)) {
      operands = words.slice(i);
      break;
    }
    const value = word[0] === '-';
    for (const c of word.slice(1)) {
      if (c === 'o') {
        const next = words[i + 1];
        if (next === undefined || /^[-+]/.test(next)) {
          changes.push({ list: value ? 'table' : 'commands' });
          continue;
        }
        if (!SetOptions.isName(next)) {
          ctx.error(`${next}: invalid option name`);
          return specialBuiltinError(ctx.shell, 2);
        }
        changes.push({ name: next, value });
        i++;
        continue;
      }
      const name = SetOptions.nameOf(c);
      if (name === undefined) {
        ctx.error(`${word[0]}${c}: invalid option`);
        ctx.usage(USAGE);
        return specialBuiltinError(ctx.shell, 2);
      }
      changes.push({ name, value });
    }
  }
  for (const change of changes) {
    if ('list' in change) ctx.io.out(change.list === 'table' ? optionTable(ctx) : optionCommands(ctx));
    else ctx.shell.options.set(change.name, change.value);
  }
  if (operands !== null) ctx.shell.positional = operands;
  return 0;
};

function optionTable(ctx: BuiltinContext): string {
  const options = ctx.shell.options;
  return SetOptions.names().map((n) => `${n.padEnd(15)}\t${options.isOn(n) ? 'on' : 'off'}\n`).join('');
}

function optionCommands(ctx: BuiltinContext): string {
  const options = ctx.shell.options;
  return SetOptions.names().map((n) => `set ${options.isOn(n) ? '-' : '+'}o ${n}\n`).join('');
}

/** `set` alone: every variable with a value as NAME=value, read-back quoted, then the functions. */
function listing(shell: Shell): string {
  let out = '';
  for (const name of shell.vars.names()) {
    const value = shell.vars.get(name);
    if (value !== undefined) out += `${name}=${shellQuoted(value)}\n`;
  }
  for (const name of [...shell.functions.keys()].sort()) out += `${shell.functions.get(name)!.source}\n`;
  return out;
}
