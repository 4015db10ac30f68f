// `exec cmd` at an interactive prompt: the command replaces the shell in the same process (the
// pid the terminal's session knows stays), and finds the terminal as a job would: cooked, its
// own group in the foreground, able to read what is typed.

import { describe, expect, it } from 'vitest';
import { isCooked } from '../../src/ptytest/index.js';
import { outputOf, startJcsh } from './harness.js';

describe('exec at an interactive prompt', () => {
  it('runs the command in the shell\'s own process, on a sane terminal', async () => {
    const s = await startJcsh();
    const pid = Number(await outputOf(s, 'echo $$'));
    expect(pid).toBe(s.pid);
    s.sendLine("exec env PS1='sh-prompt> ' sh -i");
    await s.expect('sh-prompt> ');
    expect(isCooked(await s.terminalModes())).toBe(true);
    s.sendLine('echo "in sh: $$ $((6*7))"');
    const m = await s.expect(/in sh: (\d+) 42/);
    expect(Number(m.groups[0])).toBe(pid);
    expect(s.foregroundPgid()).toBe(pid);
    expect(s.processes().find((p) => p.pid === pid)?.args).toEqual(['sh', '-i']);
  });

  it('a command that is not found leaves the interactive shell running its line (127), as bash', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'exec /nonexistent/cmd; echo "went on $? $$"'))
      .toBe(`jcsh: /nonexistent/cmd: No such file or directory\nwent on 127 ${s.pid}`);
  });
});
