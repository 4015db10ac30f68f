// What an expansion error abandons, as bash 5.2 outside POSIX mode: an arithmetic error (and
// `${1=x}`) drops the rest of its command line with status 1 and the script, -c string or
// eval text goes on with its next line; `${x?}` ends a non-interactive shell (-c with 127).

import { describe, expect, it } from 'vitest';
import { LineAbandoned } from '../../src/core/errors.js';
import { runScript } from '../../src/core/script.js';
import { fakeShell, runLine } from './fakeport.js';

async function script(text: string, scriptName?: string): Promise<{ status: number; out: string; err: string }> {
  const { shell, port } = fakeShell({ interactive: false, monitor: false, ...(scriptName ? { scriptName } : {}) });
  const status = await runScript(shell, text);
  return { status, out: port.output(1), err: port.output(2) };
}

describe('expansion errors outside a prompt', () => {
  it('an arithmetic error drops its line, and a -c string or a script goes on', async () => {
    const text = 'echo $((1/0)); echo same\necho after $?\nx=$((1+))\n';
    for (const name of [undefined, 's.sh']) {
      const r = await script(text, name);
      expect(r.out).toBe('after 1\n');
      expect(r.status).toBe(1);
      expect(r.err).toContain('1/0: division by 0 (error token is "0")\n');
      expect(r.err).toContain('1+: syntax error: operand expected (error token is "+")\n');
    }
  });

  it('so does an arithmetic error in a compound command, or ${1=x}', async () => {
    const r = await script('for i in $((1/0)); do :; done; echo same\ncase $((2/0)) in *) ;; esac\necho ${1=x}; echo same\necho end $?');
    expect(r).toMatchObject({ out: 'end 1\n', status: 0 });
    expect(r.err).toContain('$1: cannot assign in this way');
  });

  it('${x?} ends the shell: a script with 1, a -c string with 127', async () => {
    expect(await script('echo ${x?unset here}\necho after', 's.sh')).toMatchObject({ out: '', status: 1 });
    expect(await script('echo ${x?unset here}\necho after')).toMatchObject({ out: '', status: 127, err: 'jcsh: x: unset here\n' });
  });

  it('exit with too many operands still ends a -c string', async () => {
    expect(await script('exit 1 2\necho after')).toMatchObject({ out: '', status: 1 });
    expect(await script('exit 1 2\necho after', 's.sh')).toMatchObject({ out: 'after\n', status: 0 });
  });

  it('eval drops the line of its text and goes on with the next one, as parse_and_execute', async () => {
    const r = await script('eval \'echo $((1/0)); echo ev\necho ev2 $?\'; echo "eval=$?"\neval \'echo $((1/0))\'; echo "eval=$?"');
    expect(r.out).toBe('ev2 1\neval=0\neval=1\n');
  });

  it('at a prompt the line is abandoned with status 1', async () => {
    const { shell } = fakeShell();
    await expect(runLine(shell, 'echo $((1/0)); echo same')).rejects.toBeInstanceOf(LineAbandoned);
    await expect(runLine(shell, 'echo $((1/0))')).rejects.toMatchObject({ status: 1, fatal: false });
  });
});
