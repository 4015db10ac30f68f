// jcsh's command line takes `set`'s options as sh and bash do (XCU sh: `sh [-abCefhimnuvx] [-o
// option] [+abCefhimnuvx] [+o option] [-s]`): `jcsh -e script`, `jcsh -n script`, `jcsh -x -c`,
// `jcsh -s args < commands`, `-` or `--` ending the options. Each case runs on bash and on jcsh
// with the same arguments and input; stdout and status must be the same, and stderr the same
// once the shell's name is taken out.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JCSH } from './harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-invocation-'));
const script = (name: string, text: string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const broken = script('broken.sh', 'echo ran\nif true; then\n');
const fine = script('fine.sh', 'echo ran "$@"\n');
const failing = script('failing.sh', 'false\necho after\n');

function run(shell: 'bash' | 'jcsh', args: readonly string[], input = '') {
  const argv = shell === 'bash' ? ['bash', [...args]] as const : [process.execPath, [JCSH, ...args]] as const;
  // stdin from a file: on a socket (what Node's pipes are) bash thinks sshd ran it, and reads bashrc
  const stdin = fs.openSync(script(`stdin-${shell}`, input), 'r');
  const r = spawnSync(argv[0], argv[1], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', cwd: dir, timeout: 20_000, env: { PATH: process.env.PATH, HOME: dir } });
  fs.closeSync(stdin);
  // bash names itself `bash`, jcsh `jcsh`; script errors name the script in both
  const stderr = r.stderr.replace(/^(bash|jcsh): /gm, 'SH: ').replace(/^(bash|jcsh): line /gm, 'SH: line ');
  return { stdout: r.stdout, stderr, status: r.status };
}

const cases: [string, string[], string?][] = [
  ['-e ends a script at a failure', ['-e', failing]],
  ['+e after -e turns it off again', ['-e', '+e', failing]],
  ['-e and -c in one word', ['-ec', 'false; echo no']],
  ['-u makes an unset variable an error', ['-u', '-c', 'echo "$nope"; echo no']],
  ['-x traces', ['-x', '-c', 'echo hi']],
  ['-f turns globbing off', ['-f', '-c', 'echo /*']],
  ['-n reads a script without running it', ['-n', fine]],
  ['-n still finds a syntax error', ['-n', broken]],
  ['-o pipefail', ['-o', 'pipefail', '-c', 'false | true; echo $?']],
  ['-o then +o', ['-o', 'pipefail', '+o', 'pipefail', '-c', 'false | true; echo $?']],
  ['-o errexit is -e', ['-o', 'errexit', failing]],
  ['-s reads commands from stdin, the rest are positional', ['-s', 'a', 'b'], 'echo "$1 $2 $#"\n'],
  ['- ends the options', ['-', fine, '-x']],
  ['-- ends the options', ['--', fine, '-e']],
  ['$- shows the options given', ['-e', '-u', '-c', 'case $- in *e*u*|*u*e*) echo eu;; esac']],
];

describe('set options on the command line, as bash takes them', () => {
  for (const [name, args, input] of cases) {
    it(name, () => {
      const bash = run('bash', args, input);
      const jcsh = run('jcsh', args, input);
      expect(jcsh).toEqual(bash);
    });
  }

  it('an unknown option or option name is one line and status 2', () => {
    for (const args of [['-Q', '-c', 'true'], ['-o', 'nosuch', '-c', 'true'], ['+Q', '-c', 'true']]) {
      const r = run('jcsh', args);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^SH: .*(invalid option|invalid option name)$/);
      expect(r.stdout).toBe('');
    }
  });
});
