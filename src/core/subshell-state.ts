// What a subshell inherits from its parent when it has to be a process of its own (`a && b &`):
// all variables (exported or not), the positional parameters, `$0` and `$?`. It is JSON, which
// the OS port hands to the copy privately (see the 'subshell' program in src/os/port.ts).

import type { Shell } from './shell.js';
import type { VarSnapshot } from './vars.js';

export interface SubshellState {
  readonly vars: VarSnapshot;
  readonly name: string;
  readonly positional: readonly string[];
  readonly status: number;
  /** The `set -o` names that are on (errexit, nounset, ...), but monitor. */
  readonly options?: readonly string[];
  /** The source is one `( list )` for the copy to run itself (Shell.unwrapSubshell). */
  readonly unwrap?: boolean;
}

export function encodeSubshellState(shell: Shell, unwrap = false): string {
  const state: SubshellState = {
    unwrap,
    vars: shell.vars.snapshot(), name: shell.name, positional: shell.positional, status: shell.lastStatus,
    options: shell.options.names().filter((n) => n !== 'monitor'),
  };
  return JSON.stringify(state);
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
  const options = Array.isArray(s.options) ? s.options.map(String) : [];
  return { vars: s.vars!, name: String(s.name ?? 'jcsh'), positional: s.positional.map(String), status: Number(s.status ?? 0), options, unwrap: s.unwrap === true };
}
