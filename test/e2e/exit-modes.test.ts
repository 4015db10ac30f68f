// However jcsh ends, it leaves its terminal cooked (canonical input, echo, signal keys) for
// whoever reads it next. Its parent here is sh -c, which (unlike bash) puts no modes back
// itself, so what the terminal shows afterwards is what jcsh left.

import { describe, expect, it } from 'vitest';
import { isCooked, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { JCSH, PROMPT, tempHome } from './harness.js';

const ENDED = /\[ended (\d+)\]/;

/** sh -c running jcsh, then saying how it ended and waiting (in cooked mode, untouched) for a line. */
async function underSh(args: readonly string[]): Promise<{ s: PtySession; jcsh: number }> {
  const home = tempHome();
  const script = `"$0" "$1" --plain --norc ${args.join(' ')}; echo "[ended $?]"; read line`;
  const s = spawnPty('sh', ['-c', script, process.execPath, JCSH], {
    prompt: PROMPT, timeout: 8000, cwd: home, env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
  });
  await s.expectPrompt();
  const jcsh = await s.waitUntil(() => s.processes().find((p) => p.pid !== s.pid && p.args.includes(JCSH))?.pid);
  await s.waitIdle();
  return { s, jcsh };
}

async function expectCookedAfter(s: PtySession, status: number): Promise<void> {
  const m = await s.expect(ENDED);
  expect(Number(m.groups[0])).toBe(status);
  expect(isCooked(await s.terminalModes())).toBe(true);
}

describe('the terminal is cooked after the shell ends', () => {
  it('killed by SIGHUP at its prompt (the line editor had the terminal raw)', async () => {
    const { s, jcsh } = await underSh([]);
    process.kill(jcsh, 'SIGHUP');
    await expectCookedAfter(s, 128 + 1);
  });

  it('after exit', async () => {
    const { s } = await underSh([]);
    s.sendLine('exit 3');
    await expectCookedAfter(s, 3);
  });

  it('after ^D', async () => {
    const { s } = await underSh([]);
    s.press('Ctrl+D');
    await expectCookedAfter(s, 0);
  });

  it('tsh: after SIGQUIT at its prompt', async () => {
    const { s, jcsh } = await underSh(['--compat=tsh']);
    process.kill(jcsh, 'SIGQUIT');
    await expectCookedAfter(s, 1);
  });

  it('tsh: after quit', async () => {
    const { s } = await underSh(['--compat=tsh']);
    s.sendLine('quit');
    await expectCookedAfter(s, 0);
  });
});
