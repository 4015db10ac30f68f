// Arithmetic expansion and pattern removal through `jcsh -c`, as a user runs them, against
// `bash -c` run on the same scripts (skipped without bash 5.2 on PATH). Errors are compared
// by their message, without the prefix (`sh: ` against `sh: line 1: `, $0 being sh).

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bashVersion, REFERENCE_BASH } from '../helpers/tools.js';
import { JCSH, tempHome } from './harness.js';

function run(argv0: string, args: string[], script: string): { stdout: string; stderr: string } {
  // stdin is /dev/null: on a socket bash thinks sshd started it and reads ~/.bashrc
  const r = spawnSync(argv0, [...args, '-c', script, 'sh', 'foo.c', 'bar.c', 'a b.c'], {
    encoding: 'utf8', cwd: tempHome(), timeout: 15000, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' },
  });
  return { stdout: r.stdout, stderr: r.stderr.replace(/^sh(: line \d+)?: /gm, '') };
}

const SCRIPTS = [
  'echo $((1+2)) "$((2*3))" a$((1))b $(( 7 / 2 )) $((-7 % 3))',
  'x=5; echo $((x+=2, x*=3)) $x',
  'echo $(( $(echo 2) * `echo 3` + $((1<<4)) )) $(( "1" + 2 ))',
  'IFS=1; printf "<%s>" $((11+0)) "$((11+0))"; echo',
  'x=7 y=$((x+1)); echo $y',
  'echo $((2**63)) $((-9223372036854775808/-1)) $((64#@_)) $((0x1f)) $((010)) $((1<<64))',
  'x=1+1; echo $((x*3)) $((x++)) $x; i=0; i=$((i+1)); i=$((i+1)); echo $i',
  'echo $((0 && (z=1))) $((1 || (z=1))) "[$z]"',
  'echo $((1/0))',
  'echo $((1 +))',
  'echo $((2**-1))',
  'x=y y=x; echo $((x))',
  'z=a.b.c; echo ${z#*.} ${z##*.} ${z%.*} ${z%%.*} "${z#"a."}" ${z%\\.c}',
  'echo "${@%.c}" ${*%.c} "${*%.c}"; printf "<%s>" "${@#?}"; echo',
];

describe.skipIf(bashVersion() !== REFERENCE_BASH)('jcsh -c against bash -c', () => {
  it.each(SCRIPTS)('%s', (script) => {
    const bash = run('bash', ['--norc'], script);
    expect(bash.stdout + bash.stderr).not.toBe('');
    expect(run(process.execPath, [JCSH], script)).toEqual(bash);
  });
});
