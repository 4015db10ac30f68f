// What a lab is: a scenario on the simulated kernel (and, for most, on Linux), played step by
// step. Pure data plus pure functions over the kernel's events: no Node, no Ink, no DOM, so that
// the terminal UI, the browser page and the tests all run the same labs.

import type { SimEvent } from '../os/sim/events.js';

/** What the learner does at one point of the lab: keys typed into the terminal. */
export interface LabInput {
  /** Bytes for the terminal, as typed: `cat &\r`, `\x1a` for ^Z, `fg\r`. */
  readonly keys: string;
  /** One sentence: what this input is for ("Put cat in the background"). */
  readonly say: string;
  /**
   * Virtual milliseconds that pass once the keys are typed (timers fall due on the way); 0 by
   * default: only what runs without time passing. `sleep 2⏎` needs 2000.
   */
  readonly wait?: number;
}

/**
 * A question asked before an event happens, in predict-then-reveal mode. The answer is read
 * from the events (never written by hand), so a lab cannot claim what the kernel did not do.
 */
export interface Prediction {
  readonly question: string;
  readonly choices: readonly string[];
  /** The index of the right choice, given the events from the start of the lab. */
  answer(events: readonly SimEvent[]): number | null;
  /** Why, in one or two sentences, citing rule ids (`[R-TTIN-1]`). */
  readonly why: string;
}

/** What the lab promises will happen; each is checked in `npm test` on the simulator. */
export interface Outcome {
  readonly says: string;
  /** Rule ids of the team's spec the outcome demonstrates. */
  readonly rules: readonly string[];
  holds(events: readonly SimEvent[]): boolean;
}

export interface LabStep {
  readonly input: LabInput;
  /** Asked before the input is typed; revealed once the kernel has gone idle after it. */
  readonly predict?: Prediction;
}

export interface Lab {
  /** `zombie`, `ttin`, `orphanpgrp`: what `jcsh --sim --lab NAME` takes. */
  readonly name: string;
  readonly title: string;
  /** One line for `jcsh --lab`. */
  readonly summary: string;
  /** docs/labs/NAME.md */
  readonly doc: string;
  readonly steps: readonly LabStep[];
  readonly outcomes: readonly Outcome[];
  /** The real-kernel twin (a C program built at install), when the lab runs on Linux too. */
  readonly twin?: string;
}
