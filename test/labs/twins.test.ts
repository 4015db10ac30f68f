// The real-kernel twins (native/labs/*.c) against the simulated lab programs
// (src/os/sim/programs): the same lines once pids are numbered, and on Linux the kernel states
// each lab promises, read from /proc while the twin runs. Where they disagree, the simulator is
// the one to fix: it is meant to behave as Linux does.

import { afterEach, describe, expect, it } from 'vitest';
import { closeAllSessions, readProcess, spawnPty, waitUntil } from '../../src/ptytest/index.js';
import { ancestors, comparable, coreToPipe, killLeftovers, LABS_BIN, runLinux, runSim } from './twins-run.js';

afterEach(async () => {
  killLeftovers();
  await closeAllSessions();
});

/** Linux's words for the adopter of an orphan: 1, or (say so) the subreaper that is our ancestor. */
function adopterAsInit(text: string): string {
  return text.replace(/(my parent is now )(\d+)/g, (all, words: string, pid: string) => {
    if (pid === '1') return all;
    // A subreaper (systemd, a container's init shim) adopts orphans below it instead of pid 1.
    expect(ancestors(), `adopter ${pid} is neither init nor a subreaper above this test`).toContain(Number(pid));
    console.info(`an orphan was adopted by subreaper ${pid}, not by init: compared as if init had adopted it`);
    return `${words}1`;
  });
}

async function expectSameOnBoth(argv: readonly string[], adjust: (linux: string) => string = (t) => t): Promise<string> {
  const [linux, sim] = await Promise.all([runLinux(argv), runSim(argv)]);
  expect(linux.stderr).toBe('');
  expect(linux.code).toBe(sim.code);
  const a = comparable(adjust(adopterAsInit(linux.stdout)));
  const b = comparable(sim.output);
  expect(a.byWriter).toEqual(b.byWriter);
  expect(a.lines).toEqual(b.lines);
  return linux.stdout;
}

const pidIn = (line: string, re: RegExp): number => Number(re.exec(line)?.[1]);

describe('each twin prints what its simulated program prints', () => {
  it('reaper: one handler call reaps all three children', async () => {
    const out = await expectSameOnBoth(['reaper', '3']);
    expect(out).toContain('3 children reaped in 1 handler call');
  });

  it('waitstatus: the same raw statuses and macros', async () => {
    // A piped core_pattern ignores RLIMIT_CORE: the SIGQUIT child then reports a core dump.
    const noCoreBit = (t: string) => (coreToPipe() ? t.replace('status 0x0083', 'status 0x0003').replace('WTERMSIG=3 WCOREDUMP=1', 'WTERMSIG=3 WCOREDUMP=0') : t);
    await expectSameOnBoth(['waitstatus'], noCoreBit);
  });

  it('execdemo: pid, group, fd 3, SIGINT ignored and SIGUSR2 blocked survive exec; SIGTERM\'s handler does not', async () => {
    const out = await expectSameOnBoth(['execdemo']);
    expect(out).toMatch(/after exec: pid \d+ \(the same\), process group \d+ \(the same\)/);
  });

  it('usage errors: the same complaint and status 2', async () => {
    for (const argv of [['zombie', 'x'], ['zombie', '1', '2'], ['reaper', '0'], ['reaper', 'two'], ['reaper', '1', '2']]) {
      const [linux, sim] = await Promise.all([runLinux(argv), runSim(argv)]);
      expect(linux.code, argv.join(' ')).toBe(2);
      expect(sim.code, argv.join(' ')).toBe(2);
      expect(linux.stderr, argv.join(' ')).toBe(sim.output);
    }
  });
});

describe('the kernel states each lab promises, on Linux', () => {
  it('zombie: the child is state Z in /proc while the parent sleeps, and gone once the parent exits', async () => {
    let child = 0;
    let seen: string | undefined;
    let parentAlive = false;
    const linux = runLinux(['zombie', '2'], (line, pid) => {
      if (line.includes('forked child')) child = pidIn(line, /forked child (\d+)/);
      if (line.includes('it is a zombie')) {
        seen = readProcess(child)?.state;
        parentAlive = readProcess(pid)?.state === 'S' || readProcess(pid)?.state === 'R';
      }
    });
    const sim = runSim(['zombie', '2']);
    const [l, s] = await Promise.all([linux, sim]);
    expect(seen).toBe('Z');
    expect(parentAlive).toBe(true);
    expect(comparable(l.stdout)).toEqual(comparable(s.output));
    // An init that is not a real one (a container's process manager) may reap by polling, a
    // second or two late: the promise is that the zombie goes, not how soon.
    await waitUntil(() => readProcess(child) === null, { timeout: 10_000, description: `zombie ${child} reaped by its adopter` });
  });

  it('orphan: the child\'s ppid becomes 1, or the subreaper\'s pid (said so)', async () => {
    let child = 0;
    let parent = 0;
    let adopter: Promise<number> | undefined;
    const linux = runLinux(['orphan'], (line, pid) => {
      parent = pid;
      if (line.startsWith('parent') && line.includes('exiting before child')) {
        child = pidIn(line, /before child (\d+)/);
        adopter = waitUntil(() => {
          const p = readProcess(child);
          return p !== null && p.ppid !== parent ? p.ppid : undefined;
        }, { description: `orphan ${child} adopted` });
      }
    });
    const [l, s] = await Promise.all([linux, runSim(['orphan'])]);
    const by = await adopter!;
    if (by !== 1) expect(ancestors(), `orphan adopted by ${by}: not a subreaper above this test`).toContain(by);
    expect(l.stdout).toContain(`my parent is now ${by}:`);
    const a = comparable(adopterAsInit(l.stdout));
    const b = comparable(s.output);
    expect(a.byWriter).toEqual(b.byWriter);
    expect(a.lines).toEqual(b.lines);
  });

  it('doublefork: the grandchild\'s ppid in /proc becomes 1 (or the subreaper\'s) while the parent still runs', async () => {
    let adopted: Promise<number> | undefined;
    const linux = runLinux(['doublefork'], (line, pid) => {
      const m = /^child (\d+): forked grandchild (\d+)/.exec(line);
      if (!m) return;
      const [child, grandchild] = [Number(m[1]), Number(m[2])];
      adopted = waitUntil(() => {
        const g = readProcess(grandchild);
        return g !== null && g.ppid !== child && readProcess(pid) !== null ? g.ppid : undefined;
      }, { interval: 1, description: `grandchild ${grandchild} adopted while parent ${pid} runs` });
    });
    const [l, s] = await Promise.all([linux, runSim(['doublefork'])]);
    const by = await adopted!;
    if (by !== 1) expect(ancestors(), `grandchild adopted by ${by}: not a subreaper above this test`).toContain(by);
    const a = comparable(adopterAsInit(l.stdout));
    const b = comparable(s.output);
    expect(a.byWriter).toEqual(b.byWriter);
    expect(a.lines).toEqual(b.lines);
  });

  it('ignchld: the children vanish from /proc without ever being Z, while the parent still runs; wait fails with ECHILD', async () => {
    const states: string[] = [];
    let gone: Promise<boolean> | undefined;
    const linux = runLinux(['ignchld'], (line, pid) => {
      const m = /forked children (\d+) and (\d+)/.exec(line);
      if (!m) return;
      const kids = [Number(m[1]), Number(m[2])];
      gone = waitUntil(() => {
        for (const k of kids) {
          const st = readProcess(k)?.state;
          if (st !== undefined) states.push(st);
        }
        return kids.every((k) => readProcess(k) === null) && readProcess(pid) !== null;
      }, { interval: 1, description: 'both children gone while the parent sleeps' });
    });
    const [l, s] = await Promise.all([linux, runSim(['ignchld'])]);
    expect(await gone!).toBe(true);
    expect(states).not.toContain('Z');
    expect(comparable(l.stdout)).toEqual(comparable(s.output));
    expect(l.stdout).toContain('wait() failed with ECHILD (No child processes)');
  });

  it('orphanpgrp, typed at a shell in a pty: the stopped child gets SIGHUP then SIGCONT and runs on', async () => {
    const prompt = 'tw$ ';
    const bash = spawnPty('bash', ['--norc', '--noprofile', '-i'], {
      cols: 120, rows: 30, prompt, timeout: 8000,
      env: { PS1: prompt, HISTFILE: '/dev/null', PATH: `${LABS_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    });
    await bash.expectPrompt();
    bash.sendLine('orphanpgrp');
    const stopped = await bash.expect(/child (\d+): in my own group/);
    const child = Number(stopped.groups[0]);
    await bash.expect(/running again; my parent is now \d+/);
    // eslint-disable-next-line no-control-regex
    const shown = (await bash.transcript()).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    const lines = shown.split('\n').map((l) => /(?:parent|child) \d+: .*/.exec(l)?.[0]).filter((l): l is string => l !== undefined);
    const sim = await runSim(['orphanpgrp']);
    const a = comparable(adopterAsInit(lines.join('\n')));
    const b = comparable(sim.output);
    expect(a.byWriter).toEqual(b.byWriter);
    expect(a.lines).toEqual(b.lines);
    // The handlers run SIGCONT's first (its frame was set up last), on both.
    expect(lines.filter((l) => l.includes('caught')).map((l) => l.replace(/.*caught /, ''))).toEqual(['SIGCONT', 'SIGHUP']);
    await waitUntil(() => readProcess(child) === null, { timeout: 10_000, description: `orphanpgrp's child ${child} finished and reaped` });
  });
});
