// tsh reports job changes the moment the shell reaps them (tsh.c sigchld_handler), for
// foreground and background jobs alike, and passes SIGINT/SIGTSTP sent to it on to the
// foreground job's group. bash, by contrast, waits for the next prompt.

import { describe, expect, it } from 'vitest';
import { tshDialect } from '../../src/core/compat/tsh/dialect.js';
import { forwardToForeground } from '../../src/core/compat/tsh/start.js';
import { continued, exited, signaled, stopped } from '../../src/os/status.js';
import { addJob, fakeShell } from './fakeport.js';

async function reapAndRead(shell: ReturnType<typeof fakeShell>['shell']): Promise<string> {
  const port = shell.port as ReturnType<typeof fakeShell>['port'];
  port.clearOutput();
  shell.control.update();
  await shell.out.drain();
  return port.output(1) + port.output(2);
}

describe('tsh notifications', () => {
  it('are printed on stdout as soon as a change is reaped, for any job', async () => {
    const { shell, port } = fakeShell({ dialect: tshDialect });
    addJob(shell, [400], ['./myspin 4 &']);
    addJob(shell, [500], ['./myspin 5'], true);
    port.change(400, stopped(19));
    port.change(500, signaled(2));
    expect(await reapAndRead(shell)).toBe('Job [1] (400) stopped by signal 19\nJob [2] (500) terminated by signal 2\n');
    expect(port.output(2)).toBe('');
    expect(shell.control.jobs.all().map((j) => j.id)).toEqual([1]);
  });

  it('say nothing of normal exits or continues, and never repeat themselves', async () => {
    const { shell, port } = fakeShell({ dialect: tshDialect });
    addJob(shell, [400], ['./myspin 4 &']);
    addJob(shell, [500], ['./myspin 5 &']);
    port.change(400, exited(0));
    port.change(500, stopped(20));
    expect(await reapAndRead(shell)).toBe('Job [2] (500) stopped by signal 20\n');
    expect(shell.control.jobs.size).toBe(1);
    expect(await reapAndRead(shell)).toBe('');
    port.change(500, continued);
    expect(await reapAndRead(shell)).toBe('');
    expect(shell.control.jobs.get(2)?.state).toBe('running');
  });

  it('bash keeps them for the next prompt', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [400], ['spin 4']);
    port.change(400, signaled(15));
    expect(await reapAndRead(shell)).toBe('');
    expect(shell.control.jobs.get(1)?.state).toBe('dead');
  });
});

describe('signals forwarded to the foreground job', () => {
  it('go to its process group', () => {
    const { shell, port } = fakeShell({ dialect: tshDialect });
    addJob(shell, [400], ['./myspin 4 &']);
    addJob(shell, [500, 501], ['./mysplit 5'], true);
    forwardToForeground(shell, 20);
    expect(port.sent).toEqual([{ pid: -500, signal: 20 }]);
  });

  it('go nowhere when no job is in the foreground, or it has stopped or ended', () => {
    const { shell, port } = fakeShell({ dialect: tshDialect });
    addJob(shell, [400], ['./myspin 4 &']);
    forwardToForeground(shell, 2);
    const fg = addJob(shell, [500], ['./myspin 5'], true);
    fg.record(500, stopped(20));
    forwardToForeground(shell, 2);
    const dead = addJob(shell, [600], ['./myspin 6'], true);
    dead.record(600, exited(0));
    forwardToForeground(shell, 2);
    expect(port.sent).toEqual([]);
  });

  it('a group that vanished meanwhile is not an error', () => {
    const { shell, port } = fakeShell({ dialect: tshDialect });
    addJob(shell, [500], ['./myspin 5'], true);
    port.gone.add(-500);
    expect(() => forwardToForeground(shell, 2)).not.toThrow();
  });
});
