// The narrative event log annotated with the rules of the team's spec (tty-job-control-rules.md):
// each event's sentence, and under it, where a rule decides what happened, the rule's id and
// its meaning in one line. `jcsh --sim --explain FILE` writes it, for handouts.

import { SIG } from '../os/signals.js';
import type { SimEvent } from '../os/sim/events.js';
import { narrate } from '../os/sim/narrate.js';

export interface Rule {
  readonly id: string;
  readonly says: string;
}

const rule = (id: string, says: string): Rule => ({ id, says });

const TTY: Readonly<Record<string, Rule>> = {
  ttin: rule('R1.4', 'a background process reading its terminal: SIGTTIN goes to its whole group'),
  ttou: rule('W2.1', 'a background process writing (with tostop) or changing its terminal: SIGTTOU goes to its whole group'),
  eio: rule('R1.4', 'a background read or write that cannot stop the group (signal ignored or blocked, group orphaned) fails with EIO'),
  isig: rule('K3.1', '^C, ^\\ and ^Z send SIGINT, SIGQUIT and SIGTSTP to every member of the foreground group'),
  foreground: rule('B10.4', 'the shell gives the terminal to a foreground job, and takes it back when the job stops or ends'),
  'lost-ctty': rule('H8.1', 'the session leader exited: its terminal is no longer anyone\'s controlling terminal'),
  ctty: rule('C6.1', 'a session leader without a controlling terminal acquires the terminal it opens'),
  flush: rule('K3.3', 'a keyboard signal discards the pending input'),
};

const DELIVERY: Readonly<Record<string, Rule>> = {
  stopped: rule('R4.5', 'a stop signal at its default action stops the process; its parent\'s wait is woken'),
  continued: rule('G4.2', 'SIGCONT resumes a stopped process at once, even if it is caught or ignored'),
  'discarded-orphaned': rule('R4.4', 'SIGTSTP, SIGTTIN and SIGTTOU at their default action are thrown away in an orphaned group'),
  ignored: rule('R4.1', 'an ignored signal does nothing'),
  handler: rule('R4.1', 'a caught signal runs its handler'),
  terminated: rule('R4.2', 'a signal whose default action is to terminate kills the process'),
  core: rule('R4.2', 'a core-class signal kills the process and may set the core-dump bit (0x80)'),
};

/** The rule that decides an event, when there is one. */
export function ruleFor(e: SimEvent): Rule | null {
  switch (e.kind) {
    case 'tty': return TTY[e.what] ?? null;
    case 'deliver': return DELIVERY[e.action] ?? null;
    case 'signal':
      if (e.by === 'kernel' && /orphaned/.test(e.note)) return rule('O7.1', 'a process group orphaned with a stopped member gets SIGHUP, then SIGCONT');
      if (e.signal === SIG.CHLD && /stopped|continued/.test(e.note)) return rule('R4.6', 'a child that stops or continues is reported to its parent with SIGCHLD');
      if (e.signal === SIG.CONT && e.by === 'kill') return rule('G4.2', 'sending SIGCONT removes pending stop signals and resumes a stopped process');
      if (e.by === 'kill' && (e.signal === SIG.TSTP || e.signal === SIG.TTIN || e.signal === SIG.TTOU || e.signal === SIG.STOP)) return rule('G4.1', 'sending a stop signal removes a pending SIGCONT');
      return null;
    case 'discard': return /ignored/.test(e.why) ? rule('G4.3', 'a signal ignored (or default-ignored) is thrown away when it is sent') : null;
    case 'exit': return rule('W5.7', 'a dead child stays a zombie until its parent waits for it');
    case 'reparent': return rule('X9.1', 'when a process exits, its children get init as their new parent');
    case 'reaped': return rule('W5.6', 'wait reports a 16-bit status: exit code in the high byte, or the signal in the low 7 bits');
    case 'syscall': return /ECHILD/.test(e.result) && /wait/.test(e.call) ? rule('W5.2', 'wait fails with ECHILD when no child matches') : null;
    case 'hangup': return rule('H8.4', 'the terminal hung up: reads return end of file, writes fail with EIO');
    default: return null;
  }
}

/** One event: its sentence, and the rule that decided it on the next line. */
export function explain(e: SimEvent): string {
  const r = ruleFor(e);
  return r ? `${narrate(e)}\n${' '.repeat(12)}[${r.id}] ${r.says}` : narrate(e);
}
