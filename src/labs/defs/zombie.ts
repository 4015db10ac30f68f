// A parent that never waits: its child is a zombie until the parent exits and init reaps it.

import type { Lab } from '../types.js';
import { entered, ofKind } from '../query.js';

const PS = 'ps -o pid,ppid,stat,comm\r';

export const zombie: Lab = {
  name: 'zombie',
  title: 'The zombie: a parent that never waits',
  summary: 'a child that exits before its parent waits stays a zombie (Z) until init reaps it',
  doc: 'docs/labs/zombie.md',
  twin: 'zombie',
  steps: [
    { input: { keys: 'zombie 5 &\r', say: 'Start zombie in the background: it forks a child that exits at once, then sleeps 5 s without calling wait.' } },
    {
      input: { keys: PS, say: 'Look at the process table while the parent sleeps.' },
      predict: {
        question: 'What state does ps show for the child that has already exited?',
        choices: ['R (running)', 'S (sleeping)', 'Z (zombie)', 'it is not listed'],
        answer: (events) => (entered(events, 'zombie', 'Z').length > 0 ? 2 : 3),
        why: 'A dead child stays a zombie until its parent waits for it [W5.7].',
      },
    },
    { input: { keys: 'wait\r', say: "Wait for the background job: the parent's 5 s pass and it exits.", wait: 6000 } },
    {
      input: { keys: PS, say: 'Look again: the zombie is gone.' },
      predict: {
        question: 'Who reaped the zombie child once its parent had exited?',
        choices: ['the shell (pid 100)', 'init (pid 1)', 'nobody: it is still a zombie'],
        answer: (events) => {
          const child = entered(events, 'zombie', 'Z')[0]?.who.pid;
          const r = ofKind(events, 'reaped').find((e) => e.who.pid === child);
          return r === undefined ? 2 : r.by === 1 ? 1 : r.by === 100 ? 0 : null;
        },
        why: 'When a process exits its children are given to init [X9.1], which waits for them; a zombie adopted is reported to init at once [X9.2].',
      },
    },
  ],
  outcomes: [
    {
      says: 'the child is a zombie while its parent sleeps',
      rules: ['W5.7'],
      holds: (events) => entered(events, 'zombie', 'Z').some((e) => e.who.pid !== e.who.pgid),
    },
    {
      says: 'init adopts the zombie and reaps it',
      rules: ['X9.1', 'X9.2'],
      holds: (events) => {
        const child = entered(events, 'zombie', 'Z').find((e) => e.who.pid !== e.who.pgid)?.who.pid;
        return ofKind(events, 'reparent').some((e) => e.who.pid === child && e.to === 1)
          && ofKind(events, 'reaped').some((e) => e.who.pid === child && e.by === 1);
      },
    },
  ],
};
