// A SIGCHLD handler looping waitpid(-1, WNOHANG): children exiting together make one SIGCHLD.

import { SIG } from '../../os/signals.js';
import type { SimEvent } from '../../os/sim/events.js';
import type { Lab } from '../types.js';
import { deliveries, ofKind } from '../query.js';

const handlerRuns = (events: readonly SimEvent[]) =>
  deliveries(events, SIG.CHLD, 'handler').filter((e) => e.to.comm === 'reaper' && e.to.pid === e.to.pgid).length;

export const reaper: Lab = {
  name: 'reaper',
  title: 'A SIGCHLD handler that loops waitpid(-1, WNOHANG)',
  summary: 'three children exit while SIGCHLD is blocked: one handler call must reap them all',
  doc: 'docs/labs/reaper.md',
  twin: 'reaper',
  steps: [
    {
      input: { keys: 'reaper 3\r', say: 'Run reaper: three children exit together while the parent blocks SIGCHLD, then it unblocks it.', wait: 3000 },
      predict: {
        question: 'Three children exit while SIGCHLD is blocked. How many times does the handler run?',
        choices: ['once', 'twice', 'three times'],
        answer: (events) => (handlerRuns(events) >= 1 && handlerRuns(events) <= 3 ? handlerRuns(events) - 1 : null),
        why: 'Standard signals do not queue: one pending bit, one handler call [G4.4], so the handler loops waitpid with WNOHANG until it returns 0 [W5.9, W5.3].',
      },
    },
  ],
  outcomes: [
    { says: 'the handler runs once for three exits', rules: ['G4.4', 'W5.9'], holds: (events) => handlerRuns(events) === 1 },
    {
      says: 'all three children are reaped by the parent: no zombie is left',
      rules: ['W5.9', 'W5.3'],
      holds: (events) => ofKind(events, 'reaped').filter((e) => e.who.comm === 'reaper' && e.who.pid !== e.who.pgid && e.by === e.who.pgid).length === 3,
    },
  ],
};
