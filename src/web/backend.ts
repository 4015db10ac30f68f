// The page's backend: the simulated kernel and the shell core in the page, xterm.js as the
// terminal's master side. The same seam (ui/backend.ts) and the same panel values
// (ui/model.ts) as the terminal UI's simulator backend (host/tui/sim.ts), without what that
// one takes from the real machine (its working directory, environment, host and user names,
// event log files): a browser has none of them.

import type { Options } from '../cli/args.js';
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

/** `jcsh --sim` as typed at a terminal: interactive, job control on, bash's dialect. */
const OPTIONS: Options = {
  mode: { kind: 'interactive' }, interactive: true, monitor: true, norc: true, name: 'jcsh', args: [],
  compat: 'bash', noPrompt: false, plain: false, set: [], sim: { events: null, narrative: null, clockScale: 1 },
};

export class WebBackend implements Backend {
  readonly kernel = 'sim';
  readonly clock: VirtualClock;
  /** The running machine, for the lab runner (see main.ts) and the tests. */
  machine: Machine | null = null;
  private shell: Shell | null = null;
  private listeners: BackendListeners | null = null;
  private size: Size = { cols: 80, rows: 24 };
  private flushQueued = false;
  private timeline = new SimTimeline();
  private readonly watchers: ((e: SimEvent) => void)[] = [];

  constructor() {
    const backend = this;
    this.clock = {
      get paused() {
        return backend.machine?.kernel.isPaused ?? false;
      },
      pause: () => this.machine?.kernel.pause(true),
      resume: () => this.machine?.kernel.pause(false),
      step: () => {
        const t = this.machine?.kernel.stepClock() ?? null;
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
    this.machine?.type(data);
  }

  resize(size: Size): void {
    this.size = size;
    this.machine?.resize(size);
    this.changed();
  }

  restart(): void {
    if (this.machine && this.shell === null) this.boot();
  }

  close(): void {
    this.machine?.hangup();
  }

  isEngineError(e: unknown): boolean {
    return e instanceof ProcessGone;
  }

  /** Every kernel event of this and later sessions (the lab runner's hook). */
  watch(f: (e: SimEvent) => void): void {
    this.watchers.push(f);
  }

  private boot(): void {
    this.timeline = new SimTimeline();
    const machine = new Machine({
      clock: { kind: 'realtime', scale: 1 },
      programs: PROGRAMS,
      dirs: [HOME],
      size: { rows: this.size.rows, cols: this.size.cols },
      output: (bytes) => this.listeners?.output(bytes),
    });
    this.machine = machine;
    machine.kernel.listen((e) => {
      this.timeline.push(e);
      for (const w of this.watchers) w(e);
      this.changed();
    });
    const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env: ENV, cwd: HOME, onExit: (s) => this.ended(s) });
    const port = new SimPort(machine.kernel, proc, { ...PORT_OPTIONS, subshell: subshellRunner(PORT_OPTIONS) });
    runInProcess(() => interactiveShell(port, OPTIONS, (shell) => {
      this.shell = shell;
    }));
    this.changed();
  }

  private ended(s: WaitStatus): void {
    this.shell = null;
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
    return simSnapshot(this.machine!, this.shell?.control.jobs ?? null);
  }
}
