// `read` waiting for input when a signal with a trap comes, compared with bash 5.2: the trap's
// action runs at once, while the read waits, and the read goes on (bash --posix ends the read
// instead, with 128+signal, and runs the action). Input here is written only once the action's
// output has come, so a shell that ran the trap only after the read would time out.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/ptytest/wait.js';
import { detachedChildren, JCSH, startBash, startJcsh, stripControls } from './harness.js';
import type { PtySession } from '../../src/ptytest/index.js';

type Which = 'bash' | 'jcsh';

const SCRIPT = `trap 'echo got' USR1; (sleep 0.3; kill -USR1 $$) & read x; echo "status=$? x=$x"; read y; echo "y=$y"`;

/** Runs SCRIPT with stdin a pipe that stays open; `input` is written once "got" came out. */
async function withPipe(which: Which, posix: boolean, input: string) {
  const args = which === 'jcsh' ? ['-c', posix ? `set -o posix; ${SCRIPT}` : SCRIPT] : [...(posix ? ['--posix'] : []), '-c', SCRIPT];
  const child = spawn(which === 'jcsh' ? JCSH : 'bash', args, { stdio: ['pipe', 'pipe', 'inherit'], detached: true });
  detachedChildren.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await waitUntil(() => out.includes('got'), { timeout: 10_000, description: 'the trap to run while read waits' });
  child.stdin!.end(input);
  return { status: await ended, out };
}

describe('read interrupted by a trapped signal', () => {
  it('runs the action while it waits, then goes on reading, as bash 5.2', async () => {
    const jcsh = await withPipe('jcsh', false, 'late\nnext\n');
    expect(jcsh).toEqual({ status: 0, out: 'got\nstatus=0 x=late\ny=next\n' });
    expect(await withPipe('bash', false, 'late\nnext\n')).toEqual(jcsh);
  });

  it('in POSIX mode ends with 128+signal, having run the action, as bash --posix', async () => {
    const jcsh = await withPipe('jcsh', true, 'late\n');
    expect(jcsh).toEqual({ status: 0, out: 'got\nstatus=138 x=\ny=late\n' });
    expect(await withPipe('bash', true, 'late\n')).toEqual(jcsh);
  });

  it('on a terminal too: the action runs before anything is typed', async () => {
    const typed = async (s: PtySession) => {
      s.sendLine(`trap 'echo got' USR1; (sleep 0.3; kill -USR1 $$) & read x; echo "x=$x"`);
      await s.expect(/^got\r?$/m);
      s.sendLine('typed');
      const after = await s.expectPrompt();
      s.sendLine('exit');
      await s.waitExit();
      return stripControls(after.before).replace(/\r/g, '').match(/^x=.*$/m)?.[0];
    };
    expect(await typed(await startJcsh())).toBe('x=typed');
    expect(await typed(await startBash())).toBe('x=typed');
  });
});

describe('^C at an interactive read', () => {
  it('abandons the line with status 130, as bash does', async () => {
    const interrupted = async (s: PtySession) => {
      s.sendLine('read x; echo after-read');
      await s.waitIdle();
      s.press('Ctrl+C');
      await s.expectPrompt();
      s.sendLine('echo "st=$?"');
      const after = await s.expectPrompt();
      s.sendLine('exit');
      await s.waitExit();
      const text = stripControls(after.before).replace(/\r/g, '');
      return { status: text.match(/^st=\d+$/m)?.[0], ranOn: text.includes('after-read') };
    };
    const jcsh = await interrupted(await startJcsh());
    expect(jcsh).toEqual({ status: 'st=130', ranOn: false });
    expect(await interrupted(await startBash())).toEqual(jcsh);
  });
});
