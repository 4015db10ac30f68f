// What the panels show, as plain values. Backends (src/host/tui) fill it; the UI only draws it.
// Every field is what a kernel or the shell reported: nothing here is guessed by the UI.

/** One row of the Jobs panel, as `jobs -l` would word it. */
export interface JobRow {
  readonly id: number;
  /** `+` current, `-` previous, ` ` otherwise. */
  readonly mark: '+' | '-' | ' ';
  /** bash's words: `Running`, `Stopped`, `Stopped (tty input)`, `Done`, `Exit 2`, `Killed`… */
  readonly state: string;
  readonly pgid: number;
  readonly command: string;
  /** The job has (or was last given) the terminal. */
  readonly foreground: boolean;
}

/** One process of the session, as `ps -o pid,ppid,pgid,sid,stat,args` would show it. */
export interface ProcRow {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  /** The kernel's one-letter state: R S D T t Z I. */
  readonly state: string;
  readonly command: string;
}

/** The terminal as its driver sees it. */
export interface TermInfo {
  /** The foreground process group, or null when it cannot be read. */
  readonly tpgid: number | null;
  readonly tostop: boolean;
  readonly icanon: boolean;
  readonly echo: boolean;
  readonly isig: boolean;
  readonly cols: number;
  readonly rows: number;
}

export type TimelineKind = 'signal' | 'state' | 'reap' | 'spawn' | 'terminal' | 'note';

/** One line of the Timeline: `SIGTTIN → pgrp 4213 (cat)`, `4213 stopped`, `reaped 4213: exit 0`. */
export interface TimelineEntry {
  /** Milliseconds since the session started (virtual time on the simulator). */
  readonly time: number;
  readonly kind: TimelineKind;
  readonly text: string;
}

/** The state of the panels at one moment. */
export interface Snapshot {
  readonly jobs: readonly JobRow[];
  readonly processes: readonly ProcRow[];
  /** The session's id (its leader's pid), 0 before the shell started. */
  readonly sid: number;
  readonly terminal: TermInfo;
}

export const EMPTY_SNAPSHOT: Snapshot = {
  jobs: [],
  processes: [],
  sid: 0,
  terminal: { tpgid: null, tostop: false, icanon: true, echo: true, isig: true, cols: 80, rows: 24 },
};

/** A lab's prediction, before and after its step ran. */
export interface LabQuestion {
  readonly text: string;
  readonly choices: readonly string[];
  /** The learner's choice (0-based), null until a digit is pressed. */
  readonly chosen: number | null;
  /** Read from the kernel's events once the step ran. */
  readonly answer: number | null;
  readonly why: string;
}

/** The lab being played (`jcsh --sim --lab NAME`): the next step, and what the last one did. */
export interface LabState {
  readonly name: string;
  readonly title: string;
  /** The next step (0-based) and how many there are. */
  readonly index: number;
  readonly total: number;
  /** The next step's sentence and keys (`cat > notes &⏎`), null at the end. */
  readonly next: { readonly say: string; readonly keys: string; readonly question: LabQuestion | null } | null;
  /** The last step played: its prediction revealed, and its events' sentences, shown one by one. */
  readonly last: { readonly say: string; readonly question: LabQuestion | null; readonly events: readonly string[]; readonly shown: number } | null;
  /** A step is running. */
  readonly busy: boolean;
}
