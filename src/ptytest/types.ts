// Public data shapes of the pty test toolkit, shared by the modules that produce them.

/** Where an expectation looks: the raw byte stream, or the rendered screen. */
export type ExpectSource = 'stream' | 'screen';

/** What a successful {@link PtySession.expect} found. */
export interface Match {
  /** The matched text. */
  readonly text: string;
  /** Capture groups 1..n of a RegExp pattern (`''` for a group that did not take part). */
  readonly groups: readonly string[];
  /** Named capture groups of a RegExp pattern. */
  readonly named: Readonly<Record<string, string>>;
  /**
   * Stream: the output between the previous stream match and this one.
   * Screen: the screen text before the match.
   */
  readonly before: string;
  /** Offset of the match in the whole output (stream) or in the screen text (screen). */
  readonly index: number;
}

/** The rendered terminal, as a person would see it. */
export interface Screen {
  /** One string per row of the visible screen, trailing blanks removed. */
  readonly lines: readonly string[];
  /** Cursor position, 0-based, relative to the top-left of the visible screen. */
  readonly cursor: { readonly x: number; readonly y: number };
  /** True while the alternate screen buffer (full-screen programs) is active. */
  readonly altScreen: boolean;
  /** False after the program hid the cursor (DECTCEM, `ESC [ ? 25 l`). */
  readonly cursorVisible: boolean;
  readonly cols: number;
  readonly rows: number;
}

/** How the spawned process ended. */
export interface ExitStatus {
  /** Exit status, or null when a signal killed the process. */
  readonly exitCode: number | null;
  /** The signal that killed the process, or null when it exited. */
  readonly signal: NodeJS.Signals | null;
}

/** {@link ExitStatus} plus everything the process wrote. */
export interface ExitResult extends ExitStatus {
  readonly output: string;
}

/** One I/O event of a session; `t` is milliseconds since the spawn. */
export interface TraceEvent {
  readonly t: number;
  /** `in`: bytes written to the pty; `out`: bytes read from it; `resize`: data is `COLSxROWS`. */
  readonly dir: 'in' | 'out' | 'resize';
  readonly data: string;
}

/** A process as /proc describes it. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  /** Foreground process group of the process's controlling terminal (-1: none). */
  readonly tpgid: number;
  /** One-letter state: R, S, D, T (stopped), t (traced), Z (zombie), ... */
  readonly state: string;
  /** Executable name (at most 15 characters, from /proc/PID/stat). */
  readonly comm: string;
  /** Command line; empty for zombies and kernel threads. */
  readonly args: readonly string[];
}
