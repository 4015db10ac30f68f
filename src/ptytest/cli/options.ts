// The command line of jcsh-pty: a command, then options (`--name value` or `--name=value`).

import type { Pattern } from '../match.js';
import { UsageError } from './errors.js';
import { parsePattern } from './values.js';

/** Options every command understands (some only where noted in the usage). */
export interface CommonOptions {
  readonly shell: string | null;
  readonly compare: string | null;
  readonly timeout: number | null;
  readonly cols: number;
  readonly rows: number;
  readonly prompt: Pattern | null;
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string | null;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly file: string; readonly options: CommonOptions; readonly transcript: boolean }
  | { readonly kind: 'trace'; readonly file: string; readonly options: CommonOptions; readonly signalShell: boolean; readonly typeAhead: boolean }
  | { readonly kind: 'suspend-check'; readonly program: readonly string[]; readonly options: CommonOptions; readonly quit: string | null };

type Name = 'run' | 'trace' | 'suspend-check';

const VALUED: Readonly<Record<string, readonly Name[]>> = {
  '--shell': ['run', 'trace', 'suspend-check'],
  '--compare': ['run', 'trace'],
  '--timeout': ['run', 'trace', 'suspend-check'],
  '--cols': ['run', 'trace', 'suspend-check'],
  '--rows': ['run', 'trace', 'suspend-check'],
  '--prompt': ['run', 'trace', 'suspend-check'],
  '--env': ['run', 'trace', 'suspend-check'],
  '--cwd': ['run', 'trace', 'suspend-check'],
  '--quit': ['suspend-check'],
};
const FLAGS: Readonly<Record<string, readonly Name[]>> = {
  '--transcript': ['run'],
  '--signal-shell': ['trace'],
  '--type-ahead': ['trace'],
  '--help': ['run', 'trace', 'suspend-check'],
};

function number(option: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} needs a positive whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

interface Collected {
  values: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

/** Sort `args` into options and positional words; after `--` (or, for suspend-check, the program's name) all is positional. */
function collect(name: Name, args: readonly string[]): Collected {
  const found: Collected = { values: new Map(), flags: new Set(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      found.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (name === 'suspend-check') {
        found.positional.push(...args.slice(i));
        break;
      }
      found.positional.push(arg);
      continue;
    }
    const [option, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (FLAGS[option]?.includes(name) && inline === undefined) {
      found.flags.add(option);
    } else if (VALUED[option]?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${option} needs a value`);
      found.values.set(option, [...(found.values.get(option) ?? []), value]);
    } else {
      throw new UsageError(`${name}: unknown option ${option}`);
    }
  }
  return found;
}

function envPairs(values: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of values) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--env needs NAME=VALUE, not ${JSON.stringify(pair)}`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

function common(found: Collected): CommonOptions {
  const last = (option: string): string | null => found.values.get(option)?.at(-1) ?? null;
  const timeout = last('--timeout');
  const cols = last('--cols');
  const rows = last('--rows');
  const prompt = last('--prompt');
  let promptPattern: Pattern | null = null;
  try {
    promptPattern = prompt === null ? null : parsePattern(prompt);
  } catch (error) {
    throw new UsageError(`--prompt: ${(error as Error).message}`);
  }
  return {
    shell: last('--shell'),
    compare: last('--compare'),
    timeout: timeout === null ? null : number('--timeout', timeout),
    cols: cols === null ? 80 : number('--cols', cols),
    rows: rows === null ? 24 : number('--rows', rows),
    prompt: promptPattern,
    env: envPairs(found.values.get('--env') ?? []),
    cwd: last('--cwd'),
  };
}

function onlyFile(name: Name, positional: readonly string[]): string {
  if (positional.length !== 1) throw new UsageError(`${name} takes exactly one ${name === 'run' ? 'SCRIPT' : 'TRACE'} file`);
  return positional[0]!;
}

/** Parse `argv` (without node and the script name). */
export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  if (name !== 'run' && name !== 'trace' && name !== 'suspend-check') throw new UsageError(`unknown command ${JSON.stringify(name)}`);
  const found = collect(name, rest);
  if (found.flags.has('--help')) return { kind: 'help' };
  const options = common(found);
  if (name === 'run') return { kind: 'run', file: onlyFile(name, found.positional), options, transcript: found.flags.has('--transcript') };
  if (name === 'trace') return { kind: 'trace', file: onlyFile(name, found.positional), options, signalShell: found.flags.has('--signal-shell'), typeAhead: found.flags.has('--type-ahead') };
  if (found.positional.length === 0) throw new UsageError('suspend-check needs a program: suspend-check -- PROGRAM [ARGS...]');
  return { kind: 'suspend-check', program: found.positional, options, quit: found.values.get('--quit')?.at(-1) ?? null };
}
