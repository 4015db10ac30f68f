// A simulated machine: the file system with its programs, one terminal (a pty whose master
// side is the host's), init (pid 1, which reaps whatever it adopts), and a session on the
// terminal whose leader is either host code (the shell core) or a simulated program.

import type { WaitStatus } from '../status.js';
import type { ClockPolicy } from './clock.js';
import { SysError } from './errno.js';
import { installFd, type OpenFile } from './files.js';
import { Kernel } from './kernel.js';
import { MemFs } from './memfs.js';
import { newGenThread, Proc, type HostThread } from './process.js';
import { signalGroup } from './signal.js';
import * as sys from './sys.js';
import { openTty } from './tty/device.js';
import { acquire, hangup } from './tty/session.js';
import { Tty } from './tty/tty.js';
import type { Code, ProcInfo, Program, Winsize } from './types.js';

export interface MachineOptions {
  readonly clock?: ClockPolicy;
  /** Programs by absolute path (/bin/cat ...). */
  readonly programs?: ReadonlyMap<string, Program>;
  /** Extra files: path to contents. */
  readonly files?: Readonly<Record<string, string>>;
  /** Directories to create (the working directory, the home directory). */
  readonly dirs?: readonly string[];
  readonly size?: Winsize;
  readonly dumpsCore?: boolean;
  /** Where the terminal's output goes; by default it is kept (see output()). */
  readonly output?: (bytes: Uint8Array) => void;
}

const SHELL_PID = 100;

/**
 * init: reaps every child it has or adopts; with none, it sleeps in pause() until SIGCHLD says
 * an adopted one has exited.
 */
function* init(): Code {
  yield* sys.sigaction(17, { handler: function* () {}, flags: {}, mask: [] });
  for (;;) {
    const r = yield* sys.waitpid(-1);
    if (r instanceof SysError && r.errno === 'ECHILD') yield* sys.pause();
  }
}

export class Machine {
  readonly kernel: Kernel;
  readonly tty: Tty;
  readonly init: Proc;
  private readonly chunks: Uint8Array[] = [];

  constructor(o: MachineOptions = {}) {
    const fs = new MemFs();
    for (const dir of ['/bin', '/usr/bin', '/dev/pts', '/tmp', '/root', ...(o.dirs ?? [])]) fs.mkdirp(dir);
    for (const [path, program] of o.programs ?? []) fs.put(path, { type: 'program', program, name: path.slice(path.lastIndexOf('/') + 1) });
    for (const [path, text] of Object.entries(o.files ?? {})) fs.writeFile(path, text);
    fs.put('/dev/null', { type: 'device', device: 'null' });
    fs.put('/dev/pts/0', { type: 'device', device: 'pts/0' });
    this.kernel = new Kernel({ clock: o.clock ?? { kind: 'jump' }, fs, dumpsCore: o.dumpsCore ?? false, firstPid: SHELL_PID });
    const out = o.output ?? ((b: Uint8Array) => this.chunks.push(b));
    this.tty = new Tty(this.kernel, 'pts/0', out, o.size ?? { rows: 24, cols: 80 });
    this.kernel.ttys.set('pts/0', this.tty);
    this.init = new Proc(1, null, { comm: 'init', argv: ['init'], env: [], cwd: '/', dumpsCore: false, thread: newGenThread(init()) });
    this.kernel.addProc(this.init);
    this.kernel.enqueue(this.init);
  }

  /** The session leader on the terminal, running host code (the shell core through a SimPort). */
  hostSession(o: { comm: string; argv: readonly string[]; env: readonly string[]; cwd: string; onExit: (s: WaitStatus) => void; stdio?: readonly (OpenFile | null)[] }): Proc {
    const thread: HostThread = { kind: 'host', calls: new Set(), handlers: new Map(), counts: new Map(), traps: new Map(), queued: [], onExit: o.onExit };
    return this.session(new Proc(this.kernel.allocPid(), this.init, { ...o, dumpsCore: this.kernel.dumpsCore, thread }), o.stdio);
  }

  /** The session leader on the terminal, running a simulated program. */
  programSession(o: { comm: string; argv: readonly string[]; env: readonly string[]; cwd: string; body: () => Code }): Proc {
    const p = new Proc(this.kernel.allocPid(), this.init, { ...o, dumpsCore: this.kernel.dumpsCore, thread: newGenThread(o.body()) });
    this.session(p);
    this.kernel.enqueue(p);
    return p;
  }

  private session(p: Proc, stdio?: readonly (OpenFile | null)[]): Proc {
    const k = this.kernel;
    this.init.children.push(p);
    p.pgid = p.pid;
    p.sid = p.pid;
    k.addProc(p);
    if (k.tracing) k.emit({ kind: 'fork', t: k.now, parent: 1, child: p.who, ppid: 1, sid: p.sid });
    acquire(k, p, this.tty);
    const file = openTty(this.tty, { read: true, write: true });
    for (const fd of [0, 1, 2]) installFd(p, fd, stdio?.[fd] ?? file);
    return p;
  }

  /** Keys typed on the terminal. */
  type(text: string | Uint8Array): void {
    this.kernel.external();
    if (this.kernel.tracing) this.kernel.emit({ kind: 'input', t: this.kernel.now, tty: this.tty.name, text: typeof text === 'string' ? text : new TextDecoder().decode(text) });
    this.tty.receive(typeof text === 'string' ? new TextEncoder().encode(text) : text);
    this.kernel.runNow();
  }

  /** The window was resized: TIOCSWINSZ on the master side, SIGWINCH to the foreground group. */
  resize(size: Winsize): void {
    const tty = this.tty;
    if (tty.winsize.rows === size.rows && tty.winsize.cols === size.cols) return;
    tty.winsize = size;
    this.kernel.external();
    if (tty.fgPgrp !== null) signalGroup(this.kernel, tty.fgPgrp, 28, { by: 'tty', from: null, note: 'the window size changed' });
  }

  /** The terminal window closed (the master side went away). */
  hangup(): void {
    hangup(this.kernel, this.tty);
  }

  /** What the terminal has shown, when no output callback was given. */
  output(): string {
    return new TextDecoder().decode(Buffer.concat(this.chunks));
  }

  processes(): ProcInfo[] {
    const k = this.kernel;
    return [...k.procs.values()].sort((a, b) => a.pid - b.pid).map((p) => ({
      pid: p.pid, ppid: p.ppid, pgid: p.pgid, sid: p.sid, tty: p.ctty?.name ?? null,
      tpgid: p.ctty && p.ctty.session === p.sid ? p.ctty.fgPgrp ?? -1 : -1,
      state: p.state, sessionLeader: p.sessionLeader, comm: p.comm, argv: p.argv, wchan: p.wchan,
    }));
  }
}
