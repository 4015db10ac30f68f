// The page's backend: the simulated kernel and the shell core in the page, xterm.js as the
// terminal's master side. The same seam (ui/backend.ts) and the same panel values
// (ui/model.ts, read by host/tui/simsnapshot.ts) as the terminal UI's simulator backend,
// without what that one takes from the real machine (its working directory, environment, host
// and user names, event log files): a browser has none of them. What runs on the machine is
// the opener's choice: a free shell on a real-time clock, or a lab's run (lab.ts).

import { parseArgs } from '../cli/args.js';
import type { Shell } from '../core/shell.js';
import { simSnapshot } from '../host/tui/simsnapshot.js';
import { SimTimeline } from '../host/tui/simtimeline.js';
import { interactiveShell, runInProcess, subshellRunner } from '../host/simshell.js';
import type { SimEvent } from '../os/sim/events.js';
import { Machine } from '../os/sim/machine.js';
import { ProcessGone, SimPort, type SimPortOptions } from '../os/sim/port.js';
import { PROGRAMS } from '../os/sim/programs/index.js';
import { signalName } from '../os/signals.js';
import type { WaitStatus } from '../os/status.js';
import type { Backend, BackendListeners, Size, VirtualClock } from '../ui/backend.js';
import type { Snapshot } from '../ui/model.js';

const HOME = '/home/student';
const PORT_OPTIONS: SimPortOptions = { hostname: 'browser', username: 'student', uid: 1000, home: HOME };
const ENV = ['HOME=' + HOME, 'USER=student', 'LOGNAME=student', 'PATH=/bin:/usr/bin', 'TERM=xterm-256color', 'PWD=' + HOME];

/** What the backend needs of a running session: its machine, and its shell once it exists. */
export interface Session {
  readonly machine: Machine;
  shell(): Shell | null;
}

export interface SessionHooks {
  readonly size: Size;
  output(bytes: Uint8Array): void;
  event(e: SimEvent): void;
  exit(s: WaitStatus): void;
}

/** Boots a machine and a session on it; called again by restart(). */
export type SessionOpener = (hooks: SessionHooks) => Session;

/** `jcsh --sim` as typed at a terminal: an interactive shell on a real-time clock. */
export const freeShell: SessionOpener = (hooks) => {
  const machine = new Machine({
    clock: { kind: 'realtime', scale: 1 }, programs: PROGRAMS, dirs: [HOME], size: hooks.size, output: hooks.output,
  });
  machine.kernel.listen(hooks.event);
  let shell: Shell | null = null;
  const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env: ENV, cwd: HOME, onExit: hooks.exit });
  const port = new SimPort(machine.kernel, proc, { ...PORT_OPTIONS, subshell: subshellRunner(PORT_OPTIONS) });
  runInProcess(() => interactiveShell(port, parseArgs(['--sim'], true), (s) => {
    shell = s;
  }));
  return { machine, shell: () => shell };
};

/**
 * An error that escaped the shell's code after its process ended (a hung-up session's traps
 * still running): the end of that session, not a failure of the page.
 */
export function isEngineError(e: unknown): boolean {
  return e instanceof ProcessGone;
}

export class WebBackend implements Backend {
  readonly kernel = 'sim';
  readonly clock: VirtualClock;
  private session: Session | null = null;
  private ended = false;
  private listeners: BackendListeners | null = null;
  private size: Size = { cols: 80, rows: 24 };
  private flushQueued = false;
  private timeline = new SimTimeline();

  constructor(private readonly open: SessionOpener = freeShell) {
    const backend = this;
    this.clock = {
      get paused() {
        return backend.session?.machine.kernel.isPaused ?? false;
      },
      pause: () => this.session?.machine.kernel.pause(true),
      resume: () => this.session?.machine.kernel.pause(false),
      step: () => {
        const t = this.session?.machine.kernel.stepClock() ?? null;
        return t === null ? null : `the clock moves to ${(t / 1000).toFixed(3)} s and fires what was due`;
      },
    };
  }

  start(size: Size, listeners: BackendListeners): void {
    this.size = size;
    this.listeners = listeners;
    this.boot();
  }

  input(data: string): void {
    this.session?.machine.type(data);
  }

  resize(size: Size): void {
    this.size = size;
    this.session?.machine.resize(size);
    this.changed();
  }

  restart(): void {
    if (this.ended) this.boot();
  }

  close(): void {
    this.session?.machine.hangup();
  }

  isEngineError(e: unknown): boolean {
    return isEngineError(e);
  }

  private boot(): void {
    this.timeline = new SimTimeline();
    this.ended = false;
    this.session = this.open({
      size: this.size,
      output: (bytes) => this.listeners?.output(bytes),
      event: (e) => {
        this.timeline.push(e);
        this.changed();
      },
      exit: (s) => this.exited(s),
    });
    this.changed();
  }

  private exited(s: WaitStatus): void {
    this.ended = true;
    this.flush();
    const signal = s.kind === 'signaled' ? `SIG${signalName(s.signal) ?? s.signal}` : null;
    this.listeners?.exit({ code: s.kind === 'exited' ? s.code : null, signal });
  }

  /** Something happened: report it once the kernel's current run is over, not per event. */
  private changed(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.flushQueued = false;
    const entries = this.timeline.take();
    if (entries.length > 0) this.listeners?.timeline(entries);
    this.listeners?.snapshot(this.snapshot());
  }

  private snapshot(): Snapshot {
    const session = this.session!;
    return simSnapshot(session.machine, session.shell()?.control.jobs ?? null);
  }
}
