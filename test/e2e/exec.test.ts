// `exec cmd` at an interactive prompt: the command replaces the shell in the same process (the
// pid the terminal's session knows stays), and finds the terminal as a job would: cooked, its
// own group in the foreground, able to read what is typed.

import { describe, expect, it } from 'vitest';
import { isCooked, spawnPty } from '../../src/ptytest/index.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { JCSH, outputOf, PROMPT, startJcsh, tempHome } from './harness.js';

/** The process group and the terminal's foreground group, as the program exec ran sees them. */
const GROUPS = `exec sh -c 'read -r pid comm st ppid pgrp sess tty tpgid rest < /proc/$$/stat; echo "pgrp=$pgrp tpgid=$tpgid"; exit 5'`;

describe('exec at an interactive prompt', () => {
  it('runs the command in the shell\'s own process, on a sane terminal', async () => {
    const s = await startJcsh();
    const pid = Number(await outputOf(s, 'echo $$'));
    expect(pid).toBe(s.pid);
    s.sendLine("exec env PS1='sh-prompt> ' sh -i");
    // sh's prompt at the start of a line: the echo of the command line holds the same text, and
    // matching that would look at the terminal while jcsh's line editor still has it raw
    await s.expect(/^sh-prompt> /m);
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

  it('gives the program the group and terminal the shell was started in (bash\'s end_job_control)', async () => {
    // sh -c has no job control: jcsh starts in sh's group and leads a group of its own
    const home = tempHome();
    const s = spawnPty('sh', ['-c', `"$0" "$1" --plain --norc; echo "[ended $?]"; read line`, process.execPath, JCSH], {
      prompt: PROMPT, timeout: 8000, cwd: home, env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
    });
    await s.expectPrompt();
    s.sendLine(GROUPS);
    await s.expect(`pgrp=${s.pid} tpgid=${s.pid}`);
    await s.expect('[ended 5]');
    expect(isCooked(await s.terminalModes())).toBe(true);
  });
});
