// LinuxPort's terminal calls need a controlling terminal: terminal-probe.mjs runs them
// inside a pty made by node-pty (and once with no terminal at all) and reports JSON.
// The probe imports dist/, so the TypeScript must be compiled first (`npm test` does that).

import { spawn as spawnChild } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledPortUrl, repoRoot as root } from './compiled.js';

const probe = fileURLToPath(new URL('terminal-probe.mjs', import.meta.url));
const TIMEOUT_MS = 15_000;

let work: string;
beforeAll(() => {
  compiledPortUrl();
  work = mkdtempSync(join(tmpdir(), 'jcsh-probe-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Results = Record<string, any>;

function readResults(file: string, transcript: string): Results {
  if (!existsSync(file)) throw new Error(`the probe wrote no results; its output was:\n${transcript}`);
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  if (results['error']) throw new Error(`the probe failed: ${results['error']}`);
  return results;
}

/** Runs the probe as a session leader on a new pty (node-pty makes it so). */
function probeInPty(): Promise<Results> {
  const file = join(work, 'pty.json');
  return new Promise((resolve, reject) => {
    let transcript = '';
    const term = pty.spawn(process.execPath, [probe, file], {
      name: 'xterm', cols: 80, rows: 24, cwd: root, env: process.env as Record<string, string>,
    });
    const timer = setTimeout(() => {
      term.kill('SIGKILL');
      reject(new Error(`the probe timed out; its output was:\n${transcript}`));
    }, TIMEOUT_MS);
    term.onData((data) => { transcript += data; });
    term.onExit(() => {
      clearTimeout(timer);
      try {
        resolve(readResults(file, transcript));
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** Runs the probe in a new session without a terminal (setsid through detached). */
function probeWithoutTerminal(): Promise<Results> {
  const file = join(work, 'none.json');
  return new Promise((resolve, reject) => {
    const child = spawnChild(process.execPath, [probe, file], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let transcript = '';
    child.stderr.on('data', (d: Buffer) => { transcript += d.toString(); });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the probe timed out'));
    }, TIMEOUT_MS);
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve(readResults(file, transcript));
      } catch (err) {
        reject(err);
      }
    });
  });
}

describe('LinuxPort on a terminal', () => {
  let r: Results;
  beforeAll(async () => {
    r = await probeInPty();
  }, TIMEOUT_MS + 5000);

  it('opens the controlling terminal, and owns its foreground', () => {
    expect(r['openTerminal']).toBe(true);
    expect(r['isatty']).toBe(true);
    expect(r['foregroundAtStart']).toBe(r['ownPgrp']);
  });

  it('opens the terminal close-on-exec and blocking (trap 3)', () => {
    const O_NONBLOCK = 0o4000;
    const O_CLOEXEC = 0o2000000;
    expect(r['ttyFdFlags'] & O_CLOEXEC).toBe(O_CLOEXEC);
    expect(r['ttyFdFlags'] & O_NONBLOCK).toBe(0);
  });

  it.each(['sharedStackChild', 'fallbackChild'])('gives the terminal to a child with foregroundOn (%s)', (key) => {
    const child = r[key];
    expect(child.tpgid).toBe(child.pid);
    expect(child.tcgetpgrp).toBe(child.pid);
    expect(child.takenBack).toBe(r['ownPgrp']);
  });

  it('takes the terminal back when the exec fails', () => {
    expect(r['failedSpawn']).toEqual({ code: 'ENOENT', foreground: r['ownPgrp'] });
  });

  it('round-trips TOSTOP through tcgetattr/tcsetattr', () => {
    const t = r['tostop'];
    expect(t.before).toBe(false);
    expect(t.set).toBe(true);
    expect(t.cleared).toBe(false);
    expect(t.flags).toEqual({ icanon: true, echo: true, isig: true });
  });

  it('stops a background emit with SIGTTOU while TOSTOP is set', () => {
    expect(r['tostop'].backgroundWrite).toEqual({ kind: 'stopped', signal: r['sigttou'] });
  });
});

describe('LinuxPort without a terminal', () => {
  it('openTerminal() returns null', async () => {
    const r = await probeWithoutTerminal();
    expect(r['openTerminal']).toBe(false);
  }, TIMEOUT_MS + 5000);
});
