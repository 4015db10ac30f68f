// An orphaned process group with a stopped member gets SIGHUP then SIGCONT.

import { SIG } from '../../os/signals.js';
import type { SimEvent } from '../../os/sim/events.js';
import type { Lab } from '../types.js';
import { signalsTo } from '../query.js';

const fromKernel = (events: readonly SimEvent[]) =>
  signalsTo(events, 'orphanpgrp', 'kernel').filter((s) => s === SIG.HUP || s === SIG.CONT);

export const orphanpgrp: Lab = {
  name: 'orphanpgrp',
  title: 'The orphaned process group',
  summary: 'a stopped group whose last link to the session exits gets SIGHUP, then SIGCONT',
  doc: 'docs/labs/orphanpgrp.md',
  twin: 'orphanpgrp',
  steps: [
    {
      input: { keys: 'orphanpgrp\r', say: 'Run orphanpgrp: the child stops itself in a group of its own; then its parent exits.', wait: 2000 },
      predict: {
        question: 'Which signal does the kernel send the orphaned group first?',
        choices: ['SIGCONT', 'SIGHUP', 'SIGKILL', 'none'],
        answer: (events) => {
          const first = fromKernel(events)[0];
          return first === undefined ? 3 : first === SIG.HUP ? 1 : 0;
        },
        why: 'When a process group becomes orphaned with a stopped member, every member gets SIGHUP, then SIGCONT [O7.1, O7.2]. The child prints "caught SIGCONT" first all the same: both are pending when it runs again, and Linux sets up both handlers at once, the last one set up (SIGCONT\'s) running first.',
      },
    },
  ],
  outcomes: [
    { says: 'the kernel sends SIGHUP, then SIGCONT, to the orphaned group', rules: ['O7.1', 'O7.2'], holds: (events) => fromKernel(events).join(',') === `${SIG.HUP},${SIG.CONT}` },
    {
      says: 'the child, which catches SIGHUP, runs on and is reaped by init',
      rules: ['O7.2', 'X9.1'],
      holds: (events) => events.some((e) => e.kind === 'reaped' && e.by === 1 && e.who.comm === 'orphanpgrp'),
    },
  ],
};
