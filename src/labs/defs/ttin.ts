// A background reader stopped by SIGTTIN, resumed by fg.

import { SIG } from '../../os/signals.js';
import type { Lab } from '../types.js';
import { deliveries, ofKind, ttyDecisions } from '../query.js';

export const ttin: Lab = {
  name: 'ttin',
  title: 'cat > notes & and SIGTTIN',
  summary: 'a background reader is stopped by SIGTTIN; fg gives it the terminal and the read goes on',
  doc: 'docs/labs/ttin.md',
  steps: [
    {
      input: { keys: 'cat > notes &\r', say: 'Start cat in the background: it reads the terminal, which belongs to the foreground group.' },
      predict: {
        question: 'What happens when the background cat reads the terminal?',
        choices: ['it reads what you type', 'read fails with EIO', 'it is stopped by SIGTTIN', 'it is killed'],
        answer: (events) =>
          deliveries(events, SIG.TTIN, 'stopped').some((e) => e.to.comm === 'cat') ? 2 : ttyDecisions(events, 'eio').length > 0 ? 1 : null,
        why: 'A background process reading its controlling terminal gets SIGTTIN, sent to its whole group, whose default action stops it [R1.4].',
      },
    },
    { input: { keys: '\r', say: 'Press Enter: the shell reports the job it found stopped.' } },
    { input: { keys: 'jobs -l\r', say: 'List the job: Stopped (tty input) is SIGTTIN.' } },
    { input: { keys: 'fg\r', say: 'Bring cat to the foreground: fg gives it the terminal and sends SIGCONT: the read starts again, now in the foreground.' } },
    { input: { keys: 'hello\r', say: 'Type a line: cat reads it and writes it to notes.' } },
    { input: { keys: '\x04', say: 'Press ^D: end of file for cat, which exits.' } },
    { input: { keys: 'cat notes\r', say: 'The line is in the file.' } },
  ],
  outcomes: [
    {
      says: 'the background cat is stopped by SIGTTIN from the terminal driver',
      rules: ['R1.4'],
      holds: (events) => ofKind(events, 'signal').some((e) => e.signal === SIG.TTIN && e.to.comm === 'cat')
        && deliveries(events, SIG.TTIN, 'stopped').some((e) => e.to.comm === 'cat'),
    },
    {
      says: 'fg continues it and its read, made again in the foreground, gets the line',
      rules: ['R1.4', 'R1.3', 'G4.2'],
      holds: (events) => deliveries(events, SIG.CONT, 'continued').some((e) => e.to.comm === 'cat')
        && ofKind(events, 'syscall').some((e) => e.who.comm === 'cat' && e.call === 'read' && e.result.includes('hello')),
    },
  ],
};
