// The simulated kernel's event stream: every system call, signal generation and delivery,
// state change and terminal-driver decision, with the virtual time it happened at. The same
// scenario gives the same sequence of events, byte for byte (JSON lines); the UI draws from it
// and narrate.ts turns each into a sentence.

/** Who a process is, as events name it. */
export interface Who {
  readonly pid: number;
  readonly pgid: number;
  readonly comm: string;
}

export type ProcState = 'R' | 'S' | 'T' | 'Z';

/** How a generated signal was disposed of at delivery. */
export type Delivery = 'handler' | 'ignored' | 'stopped' | 'terminated' | 'core' | 'discarded-orphaned' | 'continued';

export type SimEvent =
  /** A process was created by fork (or booted). */
  | { readonly kind: 'fork'; readonly t: number; readonly parent: number; readonly child: Who; readonly ppid: number; readonly sid: number }
  | { readonly kind: 'exec'; readonly t: number; readonly who: Who; readonly path: string; readonly argv: readonly string[] }
  /** A system call returned (or failed); `result` is a short text. Calls that block log when they finally return. */
  | { readonly kind: 'syscall'; readonly t: number; readonly who: Who; readonly call: string; readonly args: string; readonly result: string }
  /** A signal was generated: by kill(2), by the terminal driver, or by the kernel (SIGCHLD, orphaned groups, hang-up). */
  | { readonly kind: 'signal'; readonly t: number; readonly signal: number; readonly to: Who; readonly by: 'kill' | 'tty' | 'kernel'; readonly from: number | null; readonly note: string }
  /** A generated signal was thrown away at once (ignored, or a stop/continue rule removed it). */
  | { readonly kind: 'discard'; readonly t: number; readonly signal: number; readonly to: Who; readonly why: string }
  | { readonly kind: 'deliver'; readonly t: number; readonly signal: number; readonly to: Who; readonly action: Delivery }
  | { readonly kind: 'state'; readonly t: number; readonly who: Who; readonly from: ProcState; readonly to: ProcState; readonly wchan: string }
  | { readonly kind: 'setpgid'; readonly t: number; readonly who: Who; readonly pgid: number }
  | { readonly kind: 'setsid'; readonly t: number; readonly who: Who }
  /** `released`: its parent ignores SIGCHLD (or set SA_NOCLDWAIT), so it never becomes a zombie. */
  | { readonly kind: 'exit'; readonly t: number; readonly who: Who; readonly status: string; readonly raw: number; readonly released?: boolean }
  | { readonly kind: 'reparent'; readonly t: number; readonly who: Who; readonly from: number; readonly to: number }
  | { readonly kind: 'reaped'; readonly t: number; readonly who: Who; readonly by: number; readonly status: string; readonly raw: number }
  /** A terminal driver decision: foreground changes, job-control checks, keyboard signals, echo and flushes. */
  | { readonly kind: 'tty'; readonly t: number; readonly tty: string; readonly what: TtyWhat; readonly who: Who | null; readonly pgid: number | null; readonly note: string }
  /** Bytes typed on the keyboard (the master side). */
  | { readonly kind: 'input'; readonly t: number; readonly tty: string; readonly text: string }
  | { readonly kind: 'hangup'; readonly t: number; readonly tty: string; readonly note: string };

export type TtyWhat =
  | 'foreground' | 'ttin' | 'ttou' | 'eio' | 'isig' | 'flush' | 'ctty' | 'lost-ctty' | 'modes';

export type EventListener = (e: SimEvent) => void;

/** One event as a JSON line. */
export function eventJson(e: SimEvent): string {
  return JSON.stringify(e);
}
