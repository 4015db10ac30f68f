// The real-kernel backend end to end (issue 13 items 1, 3 and 5): the engine in node-pty, its
// output drawn by @xterm/headless, the panels from the engine's channel, /proc and the pty
// master. Every test closes its backend, and whatever is left of the session is killed by pid.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import xterm from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { RealBackend } from '../../src/host/tui/real.js';
import { readSession } from '../../src/host/tui/procfs.js';
import { waitUntil } from '../../src/ptytest/wait.js';
import type { EngineExit } from '../../src/ui/backend.js';
import type { JobRow, Snapshot, TimelineEntry } from '../../src/ui/model.js';
import { pathWithHelpers } from '../helpers/paths.js';

const PROMPT = 'jc$ ';
const TIMEOUT = 8000;

class Session {
  readonly backend: RealBackend;
  readonly term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  readonly snapshots: Snapshot[] = [];
  readonly timeline: TimelineEntry[] = [];
  readonly exits: EngineExit[] = [];
  output = '';
  readonly sids = new Set<number>();
  readonly startedAt = performance.now();
  firstOutputMs: number | null = null;

  constructor(o: { readonly cwd?: string } = {}) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-home-'));
    this.backend = new RealBackend({ args: ['--norc'], cwd: o.cwd ?? home, env: { PS1: PROMPT, HOME: home, PATH: pathWithHelpers() } });
    this.backend.start({ cols: 80, rows: 24 }, {
      output: (d) => {
        this.firstOutputMs ??= performance.now() - this.startedAt;
        this.output += typeof d === 'string' ? d : Buffer.from(d).toString('utf8');
        this.term.write(d);
      },
      snapshot: (s) => {
        this.snapshots.push(s);
        this.sids.add(s.sid);
      },
      timeline: (entries) => this.timeline.push(...entries),
      exit: (e) => this.exits.push(e),
    });
    sessions.push(this);
  }

  get last(): Snapshot | undefined {
    return this.snapshots[this.snapshots.length - 1];
  }

  screen(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** How many prompts the screen shows. */
  prompts(): number {
    return this.screen().split('\n').filter((l) => l.startsWith(PROMPT)).length;
  }

  until<T>(condition: () => T | undefined | null | false, description: string): Promise<T> {
    return waitUntil(condition, { timeout: TIMEOUT, description });
  }

  /** Types a line and waits for the prompt after it. */
  async run(line: string): Promise<void> {
    const before = this.prompts();
    this.backend.input(`${line}\r`);
    await this.until(() => this.prompts() > before, `the prompt after ${JSON.stringify(line)}`);
  }

  /** Waits until the Timeline holds every one of these lines (the channel may lag the pane). */
  sawAll(texts: readonly string[]): Promise<true> {
    return this.until(() => texts.every((t) => this.timeline.some((e) => e.text === t)), `the Timeline to show ${JSON.stringify(texts)}`);
  }

  job(command: string): JobRow | undefined {
    return this.last?.jobs.find((j) => j.command === command);
  }
}

const sessions: Session[] = [];

/** Processes of a session still alive: a zombie is dead, waiting only for init to reap it. */
function alive(sid: number): string[] {
  return readSession(sid).processes.filter((p) => p.state !== 'Z').map((p) => p.command);
}

afterEach(async () => {
  for (const s of sessions.splice(0)) {
    s.backend.close();
    s.term.dispose();
    // close() hangs the session up; anything that outlives it is killed by pid.
    for (const sid of s.sids) {
      try {
        await waitUntil(() => alive(sid).length === 0, { timeout: 3000, description: 'the session gone' });
      } catch {
        for (const p of readSession(sid).processes.filter((q) => q.state !== 'Z')) {
          try {
            process.kill(p.pid, 'SIGKILL');
          } catch {
            // gone meanwhile
          }
        }
      }
    }
  }
});

async function started(): Promise<Session> {
  const s = new Session();
  await s.until(() => s.prompts() >= 1, 'the first prompt');
  return s;
}

describe('the real backend', () => {
  it('shows the prompt in the pane; the engine leads the session and the terminal is its own', async () => {
    const s = await started();
    const pid = s.backend.enginePid!;
    const snap = await s.until(() => s.last?.terminal.tpgid === pid && s.last.processes.length > 0 ? s.last : null, 'the first snapshot');
    expect(snap.sid).toBe(pid);
    expect(snap.processes.map((p) => [p.pid, p.pgid, p.sid])).toEqual([[pid, pid, pid]]);
    expect(snap.terminal).toMatchObject({ tpgid: pid, cols: 80, rows: 24 });
    // The channel and the terminal are two sockets: the prompt may be read before the entry.
    await s.until(() => s.timeline.some((e) => e.text === `terminal → pgrp ${pid} (jcsh)`), 'the engine taking the terminal');
  });

  it('cat & stops for terminal input: Jobs says Stopped (tty input), the Timeline the SIGTTIN, Session state T', async () => {
    const s = await started();
    const pid = s.backend.enginePid!;
    await s.run('cat &');
    const cat = await s.until(() => s.job('cat')?.state === 'Stopped (tty input)' ? s.job('cat') : null, 'cat stopped (tty input)');
    expect(cat).toMatchObject({ id: 1, mark: '+', foreground: false });
    await s.sawAll([`spawn ${cat.pgid} (pgrp ${cat.pgid}): cat`, 'SIGCHLD → jcsh', `${cat.pgid} stopped (SIGTTIN)`]);
    // Nobody in the engine sent that SIGTTIN: it is never reported as a send.
    expect(s.timeline.filter((e) => e.kind === 'signal' && e.text.startsWith('SIGTTIN'))).toEqual([]);
    const procs = await s.until(() => s.last?.processes.find((p) => p.pid === cat.pgid)?.state === 'T' ? s.last.processes : null, 'cat in state T');
    expect(procs.find((p) => p.pid === cat.pgid)).toMatchObject({ ppid: pid, pgid: cat.pgid, sid: pid, command: 'cat' });
    expect(procs.find((p) => p.pid === pid)).toMatchObject({ pgid: pid, sid: pid });
  });

  it('^Z on sleep 100 shows Stopped in Jobs, the stop in the Timeline, and the terminal back with the engine', async () => {
    const s = await started();
    const pid = s.backend.enginePid!;
    s.backend.input('sleep 100\r');
    const running = await s.until(() => {
      const job = s.job('sleep 100');
      return job?.foreground && s.last?.terminal.tpgid === job.pgid ? job : null;
    }, 'sleep in the foreground');
    s.backend.input('\x1a');
    await s.until(() => s.job('sleep 100')?.state === 'Stopped', 'sleep Stopped');
    await s.sawAll([
      `spawn ${running.pgid} (pgrp ${running.pgid}): sleep 100`,
      `terminal → pgrp ${running.pgid} (sleep 100)`,
      `${running.pgid} stopped (SIGTSTP)`,
      `terminal → pgrp ${pid} (jcsh)`,
    ]);
    await s.until(() => s.last?.terminal.tpgid === pid && s.last.processes.find((p) => p.pid === running.pgid)?.state === 'T', 'sleep in state T, the terminal the engine\'s');
  });

  it('reports what the engine reaped: an exit status, a death by ^C', async () => {
    const s = await started();
    await s.run('sleep 0');
    s.backend.input('sleep 100\r');
    const job = await s.until(() => {
      const j = s.job('sleep 100');
      return j?.foreground && s.last?.terminal.tpgid === j.pgid ? j : null;
    }, 'sleep 100 in the foreground');
    s.backend.input('\x03');
    await s.sawAll([`reaped ${job.pgid}: killed by SIGINT`]);
    expect(s.timeline.some((e) => e.kind === 'reap' && /^reaped \d+: exit 0$/.test(e.text))).toBe(true);
    await s.until(() => s.last?.jobs.length === 0, 'the Jobs panel empty again');
  });

  it('shows TOSTOP once `stty tostop` set it, and bg names the job it continues', async () => {
    const s = await started();
    expect(s.last?.terminal.tostop).toBe(false);
    await s.run('stty tostop');
    await s.until(() => s.last?.terminal.tostop === true, 'TOSTOP on');
    await s.run('sleep 100 &');
    const job = await s.until(() => s.job('sleep 100'), 'the sleep job');
    await s.run('kill -STOP %1');
    await s.until(() => s.job('sleep 100')?.state === 'Stopped (signal)', 'sleep stopped by SIGSTOP');
    await s.run('bg');
    await s.until(() => s.job('sleep 100')?.state === 'Running', 'sleep running again');
    await s.sawAll([
      `SIGSTOP → pgrp ${job.pgid} (sleep 100)`,
      `${job.pgid} stopped (SIGSTOP)`,
      `SIGCONT → pgrp ${job.pgid} (sleep 100)`,
      `${job.pgid} continued`,
    ]);
  });

  it('reports an engine killed by SIGKILL, and restart() brings a new prompt', async () => {
    const s = await started();
    const first = s.backend.enginePid!;
    process.kill(first, 'SIGKILL');
    const exit = await s.until(() => s.exits[0], 'the exit report');
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(s.backend.enginePid).toBeNull();
    const seen = s.output.length;
    s.backend.restart();
    await s.until(() => s.output.slice(seen).includes(PROMPT), 'a new prompt');
    // As the UI would, start the new engine's screen on a line of its own.
    s.term.write('\r\n');
    const second = s.backend.enginePid!;
    expect(second).not.toBe(first);
    await s.until(() => s.last?.sid === second && s.last.terminal.tpgid === second, 'the new engine in the panels');
    await s.run('cat &');
    await s.until(() => s.job('cat')?.state === 'Stopped (tty input)', 'the new engine\'s channel works');
  });

  it('close() hangs up the session: no process of it is left, a background sleep included', async () => {
    const s = await started();
    const sid = s.backend.enginePid!;
    await s.run('sleep 100 &');
    await s.run('cat &');
    await s.until(() => s.last?.processes.length === 3, 'the engine, sleep and cat in the session');
    s.backend.close();
    await s.until(() => alive(sid).length === 0, 'every process of the session gone');
  });

  it('close() after the engine died still hangs up the jobs it left', async () => {
    const s = await started();
    const sid = s.backend.enginePid!;
    await s.run('sleep 100 &');
    await s.until(() => s.last?.processes.length === 2, 'sleep in the session');
    process.kill(sid, 'SIGKILL');
    await s.until(() => s.exits.length === 1, 'the exit report');
    await s.until(() => alive(sid).join() === 'sleep 100', 'only the orphaned sleep left');
    s.backend.close();
    await s.until(() => alive(sid).length === 0, 'the orphaned sleep gone');
  });

  // node-pty's child fails its chdir and exits 1 (it throws only when no pty can be had).
  it('reports an engine that cannot start, and restart() works once the cause is gone', async () => {
    const missing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-cwd-')), 'gone');
    const s = new Session({ cwd: missing });
    await s.until(() => s.exits[0], 'the failure reported as an exit');
    expect(s.exits[0]).toEqual({ code: 1, signal: null });
    expect(s.timeline.some((e) => e.kind === 'note' && /^engine \d+ ended: exit 1$/.test(e.text))).toBe(true);
    fs.mkdirSync(missing);
    s.backend.restart();
    await s.until(() => s.prompts() >= 1, 'the prompt after restart()');
  });

  it('keeps a UTF-8 character whole when it reaches the pane in two reads', async () => {
    const s = await started();
    // The two bytes of é leave in two writes, a moment apart: two reads of the master.
    await s.run("/usr/bin/printf 'caf\\303'; sleep 0.2; /usr/bin/printf '\\251!\\n'");
    expect(s.screen()).toContain('café!');
    expect(s.output).not.toContain('\uFFFD');
  });

  it('keeps JCSH_UI_CHANNEL out of every job\'s environment', async () => {
    const s = await started();
    await s.run('echo begin; env | grep -c JCSH_; echo end');
    expect(s.output).toMatch(/begin\r\n0\r\nend\r\n/);
  });
});
