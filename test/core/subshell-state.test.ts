// What a copy of the shell made as a process (a subshell, a pipeline stage) keeps of its
// parent beyond variables: `$$` stays the parent's, a copy made inside a function is inside it
// (`local`, `return`), an error that ends a shell ends the copy with bash's status 1, and its
// errors name the script's lines.

import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/core/script.js';
import { decodeSubshellState, encodeSubshellState, inheritState } from '../../src/core/subshell-state.js';
import { FakePort, fakeShell, runLine } from './fakeport.js';

/** A copy of `parent` as a new process would make it: another pid, the state through JSON. */
function copyOf(parent: ReturnType<typeof fakeShell>['shell']) {
  const port = new FakePort();
  port.getpid = () => 9999;
  const { shell } = fakeShell({ port, interactive: false, monitor: false });
  inheritState(shell, decodeSubshellState(encodeSubshellState(parent)));
  return { shell, port };
}

describe('a copy of the shell as a process', () => {
  it('keeps $$ of the first shell', async () => {
    const { shell: parent } = fakeShell({ interactive: false, monitor: false });
    const { shell } = copyOf(parent);
    expect(shell.pid).toBe(9999);
    expect((await runLine(shell, 'echo $$')).out).toBe(`${parent.pid}\n`);
  });

  it('made inside a function it may use local and return', async () => {
    const { shell: parent } = fakeShell({ interactive: false, monitor: false });
    parent.enterFunctions(1);
    const { shell, port } = copyOf(parent);
    expect(await runScript(shell, 'local x=1; echo "x=$x"; return 7; echo no')).toBe(7);
    expect(port.output(1)).toBe('x=1\n');
    expect(port.output(2)).toBe('');
  });

  it('ends with status 1 after ${x?}, where a -c string ends with 127', async () => {
    const { shell: parent } = fakeShell({ interactive: false, monitor: false });
    expect(await runScript(copyOf(parent).shell, 'echo ${x?}; echo no')).toBe(1);
    expect(await runScript(fakeShell({ interactive: false, monitor: false }).shell, 'echo ${x?}; echo no')).toBe(127);
  });

  it('names the script and the line of the parent in its errors, its functions coming first', async () => {
    const { shell: parent } = fakeShell({ interactive: false, monitor: false, scriptName: 's.sh' });
    parent.lineno = 12;
    const prelude = 'f() {\n  :\n}\n';
    const state = decodeSubshellState(encodeSubshellState(parent, false, prelude));
    expect(state).toMatchObject({ scriptName: 's.sh', firstLine: 9 });
    const port = new FakePort();
    const { shell } = fakeShell({ port, interactive: false, monitor: false, scriptName: state.scriptName! });
    inheritState(shell, state);
    expect(await runScript(shell, `${prelude}echo a\necho $((1/0))`, state.firstLine)).toBe(1);
    expect(port.output(2)).toBe('s.sh: line 13: 1/0: division by 0 (error token is "0")\n');
  });
});
