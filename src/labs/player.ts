// A lab as the learner plays it (the terminal UI, the browser page): the lab's run on the
// simulated kernel, and what the learner sees of it (the next step's sentence and question, the
// last step's answer and its events one at a time). Each step runs whole (its keys typed, the
// kernel run until idle); its events are then revealed one by one (^] . in the UI), so the
// learner follows what the kernel did, in order.
//
// On Linux (`jcsh --lab NAME`) the keys go to the real terminal as well, and the answers and
// events are the simulator's, played alongside: the real kernel's own are in the panels.

import type { SimEvent } from '../os/sim/events.js';
import { explain } from './explain.js';
import { showKeys } from './keys.js';
import { LabRun, type LabRunOptions } from './runner.js';
import type { Lab, LabStep } from './types.js';

// The same shapes as the terminal UI's (src/ui/model.ts), which cannot import this layer: the
// UI, the browser page and the tests draw the same state.

/** A lab's prediction, before and after its step ran. */
export interface LabQuestion {
  readonly text: string;
  readonly choices: readonly string[];
  /** The learner's choice (0-based), null until one is made. */
  readonly chosen: number | null;
  /** Read from the kernel's events once the step ran. */
  readonly answer: number | null;
  readonly why: string;
}

/** What the learner sees: the next step, and what the last one did. */
export interface LabState {
  readonly name: string;
  readonly title: string;
  /** The next step (0-based) and how many there are. */
  readonly index: number;
  readonly total: number;
  readonly next: { readonly say: string; readonly keys: string; readonly question: LabQuestion | null } | null;
  /** The last step played: its prediction revealed, and its events' sentences, shown one by one. */
  readonly last: { readonly say: string; readonly question: LabQuestion | null; readonly events: readonly string[]; readonly shown: number } | null;
  /** A step is running. */
  readonly busy: boolean;
}

function question(step: LabStep | undefined, chosen: number | null, answer: number | null): LabQuestion | null {
  const p = step?.predict;
  return p ? { text: p.question, choices: p.choices, chosen, answer, why: p.why } : null;
}

export class LabPlayer {
  readonly run: LabRun;
  state: LabState;
  private readonly listeners: (() => void)[] = [];

  /** Where each shown sentence's event is in the run's events. */
  private indices: number[] = [];

  /**
   * `alsoType`: the real terminal's keyboard, when the lab runs on Linux too. `hooks`: a step
   * starts; an event was shown (its index in the run's events, and whether it was the step's last).
   */
  constructor(
    private readonly lab: Lab,
    o: LabRunOptions,
    private readonly alsoType?: (keys: string) => void,
    private readonly hooks: { readonly step?: () => void; readonly shown?: (index: number, last: boolean) => void } = {},
  ) {
    this.run = new LabRun(lab, o);
    this.state = { name: lab.name, title: lab.title, index: 0, total: lab.steps.length, next: this.nextOf(0), last: null, busy: false };
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  next(): void {
    const step = this.lab.steps[this.run.next];
    if (!step || this.state.busy) return;
    if (step.predict) return this.update({ ...this.state });
    void this.play(null);
  }

  choose(choice: number): void {
    const step = this.lab.steps[this.run.next];
    if (!step?.predict || this.state.busy || choice < 0 || choice >= step.predict.choices.length) return;
    void this.play(choice);
  }

  reveal(): string | null {
    const last = this.state.last;
    if (!last || last.shown >= last.events.length) return null;
    this.update({ ...this.state, last: { ...last, shown: last.shown + 1 } });
    this.hooks.shown?.(this.indices[last.shown]!, last.shown + 1 === last.events.length);
    return last.events[last.shown]!;
  }

  private async play(chosen: number | null): Promise<void> {
    this.update({ ...this.state, busy: true, next: this.state.next && { ...this.state.next, question: question(this.lab.steps[this.run.next], chosen, null) } });
    this.hooks.step?.();
    this.alsoType?.(this.lab.steps[this.run.next]!.input.keys);
    const from = this.run.events.length;
    const r = await this.run.play();
    // System calls and a process running or sleeping are left out: what is left is the story.
    const story = (e: SimEvent) => e.kind !== 'syscall' && (e.kind !== 'state' || e.to === 'T' || e.to === 'Z');
    this.indices = r.events.flatMap((e, i) => (story(e) ? [from + i] : []));
    const events = r.events.filter(story).map(explain);
    if (events.length === 0) this.hooks.shown?.(this.run.events.length - 1, true);
    this.update({
      ...this.state, busy: false, index: this.run.next, next: this.nextOf(this.run.next),
      last: { say: r.step.input.say, question: question(r.step, chosen, r.answer), events, shown: 0 },
    });
  }

  private nextOf(index: number): LabState['next'] {
    const step = this.lab.steps[index];
    return step ? { say: step.input.say, keys: showKeys(step.input.keys), question: question(step, null, null) } : null;
  }

  private update(state: LabState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
