// The steps of a scenario script, as the parser produces them and the runner executes them.

import type { KeyName } from '../keys.js';
import type { Pattern } from '../match.js';

/** Process states a `state` step can wait for. */
export type ProcessState = 'R' | 'S' | 'D' | 'T' | 'Z' | 'running' | 'stopped' | 'gone';

/** What a step does, without where it came from. */
export type StepAction =
  | { readonly kind: 'send'; readonly text: string }
  | { readonly kind: 'type'; readonly text: string }
  | { readonly kind: 'paste'; readonly text: string }
  | { readonly kind: 'press'; readonly key: KeyName; readonly times: number }
  | { readonly kind: 'expect'; readonly pattern: Pattern; readonly on: 'stream' | 'screen' }
  | { readonly kind: 'not'; readonly pattern: Pattern; readonly on: 'stream' | 'screen' }
  | { readonly kind: 'prompt' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'fg'; readonly owner: 'shell' | 'job'; readonly comm: string | null }
  | { readonly kind: 'state'; readonly comm: string; readonly state: ProcessState }
  | { readonly kind: 'no-zombies' }
  | { readonly kind: 'modes'; readonly flags: readonly { readonly name: string; readonly on: boolean }[] }
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals; readonly target: 'shell' | 'fg' }
  | { readonly kind: 'resize'; readonly cols: number; readonly rows: number }
  | { readonly kind: 'sleep'; readonly seconds: number }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'wait-exit'; readonly status: number | NodeJS.Signals | null }
  | { readonly kind: 'show' };

/** One line of a script. */
export type Step = StepAction & {
  /** 1-based line number in the script. */
  readonly line: number;
  /** The line as written, for the report. */
  readonly source: string;
};
