// Running tsh lines (tsh.c eval) without spawning: builtins run in the shell even with `&`,
// the job table holds at most 16 jobs, and the dialect's other pieces.

import { describe, expect, it } from 'vitest';
import { tshDialect } from '../../src/core/compat/tsh/dialect.js';
import { ExitRequest } from '../../src/core/errors.js';
import { addJob, fakeShell } from './fakeport.js';

async function runLine(line: string, jobs = 0) {
  const { shell, port } = fakeShell({ dialect: tshDialect });
  for (let i = 1; i <= jobs; i++) addJob(shell, [100 + i], [`./myspin ${i} &`]);
  port.clearOutput();
  const status = await tshDialect.run(shell, tshDialect.parse(line));
  await shell.out.drain();
  return { status, out: port.output(1), err: port.output(2), shell };
}

describe('tsh lines', () => {
  it('a builtin with & still runs in the shell', async () => {
    const r = await runLine('jobs &', 1);
    expect(r).toMatchObject({ status: 0, out: '[1] (101) Running ./myspin 1 &\n', err: '' });
  });

  it('a seventeenth job is refused (tsh.c MAXJOBS)', async () => {
    const r = await runLine('./myspin 17 &', 16);
    expect(r.out).toBe('Tried to create too many jobs\n');
    expect(r.shell.control.jobs.size).toBe(16);
  });

  it('quit leaves with 0 whatever $? was', async () => {
    const { shell } = fakeShell({ dialect: tshDialect });
    shell.lastStatus = 5;
    await expect(tshDialect.run(shell, tshDialect.parse('quit'))).rejects.toEqual(new ExitRequest(0));
  });

  it('end of input leaves silently with 0; the prompt is tsh> ', async () => {
    const { shell, port } = fakeShell({ dialect: tshDialect });
    shell.lastStatus = 3;
    expect(await tshDialect.endOfInput(shell)).toBe(0);
    expect(port.output(2)).toBe('');
    expect(tshDialect.prompt).toBe('tsh> ');
    expect(shell.format).toBe(tshDialect.format);
  });
});
