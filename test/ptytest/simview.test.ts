// The simulated kernel's process table, rebuilt by SimView from a hand-written event stream
// (the JSON lines `jcsh --sim --events FILE` writes), read as it grows.

import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SimView } from '../../src/ptytest/simview.js';

const REAL_PID = 424242;

function who(pid: number, pgid: number, comm: string) {
  return { pid, pgid, comm };
}

/** A shell (pid 2) that took the terminal, then ran `sleep 100` as job 3 in the foreground. */
const BOOT = [
  { kind: 'fork', t: 0, parent: 0, child: who(1, 1, 'init'), ppid: 0, sid: 1 },
  { kind: 'fork', t: 0, parent: 1, child: who(2, 1, 'init'), ppid: 1, sid: 1 },
  { kind: 'setsid', t: 0, who: who(2, 1, 'init') },
  { kind: 'exec', t: 0, who: who(2, 2, 'init'), path: '/bin/jcsh', argv: ['jcsh'] },
  { kind: 'tty', t: 0, tty: 'pts/0', what: 'ctty', who: who(2, 2, 'jcsh'), pgid: 2, note: 'foreground group 2' },
  { kind: 'state', t: 1, who: who(2, 2, 'jcsh'), from: 'R', to: 'S', wchan: 'tty_read' },
];
const JOB = [
  { kind: 'state', t: 2, who: who(2, 2, 'jcsh'), from: 'S', to: 'R', wchan: '' },
  { kind: 'syscall', t: 2, who: who(2, 2, 'jcsh'), call: 'read', args: '10, 65536', result: '10 "sleep 100\\n"' },
  { kind: 'fork', t: 2, parent: 2, child: who(3, 2, 'jcsh'), ppid: 2, sid: 2 },
  { kind: 'setpgid', t: 2, who: who(3, 2, 'jcsh'), pgid: 3 },
  { kind: 'tty', t: 2, tty: 'pts/0', what: 'foreground', who: who(3, 3, 'jcsh'), pgid: 3, note: '' },
  { kind: 'exec', t: 2, who: who(3, 3, 'jcsh'), path: '/bin/sleep', argv: ['/bin/sleep', '100'] },
  { kind: 'state', t: 2, who: who(3, 3, 'sleep'), from: 'R', to: 'S', wchan: 'nanosleep' },
  { kind: 'state', t: 2, who: who(2, 2, 'jcsh'), from: 'R', to: 'S', wchan: 'wait' },
];
const STOP_AND_KILL = [
  { kind: 'signal', t: 3, signal: 20, to: who(3, 3, 'sleep'), by: 'tty', from: null, note: '^Z' },
  { kind: 'state', t: 3, who: who(3, 3, 'sleep'), from: 'S', to: 'T', wchan: '' },
  { kind: 'tty', t: 3, tty: 'pts/0', what: 'foreground', who: who(2, 2, 'jcsh'), pgid: 2, note: '' },
  { kind: 'state', t: 3, who: who(2, 2, 'jcsh'), from: 'R', to: 'S', wchan: 'tty_read' },
];
const EXIT = [
  { kind: 'exit', t: 4, who: who(3, 3, 'sleep'), status: 'killed by SIGTERM', raw: 15 },
];
const REAP = [
  { kind: 'reaped', t: 5, who: who(3, 3, 'sleep'), by: 2, status: 'killed by SIGTERM', raw: 15 },
];

function lines(events: readonly object[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

function eventsFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'simview-')), 'events.jsonl');
}

describe('SimView: the simulated process table from the event stream', () => {
  test('before the file exists the table is empty and nothing is idle', () => {
    const view = new SimView(eventsFile(), REAL_PID);
    expect(view.processes()).toEqual([]);
    expect(view.foregroundPgidOrNull()).toBeNull();
    expect(view.foregroundIdle()).toBe(false);
  });

  test('the shell is the process that acquired the terminal; it is idle in tty_read', () => {
    const file = eventsFile();
    writeFileSync(file, lines(BOOT));
    const view = new SimView(file, REAL_PID);
    expect(view.shellPid).toBe(2);
    expect(view.process(2)).toMatchObject({ pid: 2, ppid: 1, pgid: 2, sid: 2, state: 'S', comm: 'jcsh', wchan: 'tty_read', tpgid: 2 });
    expect(view.foregroundPgid()).toBe(2);
    expect(view.waitingForInput(2)).toBe(true);
    expect(view.foregroundIdle()).toBe(true);
    // init is in another session: not one of the session's processes
    expect(view.processes().map((p) => p.pid)).toEqual([2]);
  });

  test('appended lines are read on demand, a partial line only once it is complete', () => {
    const file = eventsFile();
    writeFileSync(file, lines(BOOT));
    const view = new SimView(file, REAL_PID);
    expect(view.foregroundIdle()).toBe(true);
    const more = lines(JOB);
    const cut = more.indexOf('"exec"') + 3;
    appendFileSync(file, more.slice(0, cut));
    // the exec line is cut in half: the job still has the shell's name
    expect(view.process(3)).toMatchObject({ pgid: 3, comm: 'jcsh' });
    expect(view.foregroundPgid()).toBe(3);
    appendFileSync(file, more.slice(cut));
    expect(view.process(3)).toMatchObject({ pid: 3, ppid: 2, pgid: 3, sid: 2, state: 'S', comm: 'sleep', wchan: 'nanosleep', args: ['/bin/sleep', '100'] });
    expect(view.foregroundProcesses().map((p) => p.comm)).toEqual(['sleep']);
    // sleeping, but not reading the terminal: not idle, and the shell waits for its child
    expect(view.foregroundIdle()).toBe(false);
    expect(view.waitingForInput(2)).toBe(false);
  });

  test('a stopped job is T, the terminal is the shell\'s again; exit makes a zombie, reaped removes it', () => {
    const file = eventsFile();
    writeFileSync(file, lines([...BOOT, ...JOB, ...STOP_AND_KILL]));
    const view = new SimView(file, REAL_PID);
    expect(view.process(3)?.state).toBe('T');
    expect(view.foregroundPgid()).toBe(2);
    expect(view.foregroundIdle()).toBe(true);
    expect(view.zombies(2)).toEqual([]);
    appendFileSync(file, lines(EXIT));
    expect(view.zombies(2).map((p) => p.pid)).toEqual([3]);
    expect(view.zombies('any').map((p) => p.pid)).toEqual([3]);
    appendFileSync(file, lines(REAP));
    expect(view.process(3)).toBeNull();
    expect(view.zombies('any')).toEqual([]);
    expect([...view.seenPids()].sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });

  test('a hang-up that takes the terminal from the session leaves no foreground group', () => {
    const file = eventsFile();
    writeFileSync(file, lines([...BOOT, { kind: 'tty', t: 9, tty: 'pts/0', what: 'lost-ctty', who: null, pgid: null, note: '' }]));
    const view = new SimView(file, REAL_PID);
    expect(view.foregroundPgidOrNull()).toBeNull();
    expect(view.foregroundIdle()).toBe(false);
  });

  test('a shell that also waits for child events is still reading the terminal until its read returns', () => {
    const file = eventsFile();
    const childEvent = [
      { kind: 'syscall', t: 3, who: who(2, 2, 'jcsh'), call: 'childevent', args: '0', result: '1' },
      { kind: 'state', t: 3, who: who(2, 2, 'jcsh'), from: 'S', to: 'R', wchan: '' },
      { kind: 'state', t: 3, who: who(2, 2, 'jcsh'), from: 'R', to: 'S', wchan: 'wait' },
    ];
    writeFileSync(file, lines([...BOOT, ...childEvent]));
    const view = new SimView(file, REAL_PID);
    expect(view.process(2)).toMatchObject({ state: 'S', wchan: 'wait', readingTty: true });
    expect(view.waitingForInput(2)).toBe(true);
    expect(view.foregroundIdle()).toBe(true);
    appendFileSync(file, lines([{ kind: 'syscall', t: 4, who: who(2, 2, 'jcsh'), call: 'read', args: '10, 65536', result: '3 "ls\\n"' }]));
    expect(view.waitingForInput(2)).toBe(false);
    expect(view.foregroundIdle()).toBe(false);
  });

  test('reparenting changes the parent; lines that are not events are skipped', () => {
    const file = eventsFile();
    const orphan = [
      { kind: 'fork', t: 6, parent: 3, child: who(4, 3, 'sleep'), ppid: 3, sid: 2 },
      { kind: 'reparent', t: 7, who: who(4, 3, 'sleep'), from: 3, to: 1 },
    ];
    writeFileSync(file, `${lines([...BOOT, ...JOB])}not json\n${lines(orphan)}`);
    const view = new SimView(file, REAL_PID);
    expect(view.process(4)).toMatchObject({ ppid: 1, pgid: 3, args: ['/bin/sleep', '100'] });
  });

  test('only the real process can get a real signal', () => {
    const view = new SimView(eventsFile(), REAL_PID);
    expect(view.killTarget('process')).toBe(REAL_PID);
    expect(() => view.killTarget('foreground-group')).toThrow(/simulated/);
    expect(() => view.killTarget(-3)).toThrow(/simulated/);
  });
});
