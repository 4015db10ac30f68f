// What the engine tells the UI (issue 13 item 3): the observer wrapped around the shell's
// port reports the spawns, signals and collected statuses of the shell itself, in the
// Timeline's words, and the job table as `jobs -l` words it; it never invents a signal it did
// not send (the SIGTTIN that stops `cat &` shows only in the stop status). Over the core's
// fake port, so the statuses are the test's to script.

import { describe, expect, it } from 'vitest';
import { observePort } from '../../src/host/tui/observe.js';
import { jobRows } from '../../src/host/tui/jobrows.js';
import { exited, signaled, stopped } from '../../src/os/status.js';
import type { JobRow, TimelineEntry } from '../../src/ui/model.js';
import { runList } from '../../src/core/execute.js';
import type { Shell } from '../../src/core/shell.js';
import { parse } from '../../src/lang/parser.js';
import { FakePort, fakeShell, spawnsFrom } from '../core/fakeport.js';

/** A command line through the executor (the shell's port is the observer, not the fake). */
async function runLine(shell: Shell, line: string): Promise<void> {
  await runList(shell, parse(line));
  await shell.out.drain();
}

function observed() {
  const entries: TimelineEntry[] = [];
  const tables: (readonly JobRow[])[] = [];
  const deferred: (() => void)[] = [];
  const fake = new FakePort();
  const observer = observePort(fake, { event: (e) => entries.push(e), jobs: (rows) => tables.push(rows) }, {
    now: () => 7,
    defer: (run) => deferred.push(run),
  });
  const { shell } = fakeShell({ port: observer.port });
  observer.attach(() => shell.control.jobs);
  const settle = (): void => {
    for (const run of deferred.splice(0)) run();
  };
  const texts = (): string[] => entries.map((e) => `${e.kind}: ${e.text}`);
  return { fake, observer, shell, entries, tables, settle, texts, deferred };
}

describe('the port observer', () => {
  it('reports a spawn with its group and the stop status the kernel caused, without inventing the SIGTTIN', async () => {
    const o = observed();
    spawnsFrom(o.fake, 500, 'cat');
    await runLine(o.shell, 'cat &');
    o.fake.change(500, stopped(21));
    o.shell.control.update();
    expect(o.texts()).toEqual(['spawn: spawn 500 (pgrp 500): cat', 'state: 500 stopped (SIGTTIN)']);
    expect(o.entries.every((e) => e.time === 7)).toBe(true);
  });

  it('names the job a signal goes to, and sends nothing for signal 0', async () => {
    const o = observed();
    spawnsFrom(o.fake, 500, 'sleep');
    await runLine(o.shell, 'sleep 100 &');
    o.entries.length = 0;
    await runLine(o.shell, 'kill -CONT %1');
    await runLine(o.shell, 'kill -0 %1');
    await runLine(o.shell, 'kill -TERM 500');
    expect(o.texts()).toEqual(['signal: SIGCONT → pgrp 500 (sleep 100)', 'signal: SIGTERM → 500 (sleep 100)']);
  });

  it('says a signal failed when kill(2) did', async () => {
    const o = observed();
    spawnsFrom(o.fake, 500, 'sleep');
    await runLine(o.shell, 'sleep 100 &');
    o.entries.length = 0;
    o.fake.gone.add(-500);
    await runLine(o.shell, 'kill %1');
    expect(o.texts()).toEqual(['signal: SIGTERM → pgrp 500 (sleep 100): ESRCH']);
  });

  it('reports each status it collects: continued, an exit, a death by a signal', async () => {
    const o = observed();
    spawnsFrom(o.fake, 500, 'a', 'b');
    await runLine(o.shell, 'a & b &');
    o.entries.length = 0;
    o.fake.change(500, exited(3));
    o.fake.change(501, stopped(20));
    o.fake.change(501, { kind: 'continued' });
    o.fake.change(501, signaled(2));
    o.shell.control.update();
    expect(o.texts()).toEqual([
      'reap: reaped 500: exit 3',
      'state: 501 stopped (SIGTSTP)',
      'state: 501 continued',
      'reap: reaped 501: killed by SIGINT',
    ]);
  });

  it('sends the job table once per burst of calls, only when it changed, in `jobs -l` words', async () => {
    const o = observed();
    o.settle();
    expect(o.tables).toEqual([[]]);
    spawnsFrom(o.fake, 500, 'cat', 'sleep');
    await runLine(o.shell, 'cat &');
    await runLine(o.shell, 'sleep 100 &');
    expect(o.deferred.length).toBe(1);
    o.settle();
    o.fake.change(500, stopped(21));
    o.fake.change(501, stopped(19));
    o.shell.control.update();
    o.settle();
    o.fake.tcgetpgrp = () => 4000;
    o.observer.port.tcgetpgrp(0);
    o.settle();
    expect(o.tables).toEqual([
      [],
      [
        { id: 1, mark: '-', state: 'Running', pgid: 500, command: 'cat', foreground: false },
        { id: 2, mark: '+', state: 'Running', pgid: 501, command: 'sleep 100', foreground: false },
      ],
      [
        { id: 1, mark: '-', state: 'Stopped (tty input)', pgid: 500, command: 'cat', foreground: false },
        { id: 2, mark: '+', state: 'Stopped (signal)', pgid: 501, command: 'sleep 100', foreground: false },
      ],
    ]);
  });

  it('words finished jobs as bash does: Done, Exit n, Killed, core dumps', async () => {
    const o = observed();
    spawnsFrom(o.fake, 500, 'a', 'b', 'c', 'd');
    await runLine(o.shell, 'a & b & c & d &');
    o.fake.change(500, exited(0));
    o.fake.change(501, exited(2));
    o.fake.change(502, signaled(9));
    o.fake.change(503, signaled(11, true));
    o.shell.control.update();
    expect(jobRows(o.shell.control.jobs).map((r) => r.state)).toEqual(['Done', 'Exit 2', 'Killed', 'Segmentation fault (core dumped)']);
  });

  it('reports SIGCHLD only when the host says the shell got one', () => {
    const o = observed();
    o.observer.childSignal();
    expect(o.texts()).toEqual(['signal: SIGCHLD → jcsh']);
  });
});
