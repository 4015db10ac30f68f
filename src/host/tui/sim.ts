// The UI's simulator backend: the simulated kernel and the shell core in this process, the
// pane's terminal as the simulated terminal's master side. Keys go to the simulated line
// discipline (which turns ^C, ^Z, ^\ into signals), its output to the pane; the panels come
// from the kernel itself (every process, the terminal's foreground group and modes) and from
// the shell's job table, the Timeline from the kernel's event stream.

import type { Options } from '../../cli/args.js';
import type { Shell } from '../../core/shell.js';
import { explain } from '../../labs/explain.js';
import { findLab } from '../../labs/registry.js';
import { eventJson, type SimEvent } from '../../os/sim/events.js';
import { Machine } from '../../os/sim/machine.js';
import { narrate } from '../../os/sim/narrate.js';
import { ProcessGone, SimPort } from '../../os/sim/port.js';
import { PROGRAMS } from '../../os/sim/programs/index.js';
import type { WaitStatus } from '../../os/status.js';
import { signalName } from '../../os/signals.js';
import type { Backend, BackendListeners, Size, VirtualClock } from '../../ui/backend.js';
import type { Snapshot } from '../../ui/model.js';
import { inheritedEnv, logEvents, mirrorWorkingDirectory, openLog, simPortOptions } from '../simsetup.js';
import { interactiveShell, runInProcess, subshellRunner } from '../simshell.js';
import { LabPlayer } from '../../labs/player.js';
import { LabReplay } from './labreplay.js';
import { simSnapshot } from './simsnapshot.js';
import { SimTimeline } from './simtimeline.js';

export class SimBackend implements Backend {
  readonly kernel = 'sim';
  readonly clock: VirtualClock;
  private machine: Machine | null = null;
  private shell: Shell | null = null;
  private listeners: BackendListeners | null = null;
  private size: Size = { cols: 80, rows: 24 };
  private flushQueued = false;
  private timeline = new SimTimeline();
  /** `--lab NAME`: the lab played on this machine. */
  lab: LabPlayer | null = null;
  private replay: LabReplay | null = null;

  /** The event logs of --events and --narrative, opened before the UI takes the terminal. */
  private readonly logs: readonly { readonly fd: number; readonly line: (e: SimEvent) => string }[];

  constructor(private readonly options: Options) {
    const sim = options.sim;
    this.logs = [
      ...(sim?.events ? [{ fd: openLog(sim.events), line: eventJson }] : []),
      ...(sim?.narrative ? [{ fd: openLog(sim.narrative), line: narrate }] : []),
      ...(sim?.explain ? [{ fd: openLog(sim.explain), line: explain }] : []),
    ];
    const backend = this;
    // In a lab, time moves only as the steps let it: the clock stays paused, and a step shows
    // the last step's next event.
    this.clock = options.lab ? {
      paused: true,
      pause: () => {},
      resume: () => {},
      step: () => this.lab?.reveal() ?? 'no more events: ^] ⏎ types the next step',
    } : {
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
    // Keys typed in the middle of a lab step's events: show the rest at once first.
    this.replay?.releaseAll();
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
    // Async code of the shell still in flight when its process ended goes no further.
    return e instanceof ProcessGone;
  }

  private boot(): void {
    if (this.options.lab) return this.bootLab(this.options.lab);
    const o = this.options;
    const cwd = process.cwd();
    const home = process.env['HOME'] ?? '/root';
    this.timeline = new SimTimeline();
    const machine = new Machine({
      clock: { kind: 'realtime', scale: o.sim?.clockScale ?? 1 },
      programs: PROGRAMS,
      dirs: [cwd, home],
      size: { rows: this.size.rows, cols: this.size.cols },
      output: (bytes) => this.listeners?.output(bytes),
    });
    this.machine = machine;
    mirrorWorkingDirectory(machine, cwd);
    for (const log of this.logs) logEvents(machine, log.fd, log.line);
    machine.kernel.listen((e) => {
      this.timeline.push(e);
      this.changed();
    });
    const env = inheritedEnv({ TERM: 'xterm-256color' });
    const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env, cwd, onExit: (s) => this.ended(s) });
    const portOptions = simPortOptions(home);
    const port = new SimPort(machine.kernel, proc, { ...portOptions, subshell: subshellRunner(portOptions) });
    runInProcess(() => interactiveShell(port, o, (shell) => {
      this.shell = shell;
    }));
    this.changed();
  }

  private bootLab(name: string): void {
    const lab = findLab(name);
    if (!lab) throw new Error(`no such lab: ${name}`);
    this.timeline = new SimTimeline();
    const replay = new LabReplay((f) => {
      for (const bytes of f.output) this.listeners?.output(bytes);
      if (f.entries.length > 0) this.listeners?.timeline(f.entries);
      if (f.snapshot) this.listeners?.snapshot(f.snapshot);
    });
    this.replay = replay;
    this.lab = new LabPlayer(lab, {
      size: { rows: this.size.rows, cols: this.size.cols },
      output: (bytes) => (replay.holding ? replay.write(bytes) : this.listeners?.output(bytes)),
      onEvent: (e) => {
        this.timeline.push(e);
        if (replay.holding) replay.event(this.timeline.take(), this.snapshot());
        else this.changed();
      },
      // The learner typed exit: the UI ends, as with the plain simulator.
      onExit: (s) => {
        replay.releaseAll();
        this.ended(s);
      },
    }, undefined, {
      step: () => replay.hold(),
      shown: (index, last) => (last ? replay.releaseAll() : replay.release(index)),
    });
    this.machine = this.lab.run.machine;
    for (const log of this.logs) logEvents(this.machine, log.fd, log.line);
    this.lab.onChange(() => this.changed());
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
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    // A lab step being shown event by event: its frames carry the panels' state.
    if (this.replay?.holding) return;
    const entries = this.timeline.take();
    if (entries.length > 0) this.listeners?.timeline(entries);
    this.listeners?.snapshot(this.snapshot());
  }

  private snapshot(): Snapshot {
    // In a lab, the shell is the lab's.
    const shell = this.shell ?? this.lab?.run.shell;
    return simSnapshot(this.machine!, shell?.control.jobs ?? null);
  }
}
