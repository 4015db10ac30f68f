// What a command that cannot be executed says, alone and in pipelines, next to bash 5.2 run on
// the same files (each line the same but for the shell's name: `bash: line 1: …`, `jcsh: line
// 1: …`). And expansions in a pipeline stage or a background command
// assign on the copy that runs it (issue 11, items 9 and 10).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JCSH, tempHome } from './harness.js';

let dir = '';

beforeAll(() => {
  dir = tempHome();
  fs.mkdirSync(path.join(dir, 'adir'));
  // A #! line naming an interpreter that does not exist: execve fails with ENOENT.
  fs.writeFileSync(path.join(dir, 'noint'), '#!/nonexistent/interpreter\necho never\n', { mode: 0o755 });
});

function runIn(shell: 'bash' | 'jcsh', script: string) {
  const [cmd, args] = shell === 'bash' ? ['bash', ['-c', script]] : [process.execPath, [JCSH, '-c', script]];
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } });
  // Only the shell's name differs.
  const stderr = r.stderr.replaceAll(/^(bash|jcsh): /gm, 'SHELL: ');
  return { status: r.status, stdout: r.stdout, stderr };
}

describe('exec errors read like bash 5.2 (issue 11 item 9)', () => {
  const cases = [
    './adir; echo $?',
    './adir | cat; echo $?',
    'true | ./adir; echo $?',
    './noint; echo $?',
    './noint | cat; echo $?',
    'true | ./noint; echo $?',
    './noint & wait $!; echo $?',
  ];
  for (const script of cases) {
    it(`${script}`, () => {
      const bash = runIn('bash', script);
      expect(runIn('jcsh', script)).toEqual(bash);
    });
  }

  it('a missing #! interpreter is "cannot execute: required file not found", 127', () => {
    expect(runIn('jcsh', './noint; echo $?')).toEqual({
      status: 0, stdout: '127\n', stderr: 'SHELL: line 1: ./noint: cannot execute: required file not found\n',
    });
  });

  it('a directory is "Is a directory", 126, also as a pipeline stage', () => {
    expect(runIn('jcsh', 'true | ./adir; echo $?')).toEqual({ status: 0, stdout: '126\n', stderr: 'SHELL: line 1: ./adir: Is a directory\n' });
  });
});

describe('assignments in expansions of a job stay in the job (issue 11 item 10)', () => {
  const cases = [
    'echo ${bar=2} & wait; echo "[$bar]"',
    '${cmd=echo} hi | wc -l; echo "[$cmd]"',
    'echo ${a:=1} | cat; echo ${b=2} | cat & wait; echo "[$a$b]"',
    // A lone foreground command still assigns in the shell itself.
    'echo ${c=3}; echo "[$c]"',
  ];
  for (const script of cases) {
    it(`${script}`, () => {
      expect(runIn('jcsh', script)).toEqual(runIn('bash', script));
    });
  }

  it('a background echo ${bar=2} leaves bar unset in the shell', () => {
    expect(runIn('jcsh', 'echo ${bar=2} & wait; echo "[${bar-unset}]"').stdout).toBe('2\n[unset]\n');
  });
});
