// The one interface between the UI and a kernel. A backend runs the shell (the engine) at the
// far end of a terminal: the UI writes the user's keys into it and draws what comes out, and
// draws the panels from the snapshots and timeline entries it reports. The UI never learns
// whether the kernel is Linux (the engine in node-pty, events over a private channel) or the
// simulator (in this process), and never does job control itself: ^C, ^Z, ^\ and ^D are bytes
// sent to the terminal, which its line discipline turns into signals.

import type { LabState, Snapshot, TimelineEntry } from './model.js';

export interface Size {
  readonly cols: number;
  readonly rows: number;
}

/** How the engine ended: a status, or the signal that killed it. */
export interface EngineExit {
  readonly code: number | null;
  readonly signal: string | null;
}

/** The simulator's virtual clock, for pause, single-step and resume from the menu. */
export interface VirtualClock {
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  /** Runs the kernel by one event while paused; returns that event in one sentence, or null. */
  step(): string | null;
}

/** A lab loaded on the simulator: the UI shows its state and asks it to play the next step. */
export interface LabControl {
  readonly state: LabState;
  onChange(listener: () => void): void;
  /** Types the next step's keys (a step with a question waits for choose()). */
  next(): void;
  /** The learner's prediction (0-based); the step then runs and the answer is revealed. */
  choose(choice: number): void;
  /** Shows the next event of the last step; returns its sentence, or null when all are shown. */
  reveal(): string | null;
}

export interface BackendListeners {
  /** Bytes the engine wrote to its terminal (escape sequences and all). */
  output(data: Uint8Array | string): void;
  /** The panels' state changed. */
  snapshot(s: Snapshot): void;
  /** New timeline lines, oldest first. */
  timeline(entries: readonly TimelineEntry[]): void;
  /** The engine ended; restart() starts a new one. */
  exit(e: EngineExit): void;
}

export interface Backend {
  /** `linux` or `sim`, for the status line only. */
  readonly kernel: 'linux' | 'sim';
  /** Present on the simulator only. */
  readonly clock: VirtualClock | null;
  /** Present with `--sim --lab NAME`. */
  readonly lab?: LabControl | null;
  /** Starts the engine at the pane's size; listeners are called from then on. */
  start(size: Size, listeners: BackendListeners): void;
  /** The user's keys, as bytes for the terminal. */
  input(data: string): void;
  resize(size: Size): void;
  /**
   * Flow control: the pane cannot keep up with the output (a `cat` of a big file), so stop
   * reading it for a while, and go on. The program then blocks in write(2), as it would on a
   * slow terminal: nothing is lost, and keys still get through.
   */
  pauseOutput?(): void;
  resumeOutput?(): void;
  /** Starts a fresh engine after the last one ended. */
  restart(): void;
  /** Ends the session as a terminal emulator closing does: the engine and its jobs get SIGHUP. */
  close(): void;
  /**
   * True for an error that escaped the engine's own code after it ended (the simulator runs
   * the shell in this process): not a failure of the UI.
   */
  isEngineError?(e: unknown): boolean;
}
