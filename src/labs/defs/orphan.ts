// The parent exits first: init (pid 1) adopts the child.

import type { Lab } from '../types.js';
import { ofKind } from '../query.js';

export const orphan: Lab = {
  name: 'orphan',
  title: 'The orphan adopted by init',
  summary: 'the parent exits first; its child is adopted by init (pid 1), which reaps it',
  doc: 'docs/labs/orphan.md',
  twin: 'orphan',
  steps: [
    {
      input: { keys: 'orphan\r', say: 'Run orphan: the child prints its parent, the parent exits, the child prints its parent again.', wait: 2000 },
      predict: {
        question: "What does the child's second getppid() return?",
        choices: ["its old parent's pid", '1 (init)', '0', "the shell's pid"],
        answer: (events) => {
          const r = ofKind(events, 'reparent').find((e) => e.who.comm === 'orphan');
          return r === undefined ? 0 : r.to === 1 ? 1 : null;
        },
        why: 'When a process exits, each of its children gets a new parent, init [X9.1].',
      },
    },
  ],
  outcomes: [
    { says: 'init adopts the child', rules: ['X9.1'], holds: (events) => ofKind(events, 'reparent').some((e) => e.who.comm === 'orphan' && e.to === 1) },
    { says: 'init reaps it when it exits', rules: ['X9.1', 'W5.7'], holds: (events) => ofKind(events, 'reaped').some((e) => e.who.comm === 'orphan' && e.by === 1) },
  ],
};
