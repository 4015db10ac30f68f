// fork then exec: what survives exec (pid, pgid, fds, ignored signals, the mask) and what does
// not (caught signals: the handler's code is gone).

import type { Lab } from '../types.js';
import { ofKind, written } from '../query.js';

export const execdemo: Lab = {
  name: 'execdemo',
  title: 'What survives exec',
  summary: 'fork then exec: pid, pgid, fds, ignored signals and the mask survive; caught signals go back to default',
  doc: 'docs/labs/execdemo.md',
  twin: 'execdemo',
  steps: [
    {
      input: { keys: 'execdemo\r', say: 'Run execdemo: the child ignores SIGINT, catches SIGTERM, blocks SIGUSR2, opens fd 3, then execs.' },
      predict: {
        question: 'After exec, what is SIGTERM\'s disposition in the child (it had a handler before)?',
        choices: ['still caught by the handler', 'back to the default action', 'ignored'],
        answer: (events) => (/caught: none/.test(written(events, 'execdemo')) ? 1 : /caught: SIGTERM/.test(written(events, 'execdemo')) ? 0 : null),
        why: 'exec replaces the program, so a handler cannot survive: caught signals go back to SIG_DFL, while ignored ones stay ignored and the mask carries over (the spec\'s notes on fork and exec).',
      },
    },
  ],
  outcomes: [
    {
      says: 'the exec keeps the pid and the process group',
      // The spec's fork/exec paragraph has no rule id; setpgid's EACCES after exec [section 6] relies on it.
      rules: [],
      holds: (events) => {
        const e = ofKind(events, 'exec').filter((x) => x.who.comm === 'execdemo' || x.path.endsWith('/execdemo'));
        const second = e.find((x) => x.argv.length > 1);
        return second !== undefined && ofKind(events, 'fork').some((f) => f.child.pid === second.who.pid && f.child.pgid === second.who.pgid);
      },
    },
    {
      says: 'after exec SIGINT is still ignored, SIGUSR2 still blocked, SIGTERM no longer caught',
      rules: [],
      holds: (events) => {
        const w = written(events, 'execdemo');
        return w.includes('after exec: ignored: SIGINT') && w.includes('after exec: blocked: SIGUSR2') && w.includes('caught: none');
      },
    },
  ],
};
