// Start-up: the shell takes its own group and the terminal, waits while in the background
// (B10.1), reads ~/.jcshrc unless --norc, and leaves its terminal in cooked mode.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPty } from '../../src/ptytest/index.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { JCSH, outputOf, PROMPT, run, startBash, startJcsh, tempHome } from './harness.js';

describe('start-up', () => {
  it('leads its own process group and owns the terminal at the first prompt', async () => {
    const bash = await startBash();
    bash.sendLine(`${process.execPath} ${JCSH} --plain --norc`);
    await bash.expect(PROMPT);
    const jcsh = await bash.waitUntil(() => bash.processes().find((p) => p.args.includes(JCSH)));
    expect(jcsh.pgid).toBe(jcsh.pid);
    await bash.waitUntil(() => bash.foregroundPgid() === jcsh.pid);
    bash.sendLine('exit');
    await bash.expect('exit');
  });

  it('started in the background it stops with SIGTTIN until fg gives it the terminal', async () => {
    const bash = await startBash();
    await run(bash, `${process.execPath} ${JCSH} --plain --norc &`);
    const jcsh = await bash.waitUntil(() => bash.processes().find((p) => p.args.includes(JCSH) && p.state === 'T'));
    // /proc shows the stop before bash's SIGCHLD handler has recorded it: ask until bash knows.
    let listing = '';
    for (let tries = 0; tries < 50 && !/Stopped/.test(listing); tries++) listing = await outputOf(bash, 'jobs -l');
    expect(listing).toMatch(/Stopped \(tty input\)/);
    bash.sendLine('fg');
    await bash.expect(PROMPT);
    await bash.waitUntil(() => bash.foregroundPgid() === jcsh.pid);
    expect(await outputOf(bash, 'echo inside')).toBe('inside');
    bash.sendLine('exit');
    await bash.expect('exit');
  });

  it('reads ~/.jcshrc, and --norc skips it', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, '.jcshrc'), 'export FROM_RC=yes\n');
    const s = spawnPty(process.execPath, [JCSH, '--plain'], {
      prompt: PROMPT, cwd: home, env: { PS1: PROMPT, HOME: home, PATH: pathWithHelpers() },
    });
    await s.expectPrompt();
    expect(await outputOf(s, 'echo ${FROM_RC:-none}')).toBe('yes');
    const norc = await startJcsh({ home });
    expect(await outputOf(norc, 'echo ${FROM_RC:-none}')).toBe('none');
  });

  it('the terminal is cooked again after the shell exits', async () => {
    const bash = await startBash();
    bash.sendLine(`${process.execPath} ${JCSH} --plain --norc`);
    await bash.expect(PROMPT);
    bash.press('Ctrl+D');
    await bash.expect('exit');
    await bash.expectPrompt();
    expect(await outputOf(bash, "stty -a | grep -o -- ' -*icanon' ; stty -a | grep -o -- ' -*echo '")).toBe(' icanon\n echo');
  });
});

describe('start-up without a controlling terminal', () => {
  // As bash 5.2 (`echo 'exit 4' | setsid -w bash -i`): two lines on stderr, then the shell runs
  // without job control and ends with the status of its last command.
  it('an interactive shell says it has no job control, as bash does', () => {
    const r = spawnSync('setsid', ['-w', process.execPath, JCSH, '-i', '--norc'], {
      input: 'echo hi\nexit 4\n', encoding: 'utf8', env: { PATH: pathWithHelpers(), HOME: tempHome(), PS1: PROMPT },
    });
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'jcsh: cannot set terminal process group (-1): Inappropriate ioctl for device',
      'jcsh: no job control in this shell',
    ]);
    expect(r.stdout).toBe('hi\n');
    expect(r.status).toBe(4);
  });
});
