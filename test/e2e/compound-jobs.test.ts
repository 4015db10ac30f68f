// Job control inside compound commands (issue 14 item 6), run on jcsh and on bash 5.2 through
// a pty with the same keys: the transcripts must match, pids aside. Rules B10.3 B10.4 B10.9.

import { describe, expect, it } from 'vitest';
import type { PtySession } from '../../src/ptytest/index.js';
import { outputOf, run, startBash, startJcsh, stripControls, terminalCooked } from './harness.js';

type Step = string | { readonly key: string; readonly until: (s: PtySession) => boolean };

/** What the steps print, with pids replaced, on one shell. */
async function transcript(s: PtySession, steps: readonly Step[]): Promise<string[]> {
  const out: string[] = [];
  for (const step of steps) {
    if (typeof step === 'string') {
      out.push(await outputOf(s, step));
      continue;
    }
    // A key for the job in the foreground: typed once it runs, then the output to the prompt.
    await s.waitUntil(() => step.until(s), { description: 'the job to run in the foreground' });
    s.send(step.key);
    out.push(stripControls((await s.expectPrompt()).before).replace(/\r/g, '').trimEnd());
  }
  // Pids have 4 digits or more here (the kernel starts past 300); `sleep 100` keeps its 100.
  return out.map((text) => text.replace(/\b\d{4,}\b/g, 'PID'));
}

async function sameAsBash(steps: readonly Step[]): Promise<string[]> {
  const jcsh = await startJcsh();
  const bash = await startBash();
  const [mine, theirs] = [await transcript(jcsh, steps), await transcript(bash, steps)];
  for (const s of [jcsh, bash]) await run(s, 'kill -9 %1 %2 %3 2>/dev/null; true');
  expect(mine).toEqual(theirs);
  return mine;
}

const sleeping = (s: PtySession) => s.processes().some((p) => p.comm === 'sleep' && p.state === 'S' && p.pgid === s.foregroundPgid());

describe('job control inside compound commands, as bash 5.2', () => {
  it('a loop that starts jobs in the background makes one job each', async () => {
    const out = await sameAsBash(['for i in 1 2 3; do sleep 100 & done', 'jobs']);
    expect(out[1]!.split('\n')).toHaveLength(3);
  });

  it('( list ) & and { list; } & are one job each, listed as bash prints the whole command', async () => {
    const out = await sameAsBash(['(sleep 50; echo done) &', '{ sleep 51; echo done; } &', 'jobs', 'echo $! | wc -w']);
    expect(out[2]).toContain('( sleep 50; echo done ) &');
  });

  it('^Z on a foreground loop stops the job and leaves the loop; the rest of the line runs', async () => {
    const jcsh = await startJcsh();
    jcsh.sendLine('for i in 1 2; do sleep 100; echo "i=$i"; done; echo after');
    const steps: Step[] = [{ key: '\x1a', until: sleeping }, 'jobs', 'echo $?'];
    const bash = await startBash();
    bash.sendLine('for i in 1 2; do sleep 100; echo "i=$i"; done; echo after');
    const [mine, theirs] = [await transcript(jcsh, steps), await transcript(bash, steps)];
    expect(mine).toEqual(theirs);
    expect(mine[0]).toMatch(/Stopped\s+sleep 100\nafter$/);
  });

  it('^Z on a function stops the job and the function goes on', async () => {
    const line = 'f() { sleep 100; echo in-f; }; f; echo after-f';
    const jcsh = await startJcsh();
    const bash = await startBash();
    jcsh.sendLine(line);
    bash.sendLine(line);
    const steps: Step[] = [{ key: '\x1a', until: sleeping }, 'jobs'];
    const [mine, theirs] = [await transcript(jcsh, steps), await transcript(bash, steps)];
    expect(mine).toEqual(theirs);
    expect(mine[0]).toMatch(/in-f\nafter-f$/);
  });

  it('^C stops a loop of builtins, which starts no process, and the line, with 130', async () => {
    // Only the shell runs: it must let its SIGINT handler in while it loops. The ^C is typed
    // once the line editor has given the terminal back (a ^C before that is a byte of input).
    const busy = (s: PtySession) => terminalCooked(s) && s.processes().some((p) => p.state === 'R' && p.pgid === s.foregroundPgid());
    const line = 'n=0; while :; do n=$((n+1)); done; echo not-here';
    const jcsh = await startJcsh();
    const bash = await startBash();
    jcsh.sendLine(line);
    bash.sendLine(line);
    const steps: Step[] = [{ key: '\x03', until: busy }, 'echo $?', 'test $n -gt 0 && echo counted'];
    const [mine, theirs] = [await transcript(jcsh, steps), await transcript(bash, steps)];
    expect(mine).toEqual(theirs);
    expect(mine.slice(1)).toEqual(['130', 'counted']);
  });

  it('^C on a foreground loop ends the whole line with 130', async () => {
    const jcsh = await startJcsh();
    jcsh.sendLine('for i in 1 2; do sleep 100; done; echo not-here');
    const out = await transcript(jcsh, [{ key: '\x03', until: sleeping }, 'echo $?']);
    // The typed line is echoed; the command itself never ran.
    expect(out[0]!.split('\n')).not.toContain('not-here');
    expect(out[1]).toBe('130');
  });

  it('wait inside a loop, and $! after a compound &', async () => {
    await sameAsBash(['for i in 1 2; do sleep 0.1 & wait; done; echo waited', '{ sleep 0.1; } & p=$!; wait $p; echo "$?"']);
  });

  it('set -e does not end the shell when a job stops', async () => {
    const jcsh = await startJcsh();
    await run(jcsh, 'set -e');
    jcsh.sendLine('sleep 100');
    const out = await transcript(jcsh, [{ key: '\x1a', until: sleeping }, 'echo alive']);
    expect(out[1]).toBe('alive');
  });
});
