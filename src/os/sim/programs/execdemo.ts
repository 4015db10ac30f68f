// execdemo: what survives execve. The child sets things up (SIGINT ignored, SIGTERM caught,
// SIGUSR2 blocked, fd 3 a copy of stdout) and execs execdemo's second stage, which reports
// them: same pid and process group, fd 3 still open, SIGINT still ignored, SIGUSR2 still
// blocked, but SIGTERM back to its default action (a handler cannot survive: its code is gone).

import { SIG, signalName } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { say } from './lib.js';

const USR2 = 12;
const names = (sigs: readonly number[]) => (sigs.length === 0 ? 'none' : sigs.map((s) => `SIG${signalName(s)}`).join(' '));

function* stage2(argv: readonly string[]): Code<number> {
  const pid = yield* sys.getpid();
  const pgid = yield* sys.getpgrp();
  yield* say(`after exec: pid ${pid} (${String(pid) === argv[2] ? 'the same' : 'changed'}), process group ${pgid} (${String(pgid) === argv[3] ? 'the same' : 'changed'})`);
  const w = yield* sys.write(3, 'after exec: fd 3 is still open: this line went through it\n');
  if (w instanceof sys.SysError) yield* say(`after exec: fd 3 is closed (${w.reason})`);
  const d = yield* sys.dispositions();
  yield* say(`after exec: ignored: ${names(d.ignored)}`);
  yield* say(`after exec: caught: ${names(d.caught)} (SIGTERM's handler is gone: back to default)`);
  yield* say(`after exec: blocked: ${names(d.blocked)}`);
  return 0;
}

export const execdemo: Program = function* (argv) {
  if (argv[1] === '--stage2') return yield* stage2(argv);
  const self = argv[0]?.startsWith('/') ? argv[0] : '/usr/bin/execdemo';
  const me = yield* sys.getpid();
  const child = yield* sys.fork(function* () {
    const pid = yield* sys.getpid();
    const pgid = yield* sys.getpgrp();
    yield* sys.signal(SIG.INT, 'ignore');
    yield* sys.signal(SIG.TERM, function* () {});
    yield* sys.sigprocmask('block', [USR2]);
    yield* sys.dup2(1, 3);
    const d = yield* sys.dispositions();
    yield* say(`before exec: pid ${pid}, process group ${pgid}, fd 3 open`);
    yield* say(`before exec: ignored: ${names(d.ignored)}; caught: ${names(d.caught)}; blocked: ${names(d.blocked)}`);
    const e = yield* sys.execve(self, [self, '--stage2', String(pid), String(pgid)]);
    yield* say(`execve ${self} failed: ${e.reason}`);
    return 127;
  });
  if (child instanceof sys.SysError) return 1;
  yield* say(`parent ${me}: forked child ${child}`);
  yield* sys.waitpid(child);
  return 0;
};
