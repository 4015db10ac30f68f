// The simulator's event stream as Timeline lines. The simulated kernel sees everything, so the
// Timeline shows every signal with who sent it, every stop, continue, zombie and reaping, and
// every change of the terminal's foreground group. A signal that the driver or kill(-pgid)
// sends to a whole group arrives as one event per member; members sent the same signal at the
// same moment by the same sender are one line (`SIGTTIN → pgrp 104 (cat)`).

import { signalName } from '../../os/signals.js';
import type { SimEvent, Who } from '../../os/sim/events.js';
import type { TimelineEntry } from '../../ui/model.js';

const sig = (n: number): string => `SIG${signalName(n) ?? n}`;

type SignalEvent = Extract<SimEvent, { kind: 'signal' }>;

/** A signal line still open to more members of the same group. */
interface PendingSignal {
  readonly e: SignalEvent;
  readonly names: string[];
  group: boolean;
}

export class SimTimeline {
  private pending: PendingSignal | null = null;
  private out: TimelineEntry[] = [];

  /** Takes one kernel event; what it means is ready at the next take(). */
  push(e: SimEvent): void {
    if (e.kind === 'signal') return this.signal(e);
    const text = describe(e);
    if (text === null) return;
    this.settle();
    this.out.push({ time: e.t, kind: kindOf(e), text });
  }

  /** The lines made since the last call. */
  take(): TimelineEntry[] {
    this.settle();
    const out = this.out;
    this.out = [];
    return out;
  }

  private signal(e: SignalEvent): void {
    const p = this.pending;
    if (p && sameSending(p.e, e)) {
      if (!p.names.includes(e.to.comm)) p.names.push(e.to.comm);
      p.group = true;
      return;
    }
    this.settle();
    // The driver always signals the whole foreground group, even one of a single process.
    this.pending = { e, names: [e.to.comm], group: e.by === 'tty' };
  }

  private settle(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const target = p.group ? `pgrp ${p.e.to.pgid} (${p.names.join(', ')})` : `${p.e.to.pid} (${p.e.to.comm})`;
    const by = p.e.by === 'tty' ? ' by the terminal' : p.e.by === 'kill' && p.e.from !== null ? ` from ${p.e.from}` : '';
    this.out.push({ time: p.e.t, kind: 'signal', text: `${sig(p.e.signal)} → ${target}${by}` });
  }
}

/** One sender's signal to another member of the same group at the same moment. */
function sameSending(a: SignalEvent, b: SignalEvent): boolean {
  return a.t === b.t && a.signal === b.signal && a.by === b.by && a.from === b.from && a.to.pgid === b.to.pgid && b.by !== 'kernel';
}

const name = (w: Who): string => `${w.pid} (${w.comm})`;

function describe(e: SimEvent): string | null {
  switch (e.kind) {
    case 'fork': return e.parent === 1 && e.child.pid === e.sid ? `${name(e.child)} leads session ${e.sid}` : `${e.parent} forks ${e.child.pid}`;
    case 'exec': return `${e.who.pid} runs ${e.argv.join(' ') || e.path}`;
    case 'state': return stateChange(e);
    case 'setpgid': return e.pgid === e.who.pid ? `${e.who.pid} leads pgrp ${e.pgid}` : `${e.who.pid} joins pgrp ${e.pgid}`;
    case 'setsid': return `${name(e.who)} starts session ${e.who.pid}`;
    case 'exit': return `${name(e.who)} ${e.status}: ${e.released ? 'released at once (SIGCHLD ignored)' : 'zombie'}`;
    case 'reparent': return `${name(e.who)} orphaned: adopted by ${e.to}`;
    case 'reaped': return `reaped ${e.who.pid}: ${reapedStatus(e.status)}${e.by === 1 ? ' (by init)' : ''}`;
    case 'discard': return `${sig(e.signal)} → ${name(e.to)} discarded: ${e.why}`;
    case 'tty': return e.what === 'foreground' && e.pgid !== null ? `terminal → pgrp ${e.pgid}` : null;
    case 'hangup': return `hang-up: ${e.note}`;
    default: return null;
  }
}

function stateChange(e: Extract<SimEvent, { kind: 'state' }>): string | null {
  if (e.to === 'T') return `${name(e.who)} stopped`;
  if (e.from === 'T') return `${name(e.who)} continued`;
  return null;
}

/** The kernel words a status as `exited with status 0` or `killed by SIGINT`; the Timeline as `exit 0`. */
function reapedStatus(status: string): string {
  const exited = /exit(?:ed)?(?: with status)? (\d+)/.exec(status);
  return exited ? `exit ${exited[1]}` : status;
}

function kindOf(e: SimEvent): TimelineEntry['kind'] {
  switch (e.kind) {
    case 'fork': case 'exec': case 'setpgid': case 'setsid': return 'spawn';
    case 'reaped': return 'reap';
    case 'tty': return 'terminal';
    case 'discard': return 'signal';
    default: return 'state';
  }
}
