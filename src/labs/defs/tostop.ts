// stty tostop: a background writer stopped by SIGTTOU.

import { SIG } from '../../os/signals.js';
import type { Lab } from '../types.js';
import { deliveries, ofKind } from '../query.js';

export const tostop: Lab = {
  name: 'tostop',
  title: 'stty tostop and SIGTTOU',
  summary: 'with tostop set, a background job that writes to the terminal is stopped by SIGTTOU',
  doc: 'docs/labs/tostop.md',
  steps: [
    { input: { keys: 'echo free &\r', say: 'A background echo writes freely: tostop is off.' } },
    { input: { keys: 'stty tostop\r', say: 'Turn tostop on: background writes now get the job-control check.' } },
    { input: { keys: '(sleep 1; echo blocked) &\r', say: 'A background job that writes after one second.' } },
    {
      input: { keys: 'sleep 2\r', say: 'Wait two seconds in the foreground while the background job tries to write.', wait: 2000 },
      predict: {
        question: 'What happens to the background echo, now that tostop is set?',
        choices: ['it writes "blocked"', 'it is stopped by SIGTTOU', 'its write fails with EIO', 'it is killed'],
        answer: (events) => {
          if (deliveries(events, SIG.TTOU, 'stopped').length > 0) return 1;
          const write = ofKind(events, 'syscall').find((e) => e.call === 'write' && e.args.includes('"blocked'));
          return write === undefined ? null : /EIO/.test(write.result) ? 2 : 0;
        },
        why: 'With TOSTOP set, a write from a background group to its terminal sends SIGTTOU to the group, which stops it [W2.2, W2.1].',
      },
    },
    { input: { keys: 'jobs\r', say: 'The job is stopped.' } },
    { input: { keys: 'fg\r', say: 'In the foreground the write goes through.' } },
    { input: { keys: 'stty -tostop\r', say: 'Turn tostop off again.' } },
  ],
  outcomes: [
    {
      says: 'without tostop the background echo writes',
      rules: ['W2.2'],
      // echo is a builtin: the background job is a copy of the shell that writes.
      holds: (events) => ofKind(events, 'syscall').some((e) => e.who.pid !== 100 && e.call === 'write' && e.args.includes('"free') && e.result === '5'),
    },
    {
      says: 'with tostop the background writer is stopped by SIGTTOU',
      rules: ['W2.1', 'W2.2'],
      holds: (events) => deliveries(events, SIG.TTOU, 'stopped').length > 0,
    },
  ],
};
