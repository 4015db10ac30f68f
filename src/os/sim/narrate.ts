// The event log as a story: one sentence per event, with its virtual time, like an annotated
// strace of the whole machine. `jcsh --sim --narrative FILE` writes it.

import { signalName } from '../signals.js';
import type { SimEvent, Who } from './events.js';

const sig = (n: number): string => `SIG${signalName(n) ?? n}`;
const who = (w: Who): string => `${w.comm} (pid ${w.pid}${w.pgid !== w.pid ? `, pgrp ${w.pgid}` : ''})`;
const time = (t: number): string => `${(t / 1000).toFixed(3).padStart(9)}s`;

const STATES: Record<string, string> = {
  R: 'runs', S: 'sleeps', T: 'is stopped', Z: 'is a zombie',
};

const DELIVERY: Record<string, string> = {
  handler: 'runs its handler for',
  ignored: 'ignores',
  stopped: 'is stopped by',
  terminated: 'is killed by',
  core: 'is killed (core dumped) by',
  'discarded-orphaned': 'throws away (its process group is orphaned)',
  continued: 'is continued by',
};

function sentence(e: SimEvent): string {
  switch (e.kind) {
    case 'fork': return e.parent === 1 && e.child.pid === e.sid ? `${who(e.child)} starts session ${e.sid}` : `pid ${e.parent} forks ${who(e.child)}`;
    case 'exec': return `${who(e.who)} executes ${e.path} [${e.argv.join(' ')}]`;
    case 'syscall': return `${who(e.who)}: ${e.call}(${e.args}) = ${e.result}`;
    case 'signal': {
      const from = e.by === 'tty' ? 'the terminal driver' : e.by === 'kernel' ? 'the kernel' : `pid ${e.from}`;
      return `${from} sends ${sig(e.signal)} to ${who(e.to)}${e.note ? `: ${e.note}` : ''}`;
    }
    case 'discard': return `${sig(e.signal)} to ${who(e.to)} is thrown away: ${e.why}`;
    case 'deliver': return `${who(e.to)} ${DELIVERY[e.action] ?? e.action} ${sig(e.signal)}`;
    case 'state': return `${who(e.who)} ${STATES[e.to] ?? e.to}${e.to === 'S' && e.wchan ? ` in ${e.wchan}` : ''}`;
    case 'setpgid': return `${who(e.who)} moves to process group ${e.pgid}`;
    case 'setsid': return `${who(e.who)} starts a new session`;
    case 'exit': return `${who(e.who)} ${e.status} (wait status 0x${e.raw.toString(16).padStart(4, '0')}); ${e.released ? 'its parent ignores SIGCHLD, so the kernel releases it at once: no zombie, nothing to wait for' : 'it stays a zombie until it is waited for'}`;
    case 'reparent': return `${who(e.who)} lost its parent ${e.from}: init (pid ${e.to}) adopts it`;
    case 'reaped': return `pid ${e.by} reaps ${who(e.who)}: ${e.status}`;
    case 'tty': return e.note;
    case 'input': return `typed on ${e.tty}: ${JSON.stringify(e.text)}`;
    case 'hangup': return e.note;
  }
}

export function narrate(e: SimEvent): string {
  return `${time(e.t)}  ${sentence(e)}`;
}
