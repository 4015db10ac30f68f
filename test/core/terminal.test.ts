// The terminal hand-off (issue 11): a job gets the terminal only inside lend(), which always
// takes it back, restores the shell's modes after a stop or a death by signal and adopts the
// job's after a normal exit (bash's wait_for). The real terminal is tested through ptys in
// test/e2e; this pins the rules on a pretend terminal.

import { describe, expect, it } from 'vitest';
import { OsError, type TermModes } from '../../src/os/port.js';
import { exited, signaled, stopped, type WaitStatus } from '../../src/os/status.js';
import { Job, RUNNING } from '../../src/core/job.js';
import { TerminalHandoff } from '../../src/core/terminal.js';
import { FakePort } from './fakeport.js';

const TTY = 9;
const modes = (name: string): TermModes =>
  ({ snapshot: new TextEncoder().encode(name), tostop: false, icanon: true, echo: true }) as unknown as TermModes;
const named = (m: TermModes): string => new TextDecoder().decode(m.snapshot);

/** A terminal whose foreground group and modes the test sees; `vanished` makes it fail as EIO. */
class TerminalPort extends FakePort {
  fg = 4000;
  current = modes('shell');
  vanished = false;
  readonly set: string[] = [];
  override openTerminal(): number | null { return TTY; }
  override tcgetpgrp(): number { this.check(); return this.fg; }
  override tcsetpgrp(_fd: number, pgid: number): void { this.check(); this.fg = pgid; }
  override tcgetattr(): TermModes { this.check(); return this.current; }
  override tcsetattr(_fd: number, m: TermModes): void { this.check(); this.set.push(named(m)); this.current = m; }
  override setpgid(): void {}
  private check(): void {
    if (this.vanished) throw new OsError('EIO', 'Input/output error', 'tcsetpgrp');
  }
}

function claimed(): { port: TerminalPort; terminal: TerminalHandoff } {
  const port = new TerminalPort();
  const terminal = new TerminalHandoff(port);
  terminal.open();
  terminal.claim(port.getpgrp());
  return { port, terminal };
}

function job(pgid: number): Job {
  return new Job({ id: 1, pgid, processes: [{ pid: pgid, command: 'cat', status: RUNNING }], foreground: true, jobControl: true, wd: '/' });
}

/** Lends the terminal to a job that ends with `end`, leaving `left` as the terminal's modes. */
async function lendUntil(port: TerminalPort, terminal: TerminalHandoff, j: Job, end: WaitStatus, left: string): Promise<number> {
  let fgInside = 0;
  await terminal.lend(j, true, async () => {
    fgInside = port.fg;
    port.current = modes(left);
    j.record(j.pgid, end);
  });
  return fgInside;
}

describe('TerminalHandoff', () => {
  it('gives the job the terminal for the scope and takes it back after', async () => {
    const { port, terminal } = claimed();
    const inside = await lendUntil(port, terminal, job(70), exited(0), 'shell');
    expect([inside, port.fg]).toEqual([70, terminal.pgid]);
  });

  it('takes the terminal back when the wait fails', async () => {
    const { port, terminal } = claimed();
    const failing = terminal.lend(job(71), true, () => Promise.reject(new Error('wait failed')));
    await expect(failing).rejects.toThrow('wait failed');
    expect(port.fg).toBe(terminal.pgid);
  });

  it('restores the shell modes after a stop and after a death by signal', async () => {
    const { port, terminal } = claimed();
    await lendUntil(port, terminal, job(72), stopped(20), 'raw');
    await lendUntil(port, terminal, job(73), signaled(9), 'raw');
    expect(port.set).toEqual(['shell', 'shell']);
  });

  it('adopts the modes a job leaves when it exits normally (stty tostop persists)', async () => {
    const { port, terminal } = claimed();
    await lendUntil(port, terminal, job(74), exited(0), 'tostop');
    await lendUntil(port, terminal, job(75), stopped(20), 'raw');
    expect(port.set).toEqual(['tostop']);
  });

  it('does not give the terminal to a job without job control', async () => {
    const { port, terminal } = claimed();
    const j = new Job({ id: 1, pgid: 4000, processes: [{ pid: 76, command: 'cat', status: RUNNING }], foreground: true, jobControl: false, wd: '/' });
    port.fg = 1;
    await terminal.lend(j, true, async () => {});
    expect(port.fg).toBe(1);
  });

  it('survives a terminal that vanished during the job (hangup)', async () => {
    const { port, terminal } = claimed();
    await terminal.lend(job(77), true, async () => {
      port.vanished = true;
    });
    expect(() => terminal.ensureForeground()).not.toThrow();
  });

  it('ensureForeground takes back a terminal left with a dead group', () => {
    const { port, terminal } = claimed();
    port.fg = 99;
    terminal.ensureForeground();
    expect(port.fg).toBe(terminal.pgid);
  });

  it('gives the terminal back at exit to the group that had it before', () => {
    const port = new TerminalPort();
    port.fg = 1234;
    const terminal = new TerminalHandoff(port);
    terminal.open();
    const original = terminal.claim(port.getpgrp());
    terminal.giveBack(original);
    expect([original, port.fg]).toEqual([1234, 1234]);
  });
});
