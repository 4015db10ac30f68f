// wait/waitpid and the status macros: an exit code, a killing signal, a core-class signal, a
// stop and a continue, each as the 16-bit status wait returns.

import type { SimEvent } from '../../os/sim/events.js';
import type { Lab } from '../types.js';
import { ofKind } from '../query.js';

const rawOf = (events: readonly SimEvent[], status: string): number | undefined =>
  ofKind(events, 'reaped').find((e) => e.who.comm === 'waitstatus' && e.status.includes(status))?.raw;

export const waitstatus: Lab = {
  name: 'waitstatus',
  title: 'wait, waitpid and the status macros',
  summary: 'four children end four ways; the raw wait status decoded with WIFEXITED, WTERMSIG, WIFSTOPPED …',
  doc: 'docs/labs/waitstatus.md',
  twin: 'waitstatus',
  steps: [
    {
      input: { keys: 'waitstatus\r', say: 'Run waitstatus: it waits for four children and decodes each status.', wait: 3000 },
      predict: {
        question: 'A child calls exit(3). What raw status does wait return for it?',
        choices: ['0x0003', '0x0300', '0x0083', '0x037f'],
        answer: (events) => {
          const raw = rawOf(events, 'exited 3');
          return raw === 0x0300 ? 1 : raw === 0x0003 ? 0 : null;
        },
        why: 'The exit code sits in the high byte and the low 7 bits are 0 [W5.6]: WIFEXITED is true and WEXITSTATUS is 3.',
      },
    },
  ],
  outcomes: [
    { says: 'exit(3) is reported as 0x0300', rules: ['W5.6'], holds: (events) => rawOf(events, 'exited 3') === 0x0300 },
    { says: 'death by SIGTERM is reported as 0x000f', rules: ['W5.6', 'R4.2'], holds: (events) => rawOf(events, 'SIGTERM') === 0x000f },
    {
      says: 'a stopped child is reported to a waitpid with WUNTRACED, as 0x137f',
      rules: ['W5.5', 'W5.6'],
      holds: (events) => ofKind(events, 'syscall').some((e) => e.who.comm === 'waitstatus' && e.args.includes('WUNTRACED') && e.result.includes('0x137f')),
    },
  ],
};
