// `fg` of a job that ends while the terminal is being handed to it (issue 11 item 7). A job
// that finished is a job that has terminated, never a bug report: as bash 5.2 (fg_bg.def,
// jobs.c start_job), fg prints the command and returns the job's status, or says "job has
// terminated" (the Done notice then comes at the next prompt), or finds no current job once
// the Done notice was given. Looped, because the hand-off races the job's exit; bash runs the
// same loop and must only give answers from the same list.

import { describe, expect, it } from 'vitest';
import type { PtySession } from '../../src/ptytest/index.js';
import { outputOf, startBash, startJcsh } from './harness.js';

const ROUNDS = 60;
const DONE = String.raw`\[1\]\+ {2}Done {20}sleep 0\.0001`;

/** What fg may answer for `sleep 0.0001 &`, depending on when the job ended. */
function accepted(name: string): RegExp[] {
  return [
    /^sleep 0\.0001\nst=0$/,
    new RegExp(`^${name}: fg: job has terminated\\nst=1(\\n${DONE})?$`),
    new RegExp(`^(${DONE}\\n)?${name}: fg: current: no such job\\nst=1$`),
  ];
}

async function separatePrompts(s: PtySession, name: string): Promise<void> {
  for (let i = 0; i < ROUNDS; i++) {
    await outputOf(s, 'sleep 0.0001 &');
    const out = await outputOf(s, 'fg; echo st=$?');
    expect(out).not.toContain('a bug in jcsh');
    expect(accepted(name).some((re) => re.test(out)), `round ${i}: ${JSON.stringify(out)}`).toBe(true);
  }
}

async function oneLine(s: PtySession, name: string): Promise<void> {
  for (let i = 0; i < ROUNDS; i++) {
    const out = (await outputOf(s, 'sleep 0.0001 & fg; echo st=$?')).replace(/^\[1\] \d+\n/, '');
    expect(out).not.toContain('a bug in jcsh');
    expect(accepted(name).some((re) => re.test(out)), `round ${i}: ${JSON.stringify(out)}`).toBe(true);
  }
}

describe('fg racing the end of its job (issue 11 item 7)', () => {
  it(`sleep 0.0001 & then fg, ${ROUNDS} times at separate prompts: never a bug report`, async () => {
    await separatePrompts(await startJcsh(), 'jcsh');
  });

  it(`sleep 0.0001 & fg on one line, ${ROUNDS} times: never a bug report`, async () => {
    await oneLine(await startJcsh(), 'jcsh');
  });

  it('bash gives only answers from the same list', async () => {
    await separatePrompts(await startBash(), 'bash');
    await oneLine(await startBash(), 'bash');
  });
});
