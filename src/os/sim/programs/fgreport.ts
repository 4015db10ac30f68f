// fgreport [loop] (fish's report_foreground): prints "foreground" or "background" to stderr,
// depending on whether its process group owns the terminal; with "loop" it checks every 0.5 s
// and prints again on every change, for ever.

import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { needArgs, perror } from './helperargs.js';
import { err, sleepFor } from './lib.js';

function* isForeground(tty: number): Code<boolean> {
  return (yield* sys.tcgetpgrp(tty)) === (yield* sys.getpgrp());
}

const report = (fg: boolean) => err(fg ? 'foreground\n' : 'background\n');

export const fgreport: Program = function* (argv) {
  const bad = yield* needArgs(argv, 0, 1, 'fgreport [loop]');
  if (bad !== undefined) return bad;
  const loop = argv[1] === 'loop';
  if (argv.length === 2 && !loop) {
    yield* err('usage: fgreport [loop]\n');
    return 2;
  }
  const tty = yield* sys.open('/dev/tty', { read: true, nonblock: true, noctty: true });
  if (tty instanceof sys.SysError) {
    yield* perror('fgreport: /dev/tty', tty.reason);
    return 1;
  }
  let wasFg = yield* isForeground(tty);
  yield* report(wasFg);
  while (loop) {
    yield* sleepFor(500);
    const fg = yield* isForeground(tty);
    if (fg !== wasFg) yield* report(fg);
    wasFg = fg;
  }
  return 0;
};
