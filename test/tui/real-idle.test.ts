// Idle costs nothing under the UI (issue 13, "idle CPU zero"): the engine, connected to the
// channel, sleeps at its prompt with a job running; the real backend, in a UI process of its
// own, sleeps at an idle prompt (no poll while the engine is the session's only process).
// Measured as idle.test.ts does: the main thread's voluntary context switches stand still.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RealBackend } from '../../src/host/tui/real.js';
import { readSession } from '../../src/host/tui/procfs.js';
import { waitUntil } from '../../src/ptytest/wait.js';
import { quietWindow } from '../helpers/quiet.js';
import type { Snapshot } from '../../src/ui/model.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PROMPT = 'jc$ ';

const backends: RealBackend[] = [];
const children: ChildProcess[] = [];
const sessions: number[] = [];

afterEach(async () => {
  for (const b of backends.splice(0)) b.close();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  for (const sid of sessions.splice(0)) {
    await waitUntil(() => readSession(sid).processes.every((p) => p.state === 'Z'), { timeout: 3000 }).catch(() => {
      for (const p of readSession(sid).processes) if (p.state !== 'Z') process.kill(p.pid, 'SIGKILL');
    });
  }
});

describe('idle under the UI', () => {
  it('the engine makes no system call at its prompt with the channel open and a job running', async () => {
    const backend = new RealBackend({ args: ['--norc'], env: { PS1: PROMPT } });
    backends.push(backend);
    let output = '';
    let last: Snapshot | null = null;
    backend.start({ cols: 80, rows: 24 }, {
      output: (d) => (output += String(d)), snapshot: (s) => (last = s), timeline: () => {}, exit: () => {},
    });
    const pid = backend.enginePid!;
    sessions.push(pid);
    await waitUntil(() => output.includes(PROMPT), { description: 'the first prompt' });
    backend.input('sleep 1000 &\r');
    // The job row arrived over the channel: the engine is connected and has reported.
    await waitUntil(() => (last as Snapshot | null)?.jobs.some((j) => j.command === 'sleep 1000'), { description: 'the job row' });
    await quietWindow(pid);
  });

  it('the backend itself sleeps while the engine idles alone at its prompt', async () => {
    const script = `
      const { RealBackend } = await import(${JSON.stringify(path.join(ROOT, 'dist/host/tui/real.js'))});
      const b = new RealBackend({ args: ['--norc'], env: { PS1: ${JSON.stringify(PROMPT)} } });
      let out = '', told = false;
      b.start({ cols: 80, rows: 24 }, {
        output(d) { out += d; if (!told && out.includes(${JSON.stringify(PROMPT)})) { told = true; process.stdout.write('engine ' + b.enginePid + '\\n'); } },
        snapshot() {}, timeline() {}, exit() {},
      });
      process.on('SIGTERM', () => { b.close(); process.exit(0); });
    `;
    const ui = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(ui);
    let said = '';
    ui.stdout!.setEncoding('utf8').on('data', (d: string) => (said += d));
    const engine = Number(await waitUntil(() => /engine (\d+)\n/.exec(said)?.[1], { description: 'the UI at its first prompt' }));
    sessions.push(engine);
    await quietWindow(ui.pid!);
    expect(readSession(engine).processes.map((p) => p.pid)).toEqual([engine]);
  });
});
