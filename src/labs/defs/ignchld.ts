// SIGCHLD set to SIG_IGN: children are released as they exit, and wait fails with ECHILD.

import { SIG } from '../../os/signals.js';
import type { SimEvent } from '../../os/sim/events.js';
import type { Lab } from '../types.js';
import { calls, signalsTo } from '../query.js';

const waitFails = (events: readonly SimEvent[]) => calls(events, 'ignchld', 'waitpid').some((e) => e.result.includes('ECHILD'));

export const ignchld: Lab = {
  name: 'ignchld',
  title: 'SIGCHLD set to SIG_IGN',
  summary: 'with SIGCHLD ignored, children leave no zombie and wait fails with ECHILD',
  doc: 'docs/labs/ignchld.md',
  twin: 'ignchld',
  steps: [
    {
      input: { keys: 'ignchld\r', say: 'Run ignchld: it ignores SIGCHLD, forks two children that exit at once, then calls wait.', wait: 2000 },
      predict: {
        question: 'What does wait() return in a parent that ignores SIGCHLD, once its children have exited?',
        choices: ['the pid of a child', '0', '-1 with ECHILD'],
        answer: (events) => (waitFails(events) ? 2 : 0),
        why: 'A parent ignoring SIGCHLD gets its children released at once, so none is left to wait for [W5.8, W5.2].',
      },
    },
  ],
  outcomes: [
    { says: 'wait fails with ECHILD', rules: ['W5.8', 'W5.2'], holds: waitFails },
    {
      says: 'the parent is sent no SIGCHLD when its children exit',
      rules: ['W5.8'],
      holds: (events) => !signalsTo(events, 'ignchld', 'kernel').includes(SIG.CHLD),
    },
  ],
};
