// jcsh without a prompt (-c, scripts, commands on stdin), run as a program the way other
// programs run it: children get fds 0-2 exactly as the shell got them (no O_NONBLOCK added
// by Node), background commands follow POSIX 2.9.3.1 (SIGINT and SIGQUIT ignored, stdin
// /dev/null unless redirected) as dash does (bash 5.2 only for simple commands), a subshell's state never shows in ps,
// and the shell starts with no node on PATH.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPty } from '../../src/ptytest/index.js';
import { waitUntil } from '../../src/ptytest/wait.js';
import { detachedChildren, JCSH } from './harness.js';

const O_NONBLOCK = 0o4000;

/** Runs a shell's -c to the end; stdin is a pipe fed with `input` unless given. */
function sh(shell: string, script: string, o: { input?: string; stdin?: 'inherit' | number } = {}) {
  const cmd = shell === 'jcsh' ? JCSH : shell;
  const r = spawnSync(cmd, ['-c', script], {
    encoding: 'utf8', timeout: 15_000, input: o.input ?? '', ...(o.stdin !== undefined ? { stdio: [o.stdin, 'pipe', 'pipe'] } : {}),
  });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

/** The O_NONBLOCK bits of fds 0-2 as a child of `shell -c` sees them. */
function childFlags(shell: string, script: string, input?: string): number[] {
  const { out } = sh(shell, script, input === undefined ? {} : { input });
  return [...out.matchAll(/flags:\s+([0-7]+)/g)].map((m) => parseInt(m[1]!, 8) & O_NONBLOCK);
}

const FLAGS = 'grep -h flags /proc/self/fdinfo/0 /proc/self/fdinfo/1 /proc/self/fdinfo/2';

/** Children of pid, from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function stateOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

function collect(child: ChildProcess): { text: () => string } {
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (text += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (text += d));
  return { text: () => text };
}

describe('fds of children are as the shell got them (issue 11 item 1)', () => {
  it('a child of jcsh -c sees stdin, stdout and stderr pipes blocking, as under bash', () => {
    expect(childFlags('bash', FLAGS)).toEqual([0, 0, 0]);
    expect(childFlags('jcsh', FLAGS)).toEqual([0, 0, 0]);
  });

  it('a child of a script read from stdin sees them blocking too', () => {
    const { stdout: out } = spawnSync(JCSH, [], { input: `${FLAGS}\n`, encoding: 'utf8', timeout: 15_000 });
    const flags = [...out.matchAll(/flags:\s+([0-7]+)/g)].map((m) => parseInt(m[1]!, 8) & O_NONBLOCK);
    expect(flags).toEqual([0, 0, 0]);
  });

  it('`jcsh -c cat` waits for input that comes later instead of failing with EAGAIN', async () => {
    const child = spawn(JCSH, ['-c', 'cat; echo "cat: $?"'], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    detachedChildren.push(child);
    const output = collect(child);
    // Write only once cat sleeps in its read (or has already failed, as it did when Node had
    // made the shared pipe non-blocking).
    const cat = await waitUntil(() => {
      if (output.text().includes('cat: ')) return -1;
      return childrenOf(child.pid!).find((pid) => stateOf(pid) === 'S');
    }, { timeout: 10_000, description: 'cat asleep in read' });
    expect(output.text()).not.toContain('Resource temporarily unavailable');
    expect(cat).toBeGreaterThan(0);
    child.stdin!.end('hi\n');
    await new Promise((resolve) => child.on('close', resolve));
    expect(output.text()).toBe('hi\ncat: 0\n');
  });

  it('`jcsh -c "head -1"` at a terminal reads the line typed later', async () => {
    const s = spawnPty(JCSH, ['-c', `${FLAGS.replace(' /proc/self/fdinfo/1 /proc/self/fdinfo/2', '')}; head -1; echo "head: $?"`], { timeout: 10_000 });
    await s.expect(/flags:\s+([0-7]+)/);
    await s.waitIdle();
    s.sendLine('typed');
    const done = await s.expect(/head: (\d+)/);
    expect(done.groups[0]).toBe('0');
    const flags = /flags:\s+([0-7]+)/.exec(s.output)![1]!;
    expect(parseInt(flags, 8) & O_NONBLOCK).toBe(0);
    expect(s.output).not.toContain('Resource temporarily unavailable');
  });
});

/** dash is the POSIX reference here; a machine without it skips only the comparisons with it. */
const hasDash = spawnSync('dash', ['-c', ':']).status === 0;

describe('background commands without job control (POSIX 2.9.3.1, issue 11 item 4)', () => {
  const sigIgn = (shell: string, script: string) => sh(shell, script).out.trim();
  const IGNORED = 'SigIgn:\t0000000000000006';
  const simple = 'grep SigIgn /proc/self/status & wait';
  const pipeline = 'grep SigIgn /proc/self/status | cat & wait';
  const andOr = 'true && grep SigIgn /proc/self/status & wait';

  it.each([['a simple command', simple], ['every stage of a pipeline', pipeline]])(
    '%s ignores SIGINT and SIGQUIT, as in bash', (_what, script) => {
      expect(sigIgn('bash', script)).toBe(IGNORED);
      expect(sigIgn('jcsh', script)).toBe(IGNORED);
    });

  it('an and-or list in the background passes them on ignored (POSIX; bash 5.2 resets them)', () => {
    expect(sigIgn('jcsh', andOr)).toBe(IGNORED);
  });

  it('a foreground command keeps the default dispositions', () => {
    expect(sigIgn('jcsh', 'grep SigIgn /proc/self/status')).toBe('SigIgn:\t0000000000000000');
  });

  it('stdin of a background command is /dev/null unless redirected, as in bash', () => {
    const stdin = fs.openSync('/etc/hostname', 'r');
    try {
      for (const shell of ['bash', 'jcsh']) {
        expect(sh(shell, 'readlink /proc/self/fd/0 & wait', { stdin }).out, shell).toBe('/dev/null\n');
        expect(sh(shell, 'readlink /proc/self/fd/0 </etc/passwd & wait', { stdin }).out, shell).toBe('/etc/passwd\n');
      }
      // bash 5.2 leaves a background pipeline's stdin alone; POSIX (and dash) do not.
      expect(sh('jcsh', 'readlink /proc/self/fd/0 | cat & wait', { stdin }).out).toBe('/dev/null\n');
      expect(sh('jcsh', 'true && readlink /proc/self/fd/0 & wait', { stdin }).out).toBe('/dev/null\n');
    } finally {
      fs.closeSync(stdin);
    }
  });

  describe.skipIf(!hasDash)('dash agrees (skipped where dash is not installed)', () => {
    it('on the dispositions of simple commands, pipelines and and-or lists', () => {
      for (const script of [simple, pipeline, andOr]) expect(sigIgn('dash', script), script).toBe(IGNORED);
    });

    it('on stdin', () => {
      const stdin = fs.openSync('/etc/hostname', 'r');
      try {
        expect(sh('dash', 'readlink /proc/self/fd/0 & wait', { stdin }).out).toBe('/dev/null\n');
        expect(sh('dash', 'readlink /proc/self/fd/0 </etc/passwd & wait', { stdin }).out).toBe('/etc/passwd\n');
        expect(sh('dash', 'readlink /proc/self/fd/0 | cat & wait', { stdin }).out).toBe('/dev/null\n');
        expect(sh('dash', 'true && readlink /proc/self/fd/0 & wait', { stdin }).out).toBe('/dev/null\n');
      } finally {
        fs.closeSync(stdin);
      }
    });
  });
});

describe('a subshell gets its state privately (issue 11 item 6)', () => {
  it('the state of `a && b &` is in neither argv nor the environment of the copy', async () => {
    const child = spawn(JCSH, ['-c', 'secret=hunter2; sleep 30 && true & echo "$!"; wait'], {
      stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    detachedChildren.push(child);
    const output = collect(child);
    const line = await waitUntil(() => /^(\d+)\n/.exec(output.text()), { timeout: 10_000, description: 'the pid' });
    const pid = Number(line[1]);
    // The copy has read its state once it runs sleep.
    await waitUntil(() => childrenOf(pid).length > 0, { timeout: 10_000, description: 'the subshell running sleep' });
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
    expect(cmdline).toContain('jcsh');
    expect(cmdline).not.toContain('hunter2');
    expect(environ).not.toContain('hunter2');
    expect(cmdline).not.toContain('secret');
  });

  it('the subshell still sees every variable, exported or not, and $?', () => {
    const script = 'secret=hunter2; false; echo "$secret $?" && true & wait';
    expect(sh('bash', script).out).toBe('hunter2 1\n');
    expect(sh('jcsh', script).out).toBe('hunter2 1\n');
  });

  it('a 200 KiB variable reaches the subshell (no E2BIG)', () => {
    // 25 characters doubled 13 times: 204800
    const script = `big=xxxxxxxxxxxxxxxxxxxxxxxxx; ${'big=$big$big; '.repeat(13)}true && echo "\${#big}" & wait`;
    const r = sh('jcsh', script);
    expect(r.err).toBe('');
    expect(r.out).toBe('204800\n');
  });
});

describe('jcsh as a login shell (issue 11 item 9)', () => {
  const home = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-login-'));

  it('starts with a PATH where there is no node', () => {
    const r = spawnSync('/usr/bin/env', ['-i', 'PATH=/nonexistent', `HOME=${home()}`, JCSH, '-c', 'echo ok'], {
      encoding: 'utf8', timeout: 15_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
  });

  it('starts with a login-style argv0 (-jcsh), node not on PATH', () => {
    const r = spawnSync(JCSH, ['-c', 'echo ok'], {
      argv0: '-jcsh', env: { PATH: '/nonexistent', HOME: home() }, encoding: 'utf8', timeout: 15_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
  });
});
