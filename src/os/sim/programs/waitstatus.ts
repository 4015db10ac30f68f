// waitstatus: what wait reports, decoded with the <sys/wait.h> macros from the raw 16-bit
// status. Four children: one exits 3, one is killed by SIGTERM, one dies of SIGQUIT (which
// dumps core), one is stopped by SIGSTOP and continued (seen with WUNTRACED and WCONTINUED)
// before it exits 0.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program, WaitFlags } from '../types.js';
import { say, sleepFor, waitForState } from './lib.js';

/** The wait macros as glibc defines them, applied to the raw status. */
export function describeStatus(raw: number): string {
  const exited = (raw & 0x7f) === 0;
  const signaled = (raw & 0x7f) !== 0 && (raw & 0x7f) !== 0x7f;
  const stopped = (raw & 0xff) === 0x7f;
  const continued = raw === 0xffff;
  const parts = [`WIFEXITED=${+exited}`];
  if (exited) parts.push(`WEXITSTATUS=${(raw >> 8) & 0xff}`);
  parts.push(`WIFSIGNALED=${+signaled}`);
  if (signaled) parts.push(`WTERMSIG=${raw & 0x7f}`, `WCOREDUMP=${(raw & 0x80) === 0x80 ? 1 : 0}`);
  parts.push(`WIFSTOPPED=${+stopped}`);
  if (stopped) parts.push(`WSTOPSIG=${(raw >> 8) & 0xff}`);
  parts.push(`WIFCONTINUED=${+continued}`);
  return parts.join(' ');
}

const hex = (raw: number) => `0x${raw.toString(16).padStart(4, '0')}`;

function* report(me: number, what: string, pid: number, flags: WaitFlags = {}): Code<void> {
  const r = yield* sys.waitpid(pid, flags);
  if (r instanceof sys.SysError || r === 0) {
    yield* say(`parent ${me}: waitpid(${pid}) failed: ${r === 0 ? 'nothing to report' : r.reason}`);
    return;
  }
  yield* say(`child ${pid} ${what}: status ${hex(r.raw)}`);
  yield* say(`    ${describeStatus(r.raw)}`);
}

function* sleeper(): Code {
  yield* sleepFor(60_000);
  return 0;
}

export const waitstatus: Program = function* () {
  const me = yield* sys.getpid();
  const exits = yield* sys.fork(function* () {
    return 3;
  });
  if (exits instanceof sys.SysError) return 1;
  yield* report(me, 'called exit(3)', exits);

  const killed = yield* sys.fork(sleeper);
  if (killed instanceof sys.SysError) return 1;
  yield* sys.kill(killed, SIG.TERM);
  yield* report(me, 'was killed by SIGTERM', killed);

  const quits = yield* sys.fork(function* () {
    yield* sys.kill(yield* sys.getpid(), SIG.QUIT);
    return 0;
  });
  if (quits instanceof sys.SysError) return 1;
  yield* report(me, 'died of SIGQUIT, which dumps core', quits);

  const stops = yield* sys.fork(function* () {
    yield* sleepFor(1000);
    return 0;
  });
  if (stops instanceof sys.SysError) return 1;
  yield* waitForState(stops, 'S');
  yield* sys.kill(stops, SIG.STOP);
  yield* report(me, 'was stopped by SIGSTOP (WUNTRACED)', stops, { untraced: true });
  yield* sys.kill(stops, SIG.CONT);
  yield* report(me, 'was continued by SIGCONT (WCONTINUED)', stops, { continued: true });
  yield* report(me, 'then exited 0', stops);
  return 0;
};
