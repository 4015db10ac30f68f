// What the steps of one script run share: the shell, the current timeout, and where the
// output of the last matched command starts (for `not`).

import type { Match } from '../types.js';
import type { ShellRun } from './target.js';

/** A step that failed for a reason of its own (not a library wait), with its explanation. */
export class StepFailure extends Error {
  override name = 'StepFailure';
}

export class ScriptContext {
  readonly run: ShellRun;
  /** Timeout of each waiting step, changed by the `timeout` directive. */
  timeout: number;
  /** Start of the text the last stream match consumed: `not` looks from here on. */
  segmentStart = 0;

  constructor(run: ShellRun) {
    this.run = run;
    this.timeout = run.timeout;
  }

  get session() {
    return this.run.session;
  }

  /** Remember where a stream match's text began (its `before` included). */
  consumed(match: Match): void {
    this.segmentStart = match.index - match.before.length;
  }
}
