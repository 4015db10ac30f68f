// The daemon trick: fork, fork, exit; the grandchild is init's.

import type { Lab } from '../types.js';
import { ofKind } from '../query.js';

export const doublefork: Lab = {
  name: 'doublefork',
  title: 'The double fork',
  summary: 'fork, fork, exit: the grandchild is adopted by init and nobody has to wait for it',
  doc: 'docs/labs/doublefork.md',
  twin: 'doublefork',
  steps: [
    {
      input: { keys: 'doublefork\r', say: 'Run doublefork: the child forks a grandchild and exits; the parent reaps the child at once.', wait: 2000 },
      predict: {
        question: 'Who reaps the grandchild when it exits?',
        choices: ['the parent', 'the child', 'init (pid 1)', 'nobody: it stays a zombie'],
        answer: (events) => {
          const g = ofKind(events, 'reparent').find((e) => e.who.comm === 'doublefork' && e.to === 1)?.who.pid;
          const r = ofKind(events, 'reaped').find((e) => e.who.pid === g);
          return r === undefined ? 3 : r.by === 1 ? 2 : null;
        },
        why: 'The child exits before the grandchild, so init adopts the grandchild [X9.1] and waits for it.',
      },
    },
    { input: { keys: 'ps -o pid,ppid,pgid,sid,stat,comm\r', say: 'Look at the process table: no doublefork process is left, and no zombie.' } },
  ],
  outcomes: [
    { says: 'the grandchild is adopted by init', rules: ['X9.1'], holds: (events) => ofKind(events, 'reparent').some((e) => e.who.comm === 'doublefork' && e.to === 1) },
    {
      says: 'no doublefork process is left a zombie',
      rules: ['W5.7'],
      holds: (events) => {
        const dead = ofKind(events, 'exit').filter((e) => e.who.comm === 'doublefork').map((e) => e.who.pid);
        const reaped = new Set(ofKind(events, 'reaped').map((e) => e.who.pid));
        return dead.length === 3 && dead.every((pid) => reaped.has(pid));
      },
    },
  ],
};
