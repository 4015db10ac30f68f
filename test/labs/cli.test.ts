// `jcsh --lab` on the command line: the list, an unknown name, a lab played without a terminal
// (a transcript, with --explain's annotated log), and a lab on Linux.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABS } from '../../src/labs/registry.js';
import { JCSH } from '../e2e/harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-labs-'));

function jcsh(args: readonly string[]) {
  const r = spawnSync(process.execPath, [JCSH, '--norc', ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', cwd: dir, timeout: 20_000, env: { PATH: process.env.PATH, HOME: dir } });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

describe('jcsh --lab', () => {
  it('alone lists every lab, one line each, name then summary', () => {
    const r = jcsh(['--lab']);
    expect(r.status).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(LABS.map((l) => l.name));
    expect(lines[0]).toContain(LABS[0]!.summary);
  });

  it('an unknown lab is a one-line error, status 2', () => {
    const r = jcsh(['--sim', '--lab', 'nosuch']);
    expect(r).toEqual({ out: '', err: 'jcsh: --lab: nosuch: no such lab (jcsh --lab lists them)\n', status: 2 });
  });

  it('--sim --lab NAME without a terminal plays the lab: steps, predictions, answers', () => {
    const r = jcsh(['--sim', '--lab', 'ttin']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('# Predict: What happens when the background cat reads the terminal?');
    expect(r.out).toContain('# Answer: 3. it is stopped by SIGTTIN');
    expect(r.out).toMatch(/\[1\]\+ +101 Stopped \(tty input\) +cat > notes/);
    expect(r.out).toMatch(/\ncat notes\r\nhello\r\n/);
  });

  it('--explain FILE writes each event with the rule that decided it', () => {
    const file = path.join(dir, 'explained.txt');
    expect(jcsh(['--sim', '--lab', 'tostop', '--explain', file]).status).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/SIGTTOU[^\n]*\n +\[W2\.1\] a background process writing/);
    expect(text).toMatch(/is stopped by SIGTTOU\n +\[R4\.5\]/);
  });

  it('a lab is not played with -c', () => {
    expect(jcsh(['--sim', '--lab', 'ttin', '-c', 'true'])).toMatchObject({ status: 2, err: expect.stringMatching(/^jcsh: --lab: a lab is played at a terminal, not with -c or a script\n/) });
  });

  it('--explain needs --sim', () => {
    expect(jcsh(['--explain', 'x', '-c', 'true'])).toMatchObject({ status: 2, err: 'jcsh: --explain: only with --sim\nUsage: jcsh [option ...] [file [arg ...]]\n' });
  });

  it('on Linux, a lab of the shell itself lists its steps and starts the shell', () => {
    const r = jcsh(['--plain', '--lab', 'ttin']);
    expect(r.status).toBe(0);
    expect(r.err).toContain('cat > notes &⏎');
  });

  it('on Linux, a twin lab runs its program, or says it is not built', () => {
    const built = fs.existsSync(path.join(JCSH, '..', '..', 'build', 'Release', 'labs', 'zombie'));
    const r = jcsh(['--plain', '--lab', 'zombie']);
    if (built) expect(r.err).toContain('zombie 5 &⏎');
    else expect(r).toMatchObject({ status: 1, err: "jcsh: --lab zombie: this lab's program is not built (zombie; npm ci builds it)\n" });
  });
});
