// What ps and the event log show of the shell and of children that are never waited for, as
// Linux shows them: the shell that started a foreground job is asleep waiting for it (`Ss`, as
// bash), and a child whose parent ignores SIGCHLD is released at once, never a zombie (W5.8).

import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/os/sim/events.js';
import { simShell } from './shell-helpers.js';

describe('the process table and the event log', () => {
  it('shows the shell asleep (S) while its foreground ps runs, as Linux shows bash', async () => {
    const sh = simShell(['-c', 'sleep 1 & ps -o pid,stat,comm; wait']);
    await sh.exited;
    expect(sh.output()).toMatch(/^ +100 Ss\+? +jcsh$/m);
    expect(sh.output()).toMatch(/^ +101 S\+? +sleep$/m);
  });

  it('never makes a zombie of a child whose parent ignores SIGCHLD (W5.8)', async () => {
    const sh = simShell(['-c', 'ignchld']);
    await sh.exited;
    const events = sh.log.map((line) => JSON.parse(line) as SimEvent);
    const children = events.filter((e): e is Extract<SimEvent, { kind: 'exit' }> => e.kind === 'exit' && e.who.comm === 'ignchld' && e.who.pid > 101);
    expect(children.map((e) => e.released)).toEqual([true, true]);
    const zombies = events.filter((e) => e.kind === 'state' && e.to === 'Z' && e.who.pid > 101);
    expect(zombies).toEqual([]);
    expect(events.filter((e) => e.kind === 'reaped' && e.who.pid > 101)).toEqual([]);
  });
});
