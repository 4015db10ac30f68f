// Determinism: the same scenario gives the same event log, byte for byte, and a session typed
// against the wall clock replays from its recorded keystrokes to the same log.

import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/os/sim/events.js';
import { simShell, typeAt } from './shell-helpers.js';

const SCRIPT = 'sleep 1 | cat; sh -c "exit 3" & wait $!; echo st=$?; yes | head -2; echo end';

/** Keys of an interactive session and the virtual times they are typed at. */
const SESSION: [number, string][] = [
  [0, 'sleep 100\r'], [500, '\x1a'], [600, 'cat &\r'], [700, '\r'], [800, 'jobs -l\r'],
  [900, 'fg %2\r'], [1000, 'hello\r'], [1100, '\x04'], [1200, 'kill %1\r'], [1300, '\r'], [1400, 'exit\r'],
];

describe('determinism', () => {
  it('runs a -c script twice to byte-identical event logs', async () => {
    const logs: string[] = [];
    for (let run = 0; run < 2; run++) {
      const sh = simShell(['-c', SCRIPT]);
      expect(await sh.exited).toEqual({ kind: 'exited', code: 0 });
      expect(sh.output()).toBe('st=3\r\ny\r\ny\r\nend\r\n');
      logs.push(sh.log.join('\n'));
    }
    expect(logs[0]!.length).toBeGreaterThan(1000);
    expect(logs[1]).toBe(logs[0]);
  });

  it('runs an interactive session typed at fixed virtual times twice to byte-identical event logs', async () => {
    const logs: string[] = [];
    for (let run = 0; run < 2; run++) {
      const sh = simShell(['-i'], { kind: 'manual' });
      for (const [at, keys] of SESSION) await typeAt(sh, at, keys);
      expect(await sh.exited).toEqual({ kind: 'exited', code: 0 });
      expect(sh.output()).toMatch(/\[2\]\+ +\d+ Stopped \(tty input\) +cat/);
      logs.push(sh.log.join('\n'));
    }
    expect(logs[1]).toBe(logs[0]);
  });

  it('replays a session typed in real time (the clock following the wall clock) to the same event log', async () => {
    const live = simShell(['-i'], { kind: 'realtime', scale: 20 });
    for (const [at, keys] of SESSION) {
      await new Promise((resolve) => setTimeout(resolve, at === 0 ? 5 : 5));
      await live.machine.kernel.settle();
      live.machine.type(keys);
    }
    await live.exited;
    const inputs = live.log.map((l) => JSON.parse(l) as SimEvent).filter((e) => e.kind === 'input');
    expect(inputs).toHaveLength(SESSION.length);
    const replay = simShell(['-i'], { kind: 'manual' });
    for (const e of inputs) if (e.kind === 'input') await typeAt(replay, e.t, e.text);
    await replay.exited;
    expect(replay.log.join('\n')).toBe(live.log.join('\n'));
  });
});

describe('the realtime clock', () => {
  it('stands still while paused: a sleeping process does not wake until it is resumed', async () => {
    const sh = simShell(['-c', 'sleep 0.05; echo woke'], { kind: 'realtime', scale: 1 });
    const k = sh.machine.kernel;
    await k.settle();
    k.pause(true);
    const frozen = k.now;
    // Showing that nothing happens takes some wall time: more than the sleep would need.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(sh.output()).toBe('');
    expect(k.now).toBe(frozen);
    k.pause(false);
    await sh.exited;
    expect(sh.output()).toBe('woke\r\n');
  });
});
