// Builtins in a pipeline: those that read stdin or may run anything (read, eval, ., source,
// command name) become a process of the job, a copy of the shell reading the stage's pipe, as
// bash's forked child; the others still deliver captured output through an `emit` process.

import { describe, expect, it } from 'vitest';
import { runsAsProcess } from '../../src/core/process-builtins.js';
import { exited } from '../../src/os/status.js';
import { fakeShell, runLine } from './fakeport.js';

function script() {
  const { shell, port } = fakeShell({ interactive: false, monitor: false });
  port.file('/bin/cat', true);
  port.onPipe = () => {};
  port.onSpawn = (_req, i) => {
    port.change(100 + i, exited(0));
    return 100 + i;
  };
  return { shell, port };
}

describe('builtins in a pipeline', () => {
  it('read, eval, ., source and command NAME run as processes; command -v and echo do not', () => {
    for (const argv of [['read', 'x'], ['eval', 'cat'], ['.', '/dev/stdin'], ['source', 'f'], ['command', 'cat'], ['command', '-p', 'read', 'x']]) {
      expect(runsAsProcess(argv)).toBe(true);
    }
    for (const argv of [['echo', 'x'], ['command', '-v', 'cat'], ['command', '-V', 'read'], ['command'], ['printf', '%s']]) {
      expect(runsAsProcess(argv)).toBe(false);
    }
  });

  it('a reading stage is a copy of the shell fed by the pipe, with its words quoted', async () => {
    const { shell, port } = script();
    await runLine(shell, "echo a b | IFS=: read -r x 'y z'");
    const [first, second] = port.spawned;
    expect(first!.program.kind).toBe('emit');
    expect(second!.program.kind).toBe('subshell');
    if (second!.program.kind !== 'subshell') return;
    expect(second!.program.source).toContain("IFS=':' 'read' '-r' 'x' 'y z'");
    // The fake's first pipe is [10, 11]: the reader's stdin is its read end.
    expect(second!.fds[0]).toBe(10);
    // Without lastpipe the variable stays unset in the shell, as in bash.
    expect(shell.vars.get('x')).toBeUndefined();
  });

  it('a first stage that runs a command does so in its own process too', async () => {
    const { port, shell } = script();
    await runLine(shell, "eval 'cat' | cat");
    expect(port.spawned.map((r) => r.program.kind)).toEqual(['subshell', 'exec']);
  });
});
