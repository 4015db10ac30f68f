// jcsh-launch (native/launch.c): `jcsh` on a terminal starts the UI's engine in a new pty at
// the same time as the UI, and the UI adopts it. The engine must be exactly what the UI would
// have started with node-pty (`node bin/jcsh.js` run directly): same session and
// controlling terminal, same modes, same environment, same signals; the UI's copies of the
// pty master and of the channel's socket must not leak into anything it starts.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPty } from '../../src/ptytest/index.js';
import { JCSH } from '../e2e/harness.js';
import { quietWindow } from '../helpers/quiet.js';
import { startUi, type UiOptions, type UiSession } from './harness.js';

const LAUNCH = path.resolve(import.meta.dirname, '..', '..', 'build', 'Release', 'jcsh-launch');

/** Runs a command line in the pane and waits for the mark it prints after it. */
async function run(ui: UiSession, line: string): Promise<void> {
  const mark = `done-${Math.random().toString(36).slice(2, 8)}`;
  ui.s.sendLine(`${line}; echo ${mark}`);
  await ui.waitPane(new RegExp(`^${mark}$`, 'm'));
}

function stat(pid: number): { ppid: number; pgrp: number; sid: number; tty: number; tpgid: number } {
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  return { ppid: f[1]!, pgrp: f[2]!, sid: f[3]!, tty: f[4]!, tpgid: f[5]! };
}

async function enginePid(ui: UiSession): Promise<number> {
  await run(ui, 'echo $$ > engine.pid');
  return Number(fs.readFileSync(path.join(ui.home, 'engine.pid'), 'utf8'));
}

/** What a program started at the prompt sees: modes, environment, signals. */
async function seen(o: UiOptions): Promise<{ modes: string; env: Map<string, string>; signals: string }> {
  const ui = await startUi('linux', o);
  await run(ui, 'stty -g > modes.txt; env > env.txt; grep -E "^Sig(Ign|Blk)" /proc/self/status > signals.txt');
  const read = (f: string) => fs.readFileSync(path.join(ui.home, f), 'utf8');
  const env = new Map(read('env.txt').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { modes: read('modes.txt').trim(), env, signals: read('signals.txt') };
}

describe('jcsh-launch: the engine started beside the UI', () => {
  it('leads a session of its own on the pane\'s terminal, as the UI\'s child', async () => {
    const ui = await startUi('linux');
    const engine = await enginePid(ui);
    const s = stat(engine);
    expect(s.ppid).toBe(ui.s.pid);
    expect(s.sid).toBe(engine);
    expect(s.pgrp).toBe(engine);
    expect(s.tpgid).toBe(engine);
    // fds 0-2 are the pane's terminal, and nothing of the user's terminal is left to it.
    const pts = fs.readlinkSync(`/proc/${engine}/fd/0`);
    expect(pts).toMatch(/^\/dev\/pts\/\d+$/);
    expect(fs.readlinkSync(`/proc/${engine}/fd/1`)).toBe(pts);
    expect(fs.readlinkSync(`/proc/${engine}/fd/2`)).toBe(pts);
    const users = fs.readlinkSync(`/proc/${ui.s.pid}/fd/0`);
    const links = fs.readdirSync(`/proc/${engine}/fd`).map((fd) => fs.readlinkSync(`/proc/${engine}/fd/${fd}`));
    expect(links).not.toContain(users);
    expect(links).not.toContain('/dev/ptmx');
    await ui.waitPanels(`engine ${engine} started`);
  });

  it('gives programs the same modes, environment and signals as an engine started by node-pty', async () => {
    // The UI is started with SIGINT ignored: a new terminal's shell must not inherit that.
    const command = ['sh', '-c', 'trap "" INT; exec "$@"', 'sh'];
    const launched = await seen({ command });
    const spawned = await seen({ command, start: 'node' });
    expect(launched.modes).toBe(spawned.modes);
    expect(launched.signals).toBe(spawned.signals);
    expect(launched.signals).toMatch(/^SigBlk:\s+0+\nSigIgn:\s+0+\n$/);
    for (const env of [launched.env, spawned.env]) {
      for (const name of ['JCSH_UI_ENGINE', 'JCSH_UI_CHANNEL', 'JCSH_SIGIGN', 'COLUMNS', 'LINES']) expect(env.has(name), name).toBe(false);
      expect(env.get('TERM')).toBe('xterm-256color');
    }
    const names = (m: Map<string, string>) => [...m.keys()].filter((k) => !['PWD', 'OLDPWD', 'HOME', '_', 'SHLVL'].includes(k)).sort();
    expect(names(launched.env)).toEqual(names(spawned.env));
  });

  it.each([[80, 24], [150, 40]])('starts the engine at the pane\'s size on a %ix%i terminal', async (cols, rows) => {
    const ui = await startUi('linux', { cols, rows });
    const pane = ui.layout().pane;
    ui.s.sendLine('stty size');
    await ui.waitPane(`${pane.height} ${pane.width}`);
  });

  it('at rest, neither the UI nor the engine it adopted wakes up', async () => {
    const ui = await startUi('linux');
    const engine = await enginePid(ui);
    await ui.waitPanels(`engine ${engine} started`);
    await Promise.all([quietWindow(ui.s.pid), quietWindow(engine)]);
  });

  it('keeps the pty master and the channel\'s socket from every child of the UI', async () => {
    const ui = await startUi('linux');
    await enginePid(ui);
    const channel = fs.readFileSync('/proc/net/unix', 'utf8').split('\n').find((l) => /\/jcsh-ui-[^/]+\/channel$/.test(l) && l.includes(' 00010000 '));
    const inodes = new Set(fs.readFileSync('/proc/net/unix', 'utf8').split('\n').filter((l) => /\/jcsh-ui-[^/]+\/channel$/.test(l)).map((l) => l.trim().split(/\s+/)[6]));
    expect(channel).toBeDefined();
    const fds = fs.readdirSync(`/proc/${ui.s.pid}/fd`).filter((fd) => {
      const link = fs.readlinkSync(`/proc/${ui.s.pid}/fd/${fd}`);
      return link === '/dev/ptmx' || inodes.has(/^socket:\[(\d+)\]$/.exec(link)?.[1] ?? '');
    });
    expect(fds.length).toBeGreaterThanOrEqual(2);
    for (const fd of fds) {
      const flags = Number.parseInt(/^flags:\s+(\d+)$/m.exec(fs.readFileSync(`/proc/${ui.s.pid}/fdinfo/${fd}`, 'utf8'))![1]!, 8);
      expect(flags & 0o2000000, `fd ${fd} is close-on-exec`).not.toBe(0);
    }
  });
});

describe('jcsh-launch on its own', () => {
  it('undoes what it made when the engine cannot start, and says why', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-launch-'));
    const r = spawnSync(LAUNCH, ['/nonexistent/node', JCSH], { env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.stderr).toBe('jcsh: /nonexistent/node: No such file or directory\n');
    expect(r.status).toBe(127);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('answers a wrong call with its usage', () => {
    const r = spawnSync(LAUNCH, ['node'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: jcsh-launch NODE SCRIPT/);
  });

  it('hands its engine to a plain shell that does not want it: the engine is ended and reaped', async () => {
    const s = spawnPty(LAUNCH, [process.execPath, JCSH, '--plain', '--norc'], { env: { PS1: 'p$ ', HOME: os.tmpdir(), TERM: 'xterm-256color' }, prompt: 'p$ ', timeout: 10000 });
    await s.expect('p$ ');
    s.sendLine('echo ${JCSH_UI_ENGINE-none}; echo $$ > /dev/null');
    await s.expect(/^none\r?$/m);
    // The engine was the plain shell's child: it is gone, reaped, not left a zombie.
    expect(childrenOf(s.pid)).toEqual([]);
  });

  it('ignores a JCSH_UI_ENGINE it did not make, and keeps it from children', () => {
    const r = spawnSync(process.execPath, [JCSH, '-c', 'echo ${JCSH_UI_ENGINE-unset}'], { env: { ...process.env, JCSH_UI_ENGINE: '4242,7,8,80,24,/tmp/x/channel' }, encoding: 'utf8' });
    expect(r.stdout).toBe('unset\n');
    expect(r.status).toBe(0);
  });
});

function childrenOf(pid: number): number[] {
  return fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number).filter((p) => {
    try {
      return stat(p).ppid === pid;
    } catch {
      return false;
    }
  });
}
