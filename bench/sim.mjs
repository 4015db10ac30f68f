#!/usr/bin/env node
// The simulated kernel's own figures, measured in a process of their own (so memory is its):
//   node bench/sim.mjs events [--seconds S]   simulated events per second (pipes, forks, exits)
//   node bench/sim.mjs procs [--procs N]      N processes that fork and exit: time, peak memory
// Prints one JSON object. Needs the compiled tree (npm run compile).

import { Machine } from '../dist/os/sim/machine.js';
import * as sys from '../dist/os/sim/sys.js';
import { numberOption } from './lib/options.mjs';

const mode = process.argv[2];

/** A machine whose session leader runs `body`; resolves when it exits, with the machine. */
function run(body, listen) {
  const machine = new Machine({ clock: { kind: 'jump' } });
  if (listen) machine.kernel.listen(listen);
  return new Promise((resolve) => {
    machine.programSession({ comm: 'bench', argv: ['bench'], env: [], cwd: '/', body: function* () {
      const status = yield* body();
      resolve(machine);
      return status;
    } });
  });
}

/** A pipe between two processes, 64-byte messages one way, and a fork+exit every 100 messages. */
function* churn(rounds) {
  const fds = yield* sys.pipe();
  const msg = new Uint8Array(64);
  const reader = yield* sys.fork(function* () {
    yield* sys.close(fds[1]);
    for (;;) {
      const r = yield* sys.read(fds[0], 64);
      if (r.length === 0) return 0;
    }
  });
  yield* sys.close(fds[0]);
  for (let i = 0; i < rounds; i++) {
    yield* sys.write(fds[1], msg);
    if (i % 100 === 0) {
      const c = yield* sys.fork(function* () { return 0; });
      yield* sys.waitpid(c);
    }
  }
  yield* sys.close(fds[1]);
  yield* sys.waitpid(reader);
  return 0;
}

/** N children, one at a time: each forked, exits, is reaped. */
function* forkExit(n, sample) {
  for (let i = 0; i < n; i++) {
    const c = yield* sys.fork(function* () { return i & 0xff; });
    yield* sys.waitpid(c);
    if (i % 1000 === 0) sample();
  }
  return 0;
}

if (mode === 'events') {
  const seconds = numberOption('seconds', 2);
  let events = 0;
  let rounds = 20000;
  let elapsed = 0;
  // Grow the workload until it runs for the asked time, so start-up costs do not count.
  for (;;) {
    events = 0;
    const t0 = process.hrtime.bigint();
    await run(() => churn(rounds), () => events++);
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    if (elapsed >= seconds) break;
    rounds *= 2;
  }
  console.log(JSON.stringify({ events, seconds: elapsed, perSecond: Math.round(events / elapsed) }));
} else if (mode === 'procs') {
  const n = numberOption('procs', 10000);
  // Live heap after a collection (run with --expose-gc): what the simulation keeps, not garbage.
  let peak = 0;
  let heapPeak = 0;
  const sample = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  sample();
  const before = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const machine = await run(() => forkExit(n, sample));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sample();
  console.log(JSON.stringify({ procs: n, seconds, rssBefore: before, rssPeak: peak, heapBefore, heapPeak, liveAtEnd: machine.kernel.procs.size }));
} else {
  console.error('usage: node bench/sim.mjs events [--seconds S] | procs [--procs N]');
  process.exit(2);
}
