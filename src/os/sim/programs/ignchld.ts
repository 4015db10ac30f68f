// ignchld: SIGCHLD set to SIG_IGN. The kernel releases each child the moment it exits (no
// zombie ever shows in ps), and wait, having no child left to report, fails with ECHILD.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { say, sleepFor } from './lib.js';

export const ignchld: Program = function* () {
  const me = yield* sys.getpid();
  yield* sys.signal(SIG.CHLD, 'ignore');
  yield* say(`parent ${me}: SIGCHLD is set to SIG_IGN`);
  const children: number[] = [];
  for (let i = 0; i < 2; i++) {
    const pid = yield* sys.fork(function* () {
      return 0;
    });
    if (!(pid instanceof sys.SysError)) children.push(pid);
  }
  yield* say(`parent ${me}: forked children ${children.join(' and ')}; both exit at once`);
  yield* sleepFor(1000);
  const table = yield* sys.procs();
  const zombies = table.filter((p) => children.includes(p.pid));
  yield* say(`parent ${me}: 1 s later, ${zombies.length === 0 ? 'neither child is in the process table: no zombies' : `still in the table: ${zombies.map((p) => `${p.pid} (${p.state})`).join(', ')}`}`);
  const r = yield* sys.wait();
  if (r instanceof sys.SysError) yield* say(`parent ${me}: wait() failed with ${r.errno} (${r.reason})`);
  else yield* say(`parent ${me}: wait() returned ${r === 0 ? 0 : r.pid}`);
  return 0;
};
