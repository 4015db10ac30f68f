// Playing a lab on the simulated kernel: a machine with the shell core as its session leader,
// on a manual clock (time moves only when a step lets it), so a lab gives the same events on
// every run. Each step types its keys, lets its virtual time pass and runs the kernel until
// nothing can run; the step's events are kept, to be shown one by one and checked.

import type { Shell } from '../core/shell.js';
import type { SimEvent } from '../os/sim/events.js';
import { Machine } from '../os/sim/machine.js';
import { PROGRAMS } from '../os/sim/programs/index.js';
import type { WaitStatus } from '../os/status.js';
import { startShellSession } from './session.js';
import type { Lab, LabStep } from './types.js';

const HOME = '/home/user';
const ENV = ['PATH=/bin:/usr/bin', `HOME=${HOME}`, 'PS1=$ ', 'TERM=xterm', 'USER=user'];

export interface LabRunOptions {
  /** Where the terminal's output goes (the UI's pane, the page's xterm); kept by default. */
  readonly output?: (bytes: Uint8Array) => void;
  readonly size?: { readonly rows: number; readonly cols: number };
  /** Every event as it happens (the UI's timeline). */
  readonly onEvent?: (e: SimEvent) => void;
  /** The shell ended (the learner typed exit). */
  readonly onExit?: (s: WaitStatus) => void;
}

/** What one step did: its events, and the prediction's answer read from them. */
export interface StepResult {
  readonly step: LabStep;
  readonly index: number;
  readonly events: readonly SimEvent[];
  readonly answer: number | null;
}

export class LabRun {
  readonly machine: Machine;
  /** Every event since the machine booted. */
  readonly events: SimEvent[] = [];
  shell: Shell | null = null;
  /** The index of the next step to play. */
  next = 0;
  private readonly ready: Promise<void>;

  constructor(readonly lab: Lab, o: LabRunOptions = {}) {
    this.machine = new Machine({
      clock: { kind: 'manual' }, programs: PROGRAMS, dirs: [HOME],
      ...(o.output ? { output: o.output } : {}), ...(o.size ? { size: o.size } : {}),
    });
    this.machine.kernel.listen((e) => {
      this.events.push(e);
      o.onEvent?.(e);
    });
    startShellSession(this.machine, {
      env: ENV, cwd: HOME,
      port: { hostname: 'lab', username: 'user', uid: 1000, home: HOME },
      onShell: (shell) => (this.shell = shell),
      ...(o.onExit ? { onExit: o.onExit } : {}),
    });
    this.ready = this.machine.kernel.settle();
  }

  get done(): boolean {
    return this.next >= this.lab.steps.length;
  }

  /** The shell has started and prompted. */
  start(): Promise<void> {
    return this.ready;
  }

  /** Types the next step's keys and runs the kernel until it is idle again. */
  async play(): Promise<StepResult> {
    await this.ready;
    const index = this.next;
    const step = this.lab.steps[index];
    if (!step) throw new RangeError(`the lab ${this.lab.name} has no step ${index + 1}`);
    this.next++;
    const from = this.events.length;
    const k = this.machine.kernel;
    await k.settle();
    this.machine.type(step.input.keys);
    await k.advance(step.input.wait ?? 0);
    return { step, index, events: this.events.slice(from), answer: step.predict?.answer(this.events) ?? null };
  }

  /** Plays every step left; resolves with what each did. */
  async playAll(): Promise<StepResult[]> {
    const results: StepResult[] = [];
    while (!this.done) results.push(await this.play());
    return results;
  }
}

/** A lab played from start to end (the outcome tests, `--explain` of a lab). */
export async function playLab(lab: Lab, o: LabRunOptions = {}): Promise<LabRun> {
  const run = new LabRun(lab, o);
  await run.playAll();
  return run;
}
