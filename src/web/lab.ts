// A lab in the page: its run is the backend's session, and the lab panel steps it. The run
// is the labs engine's (src/labs/runner.ts: a machine on a manual clock with the shell as its
// session leader); the page only needs the shape below (labhook.ts hands it the engine).

import type { Shell } from '../core/shell.js';
import type { Lab, LabStep } from '../labs/types.js';
import type { SimEvent } from '../os/sim/events.js';
import type { Machine } from '../os/sim/machine.js';
import type { Size } from '../ui/backend.js';
import type { SessionOpener } from './backend.js';

/** What one step did: its events, and its prediction's answer read from them. */
export interface LabStepResult {
  readonly step: LabStep;
  readonly index: number;
  readonly events: readonly SimEvent[];
  readonly answer: number | null;
}

/** A lab being played (the engine's LabRun). */
export interface LabPlay {
  readonly lab: Lab;
  readonly machine: Machine;
  readonly shell: Shell | null;
  /** Every event since the machine booted: what the outcomes are checked against. */
  readonly events: readonly SimEvent[];
  readonly next: number;
  readonly done: boolean;
  play(): Promise<LabStepResult>;
}

export interface LabPlayOptions {
  readonly output: (bytes: Uint8Array) => void;
  readonly size: Size;
  readonly onEvent: (e: SimEvent) => void;
}

export type LabStarter = (lab: Lab, o: LabPlayOptions) => LabPlay;

/** The backend's session for `lab`; `onRun` sees each run it starts (one per (re)start). */
export function labSession(start: LabStarter, lab: Lab, onRun: (run: LabPlay) => void): SessionOpener {
  return (hooks) => {
    const run = start(lab, { output: hooks.output, size: hooks.size, onEvent: hooks.event });
    onRun(run);
    return { machine: run.machine, shell: () => run.shell };
  };
}

/** Keys as the learner would read them: `cat > notes &⏎`, `^Z`. */
export function keysText(keys: string): string {
  return keys.replace(/[\r\n]/g, '⏎').replace(/[\x00-\x1f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`);
}
