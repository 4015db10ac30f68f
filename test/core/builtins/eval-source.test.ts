// eval and `.`/source: text parsed and run in the shell itself, with the builtin's fds;
// `.` finds files on PATH, passes arguments, and stops at `return`.

import { describe, expect, it } from 'vitest';
import { evalBuiltin } from '../../../src/core/builtins/eval.js';
import { sourceBuiltin } from '../../../src/core/builtins/source.js';
import { fakeShell, runFatal, runIn } from '../fakeport.js';

function withFile(path: string, text: string) {
  const { shell, port } = fakeShell({ interactive: false, monitor: false });
  port.file(path);
  port.texts.set(path, text);
  return shell;
}

describe('eval', () => {
  it('runs its arguments joined by spaces in the shell itself', async () => {
    const { shell } = fakeShell();
    const r = await runIn(shell, evalBuiltin, 'eval', 'x=5;', 'echo', '$x');
    expect(r).toEqual({ status: 0, out: '5\n', err: '' });
    expect(shell.vars.get('x')).toBe('5');
  });

  it('is 0 with nothing to run and 2 on a syntax error, which ends a script but not a prompt', async () => {
    const { shell } = fakeShell();
    shell.lastStatus = 3;
    expect((await runIn(shell, evalBuiltin, 'eval', ' ')).status).toBe(0);
    const err = "jcsh: eval: line 1: unexpected EOF while looking for matching `''\n";
    expect(await runIn(shell, evalBuiltin, 'eval', "echo 'x")).toEqual({ status: 2, out: '', err });
    const script = fakeShell({ interactive: false, monitor: false }).shell;
    expect(await runFatal(script, evalBuiltin, 'eval', "echo 'x")).toEqual({ status: 2, exitStatus: 2, out: '', err });
  });
});

describe('eval in a script', () => {
  it('counts the lines of its text from the line of the eval', async () => {
    const { shell } = fakeShell({ interactive: false, monitor: false, scriptName: 's.sh' });
    shell.lineno = 7;
    const r = await runIn(shell, evalBuiltin, 'eval', 'echo x\necho $((1/0))');
    expect(r).toEqual({ status: 1, out: 'x\n', err: 's.sh: line 8: 1/0: division by 0 (error token is "0")\n' });
    // a syntax error in eval ends a script (a special builtin's error)
    expect((await runFatal(shell, evalBuiltin, 'eval', 'echo y\nfi')).err).toBe("s.sh: eval: line 8: syntax error near unexpected token `fi'\n");
  });
});

describe('. and source', () => {
  it('runs a file found on PATH with arguments as positional parameters, ended by return', async () => {
    const shell = withFile('/bin/lib.sh', 'echo in $1 $#; return 3; echo no');
    shell.positional = ['outer'];
    const r = await runIn(shell, sourceBuiltin, '.', 'lib.sh', 'a', 'b');
    expect(r).toEqual({ status: 3, out: 'in a 2\n', err: '' });
    expect(shell.positional).toEqual(['outer']);
    expect(shell.functionDepth).toBe(0);
  });

  it('names the file and its line in the errors of its commands, even at a prompt', async () => {
    for (const interactive of [false, true]) {
      const { shell, port } = fakeShell({ interactive, monitor: false });
      port.file('/lib.sh');
      port.texts.set('/lib.sh', 'echo a\necho $((1/0)); echo no\necho "in $?"');
      const r = await runIn(shell, sourceBuiltin, '.', '/lib.sh');
      expect(r).toEqual({ status: 0, out: 'a\nin 1\n', err: '/lib.sh: line 2: 1/0: division by 0 (error token is "0")\n' });
      expect(shell.sourcing).toBeUndefined();
    }
  });

  it('reports a missing file and a missing name as bash; `.` of a missing file ends a script', async () => {
    const shell = withFile('/x', '');
    expect(await runFatal(shell, sourceBuiltin, '.', '/nofile')).toEqual({
      status: 1, exitStatus: 2, out: '', err: 'jcsh: /nofile: No such file or directory\n',
    });
    expect(await runIn(shell, sourceBuiltin, 'source', '/nofile')).toEqual({
      status: 1, out: '', err: 'jcsh: /nofile: No such file or directory\n',
    });
    expect(await runIn(shell, sourceBuiltin, 'source')).toEqual({
      status: 2, out: '', err: 'jcsh: source: filename argument required\nsource: usage: source filename [arguments]\n',
    });
  });
});
