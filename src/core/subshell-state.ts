// What a subshell inherits from its parent when it has to be a process of its own (`a && b &`):
// all variables (exported or not, readonly flags too), the positional parameters, `$0`, `$?`,
// the `set` options, the aliases and the traps (to list; the copy catches none of them). It is JSON, which
// the OS port hands to the copy privately (see the 'subshell' program in src/os/port.ts).

import { SetOptions } from './options.js';
import type { Shell, ShellOptions } from './shell.js';
import type { VarSnapshot } from './vars.js';
import { toStdio } from './shell-fds.js';

export interface SubshellState {
  readonly vars: VarSnapshot;
  readonly name: string;
  readonly positional: readonly string[];
  readonly status: number;
  /** The `set -o` names that are on (monitor excepted: a subshell has no job control). */
  readonly options?: readonly string[];
  readonly aliases?: readonly (readonly [string, string])[];
  /** The source is one `( list )` for the copy to run itself (Shell.unwrapSubshell). */
  readonly unwrap?: boolean;
  /** `$-`'s last letter: how the first shell read its commands. */
  readonly invocation?: '' | 'c' | 's';
  /** `$$`, the first shell's pid. */
  readonly dollarPid?: number;
  /** Function calls in progress where the copy was made. */
  readonly functionDepth?: number;
  /** The script the parent runs, and the line its source starts on, for error messages. */
  readonly scriptName?: string;
  readonly firstLine?: number;
  /** The fds past 2 the parent's commands see (`exec 3>f`): the copy is given them as the same numbers. */
  readonly fds?: readonly number[];
  /** `set -x`'s level (Shell.traceLevel): a subshell inside `$(…)` traces with "++". */
  readonly traceLevel?: number;
  /** The parent's traps as `trap` lists them: [condition, action]. */
  readonly traps?: readonly (readonly [number, string])[];
  /** The parent's ERR and RETURN traps in force, which set -E and set -T pass on: [condition, action]. */
  readonly traced?: readonly (readonly [number, string])[];
}

/**
 * `prelude` is the text the copy reads before the command (its functions): the command's own
 * text then starts on the line the parent is at.
 */
export function encodeSubshellState(shell: Shell, unwrap = false, prelude = ''): string {
  const state: SubshellState = {
    unwrap,
    vars: shell.vars.snapshot(), name: shell.name, positional: shell.positional, status: shell.lastStatus,
    options: SetOptions.names().filter((n) => n !== 'monitor' && shell.options.isOn(n)),
    aliases: [...shell.aliases],
    invocation: shell.options.invocation,
    dollarPid: shell.dollarPid,
    functionDepth: shell.functionDepth,
    ...(shell.scriptName !== undefined ? { scriptName: shell.scriptName } : {}),
    firstLine: shell.lineno - newlines(prelude),
    fds: openAbove2(shell),
    traceLevel: shell.traceLevel,
    traps: shell.traps.listing(),
    traced: shell.traps.traced(),
  };
  return JSON.stringify(state);
}

function openAbove2(shell: Shell): number[] {
  const fds: number[] = [];
  for (let i = 3; i < shell.stdio.length; i++) if (shell.stdio[i]! >= 0) fds.push(i);
  return fds;
}

/** Reads a state; anything malformed is an error with a one-line message. */
export function decodeSubshellState(text: string): SubshellState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('subshell: the state is not valid JSON');
  }
  const s = parsed as Partial<SubshellState>;
  if (typeof s !== 'object' || s === null || typeof s.vars !== 'object' || !Array.isArray(s.positional)) {
    throw new Error('subshell: the state lacks vars or positional parameters');
  }
  return {
    vars: s.vars!, name: String(s.name ?? 'jcsh'), positional: s.positional.map(String), status: Number(s.status ?? 0),
    options: Array.isArray(s.options) ? s.options.map(String) : [],
    aliases: Array.isArray(s.aliases) ? s.aliases.map(([k, v]) => [String(k), String(v)] as const) : [],
    unwrap: s.unwrap === true,
    invocation: s.invocation === 'c' || s.invocation === 's' ? s.invocation : '',
    ...(typeof s.dollarPid === 'number' ? { dollarPid: s.dollarPid } : {}),
    functionDepth: Number(s.functionDepth ?? 0) || 0,
    ...(typeof s.scriptName === 'string' ? { scriptName: s.scriptName } : {}),
    firstLine: Number(s.firstLine ?? 1) || 1,
    fds: Array.isArray(s.fds) ? s.fds.map(Number).filter((fd) => Number.isInteger(fd) && fd > 2) : [],
    traceLevel: Number.isInteger(s.traceLevel) && s.traceLevel! > 0 ? s.traceLevel! : 1,
    traps: conditionList(s.traps),
    traced: conditionList(s.traced),
  };
}

/** What the state gives a new copy of a shell through its constructor. */
export function copyOptions(state: SubshellState): Pick<ShellOptions, 'vars' | 'parentTraps'> {
  return { vars: state.vars, parentTraps: state.traps ?? [] };
}

/** Gives a new copy of a shell what the state carries beyond its constructor's options. */
export function inheritState(shell: Shell, state: SubshellState): void {
  shell.lastStatus = state.status;
  const on = new Set(state.options ?? []);
  for (const name of SetOptions.names()) if (name !== 'monitor' && state.options !== undefined) shell.options.set(name, on.has(name));
  shell.traps.inherit(new Map(state.traced ?? []), on.has('errtrace'), on.has('functrace'));
  for (const [k, v] of state.aliases ?? []) shell.aliases.set(k, v);
  shell.unwrapSubshell = state.unwrap === true;
  shell.subshellProcess = true;
  if (state.dollarPid !== undefined) shell.dollarPid = state.dollarPid;
  shell.enterFunctions(state.functionDepth ?? 0);
  shell.traceLevel = state.traceLevel ?? 1;
  shell.options.invocation = state.invocation ?? '';
  const fds: number[] = [...shell.stdio];
  for (const fd of state.fds ?? []) fds[fd] = fd;
  shell.stdio = toStdio(Array.from(fds, (fd) => fd ?? -1));
}

function conditionList(list: unknown): (readonly [number, string])[] {
  return Array.isArray(list) ? list.map(([sig, action]) => [Number(sig), String(action)] as const) : [];
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
