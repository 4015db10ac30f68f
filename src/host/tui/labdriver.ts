// A lab in the UI: the lab's run on the simulated kernel, and what the learner sees of it (the
// next step's sentence and question, the last step's answer and its events one at a time).
// Each step runs whole (its keys typed, the kernel run until idle); its events are then
// revealed one by one with ^] . so the learner follows what the kernel did, in order.
//
// On Linux (`jcsh --lab NAME`) the keys go to the real terminal as well, and the answers and
// events are the simulator's, played alongside: the real kernel's own are in the panels.

import { explain } from '../../labs/explain.js';
import { showKeys } from '../../labs/keys.js';
import { LabRun, type LabRunOptions } from '../../labs/runner.js';
import type { Lab, LabStep } from '../../labs/types.js';
import type { LabControl } from '../../ui/backend.js';
import type { LabQuestion, LabState } from '../../ui/model.js';

function question(step: LabStep | undefined, chosen: number | null, answer: number | null): LabQuestion | null {
  const p = step?.predict;
  return p ? { text: p.question, choices: p.choices, chosen, answer, why: p.why } : null;
}

export class LabDriver implements LabControl {
  readonly run: LabRun;
  state: LabState;
  private readonly listeners: (() => void)[] = [];

  /** `alsoType`: the real terminal's keyboard, when the lab runs on Linux too. */
  constructor(private readonly lab: Lab, o: LabRunOptions, private readonly alsoType?: (keys: string) => void) {
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
    return last.events[last.shown]!;
  }

  private async play(chosen: number | null): Promise<void> {
    this.update({ ...this.state, busy: true, next: this.state.next && { ...this.state.next, question: question(this.lab.steps[this.run.next], chosen, null) } });
    this.alsoType?.(this.lab.steps[this.run.next]!.input.keys);
    const r = await this.run.play();
    // System calls and a process running or sleeping are left out: what is left is the story.
    const events = r.events.filter((e) => e.kind !== 'syscall' && (e.kind !== 'state' || e.to === 'T' || e.to === 'Z')).map(explain);
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
