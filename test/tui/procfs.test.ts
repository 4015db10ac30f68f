// The Session and Terminal panels' sources on Linux (issue 13 item 3): every process of a
// session from /proc as ps shows it (zombies as `(comm)`), and a terminal's modes and
// foreground group read from the pty master.

import pty from 'node-pty';
import type { IPty } from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/ptytest/wait.js';
import { parseStat, readSession, readStat, rereadSession, terminalInfo } from '../../src/host/tui/procfs.js';

const started: IPty[] = [];

afterEach(() => {
  for (const p of started.splice(0)) {
    p.kill('SIGKILL');
  }
});

/** A program in a pty of its own: it leads a session whose id is its pid. */
function inPty(script: string): IPty & { _fd?: number } {
  const p = pty.spawn('/bin/sh', ['-c', script], { cols: 80, rows: 24, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  p.onData(() => {});
  started.push(p);
  return p as IPty & { _fd?: number };
}

describe('parseStat', () => {
  it('takes the command name between the first ( and the last ), spaces and parentheses included', () => {
    const line = '4213 (a) (b c) T 4100 4213 4100 34816 4213 1077936128 0 0';
    expect(parseStat(line)).toEqual({ pid: 4213, comm: 'a) (b c', state: 'T', ppid: 4100, pgid: 4213, sid: 4100, tpgid: 4213 });
  });

  it('refuses text that is no stat line', () => {
    expect(parseStat('')).toBeNull();
    expect(parseStat('garbage')).toBeNull();
  });
});

describe('readSession', () => {
  it('lists every process of a session with pid, ppid, pgid, sid, state and command line; a zombie as (comm)', async () => {
    // sh starts a short child in the background, then becomes `sleep 100`, which never reaps it.
    const p = inPty('sleep 0 & exec sleep 100');
    const view = await waitUntil(() => {
      const v = readSession(p.pid);
      return v.processes.length === 2 && v.processes.some((r) => r.state === 'Z') && v.leader?.comm === 'sleep' && v.leader.state === 'S' ? v : null;
    }, { description: 'the leader and its zombie child' });
    const [leader, zombie] = view.processes;
    expect(leader).toEqual({ pid: p.pid, ppid: process.pid, pgid: p.pid, sid: p.pid, state: 'S', command: 'sleep 100' });
    expect(zombie).toMatchObject({ ppid: p.pid, sid: p.pid, state: 'Z', command: '(sleep)' });
    expect(view.leader).toMatchObject({ pid: p.pid, sid: p.pid, tpgid: p.pid });
  });

  it('reads again only the members it knows: states fresh, commands kept, the gone dropped', async () => {
    const p = inPty('exec sleep 100');
    await waitUntil(() => readStat(p.pid)?.comm === 'sleep', { description: 'sleep running' });
    const known = [
      { pid: p.pid, ppid: 0, pgid: 0, sid: p.pid, state: '?', command: 'as first read' },
      { pid: 2 ** 30, ppid: 1, pgid: 1, sid: p.pid, state: 'S', command: 'gone' },
    ];
    // Under load the fresh sleep may not be asleep yet at the first read.
    const view = await waitUntil(() => {
      const v = rereadSession(p.pid, known);
      return v.processes[0]?.state === 'S' ? v : null;
    }, { description: 'sleep asleep' });
    expect(view.processes).toEqual([{ pid: p.pid, ppid: process.pid, pgid: p.pid, sid: p.pid, state: 'S', command: 'as first read' }]);
    expect(view.leader?.pid).toBe(p.pid);
  });

  it('is empty for a session with no process', () => {
    expect(readSession(0)).toEqual({ processes: [], leader: null });
    expect(readStat(2 ** 30)).toBeNull();
  });
});

describe('terminalInfo', () => {
  it('reads the foreground group from the leader and the modes from the pty master', async () => {
    const p = inPty('stty tostop -echo; exec sleep 100');
    const master = p._fd!;
    expect(typeof master).toBe('number');
    // One read of the leader for both the check and the answer: two reads raced (the first
    // could miss the process the second found, and the answer had no leader).
    const info = await waitUntil(() => {
      const leader = readStat(p.pid);
      const t = terminalInfo(master, leader, { cols: 80, rows: 24 });
      return t.tostop && leader?.comm === 'sleep' ? t : null;
    }, { description: 'stty tostop -echo applied' });
    expect(info).toEqual({ tpgid: p.pid, tostop: true, icanon: true, echo: false, isig: true, cols: 80, rows: 24 });
  });

  it('has no foreground group without a leader, and default modes without a master', () => {
    expect(terminalInfo(null, null, { cols: 10, rows: 5 })).toEqual({
      tpgid: null, tostop: false, icanon: true, echo: true, isig: true, cols: 10, rows: 5,
    });
  });
});
