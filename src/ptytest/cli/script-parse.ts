// Reading a scenario script: one directive per line, `#` comments, blank lines ignored.
// The grammar is in usage.ts; every mistake is an InputError naming FILE:LINE.

import { InputError, LineError } from './errors.js';
import type { ProcessState, Step, StepAction } from './script-steps.js';
import { parseCount, parseKey, parsePattern, parseSeconds, parseSignal, parseText } from './values.js';

const STATES: readonly ProcessState[] = ['R', 'S', 'D', 'T', 'Z', 'running', 'stopped', 'gone'];

type Parser = (rest: string) => StepAction;

function words(rest: string): string[] {
  return rest.trim() === '' ? [] : rest.trim().split(/\s+/);
}

function noArgument(kind: 'prompt' | 'idle' | 'no-zombies' | 'show'): Parser {
  return (rest) => {
    if (rest.trim() !== '') throw new LineError(`${kind} takes no argument`);
    return { kind };
  };
}

function press(rest: string): StepAction {
  const [key, repeat, extra] = words(rest);
  if (key === undefined) throw new LineError('press needs a key, e.g. press ^C');
  if (extra !== undefined || (repeat !== undefined && !/^x\d+$/.test(repeat))) {
    throw new LineError(`press takes a key and an optional repeat count like x3, not ${JSON.stringify(rest.trim())}`);
  }
  const times = repeat === undefined ? 1 : parseCount(repeat.slice(1), 'the repeat count');
  return { kind: 'press', key: parseKey(key), times };
}

function foreground(rest: string): StepAction {
  const [owner, comm, extra] = words(rest);
  if ((owner !== 'shell' && owner !== 'job') || extra !== undefined || (owner === 'shell' && comm !== undefined)) {
    throw new LineError('fg takes "shell" or "job [COMMAND-NAME]"');
  }
  return { kind: 'fg', owner, comm: comm ?? null };
}

function state(rest: string): StepAction {
  const [comm, wanted, extra] = words(rest);
  if (comm === undefined || wanted === undefined || extra !== undefined) {
    throw new LineError(`state takes a command name and a state (${STATES.join(', ')})`);
  }
  if (!STATES.includes(wanted as ProcessState)) throw new LineError(`unknown state ${JSON.stringify(wanted)} (${STATES.join(', ')})`);
  return { kind: 'state', comm, state: wanted as ProcessState };
}

function modes(rest: string): StepAction {
  const list = words(rest);
  if (list.length === 0) throw new LineError('modes needs flags, e.g. modes icanon echo -tostop');
  return {
    kind: 'modes',
    flags: list.map((word) => {
      if (!/^-?[a-z][a-z0-9]*$/.test(word)) throw new LineError(`not a stty flag: ${JSON.stringify(word)}`);
      return { name: word.replace(/^-/, ''), on: !word.startsWith('-') };
    }),
  };
}

function signal(rest: string): StepAction {
  const [name, target, extra] = words(rest);
  if (name === undefined || (target !== 'shell' && target !== 'fg') || extra !== undefined) {
    throw new LineError('signal takes a signal and a target: signal INT shell, signal TSTP fg');
  }
  return { kind: 'signal', signal: parseSignal(name), target };
}

function resize(rest: string): StepAction {
  const [cols, rows, extra] = words(rest);
  if (cols === undefined || rows === undefined || extra !== undefined) throw new LineError('resize takes COLS ROWS');
  return { kind: 'resize', cols: parseCount(cols, 'the width'), rows: parseCount(rows, 'the height') };
}

function waitExit(rest: string): StepAction {
  const [status, extra] = words(rest);
  if (extra !== undefined) throw new LineError('wait-exit takes at most one status');
  if (status === undefined) return { kind: 'wait-exit', status: null };
  return { kind: 'wait-exit', status: /^\d+$/.test(status) ? Number(status) : parseSignal(status) };
}

function single<T>(rest: string, what: string, parse: (word: string) => T): T {
  const [word, extra] = words(rest);
  if (word === undefined || extra !== undefined) throw new LineError(`${what}`);
  return parse(word);
}

const DIRECTIVES: Readonly<Record<string, Parser>> = {
  send: (rest) => ({ kind: 'send', text: parseText(rest) }),
  type: (rest) => ({ kind: 'type', text: parseText(rest) }),
  paste: (rest) => ({ kind: 'paste', text: parseText(rest) }),
  press,
  expect: (rest) => ({ kind: 'expect', pattern: parsePattern(rest), on: 'stream' }),
  'expect-screen': (rest) => ({ kind: 'expect', pattern: parsePattern(rest), on: 'screen' }),
  not: (rest) => ({ kind: 'not', pattern: parsePattern(rest), on: 'stream' }),
  'not-screen': (rest) => ({ kind: 'not', pattern: parsePattern(rest), on: 'screen' }),
  prompt: noArgument('prompt'),
  idle: noArgument('idle'),
  fg: foreground,
  state,
  'no-zombies': noArgument('no-zombies'),
  modes,
  signal,
  resize,
  sleep: (rest) => ({ kind: 'sleep', seconds: single(rest, 'sleep takes a number of seconds', parseSeconds) }),
  timeout: (rest) => ({ kind: 'timeout', ms: single(rest, 'timeout takes milliseconds', (w) => parseCount(w, 'the timeout')) }),
  'wait-exit': waitExit,
  show: noArgument('show'),
};

/** The directive names, for the help text and error messages. */
export const DIRECTIVE_NAMES = Object.keys(DIRECTIVES);

/** Parse one non-blank, non-comment line. */
function parseLine(text: string): StepAction {
  const found = /^(\S+)(?:\s(.*))?$/.exec(text.trim());
  const name = found?.[1] ?? '';
  const parser = DIRECTIVES[name];
  if (parser === undefined) throw new LineError(`unknown directive ${JSON.stringify(name)}`);
  // One blank separates the directive from its text; more are part of the text.
  const rest = text.trimStart().slice(name.length + 1);
  return parser(rest);
}

/** Parse a whole script; `file` names it in errors. */
export function parseScript(source: string, file: string): Step[] {
  const steps: Step[] = [];
  source.split('\n').forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;
    try {
      steps.push({ ...parseLine(text), line: index + 1, source: text.trim() });
    } catch (error) {
      if (error instanceof LineError) throw new InputError(file, index + 1, error.message);
      throw error;
    }
  });
  return steps;
}
