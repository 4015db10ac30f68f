// A pipeline that runs out of file descriptors half way (issue 11 item 5): real processes under
// a low `ulimit -n`. The limit at which a stage fails depends on how many fds Node itself holds,
// so the test lowers it until jcsh reports a failure, then checks what the failure left behind:
// one error line, no zombie, the same fds as before, and the script going on.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JCSH, tempHome } from './harness.js';

const STAGES = 12;

/** "fd -> pipe:[inode]" of an `ls -l /proc/PID/fd` listing. */
function pipes(listing: string): string[] {
  return listing.split('\n').filter((l) => l.includes('pipe:')).map((l) => l.replace(/^.* (\d+ -> )/, '$1'));
}

function runWithLimit(dir: string, limit: number) {
  const r = spawnSync('sh', ['-c', `ulimit -n ${limit}; exec "$0" "$1" script`, process.execPath, JCSH], {
    cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir },
  });
  return { status: r.status, stderr: r.stderr, read: (f: string) => fs.readFileSync(path.join(dir, f), 'utf8') };
}

describe('a pipeline that runs out of fds (issue 11 item 5)', () => {
  it('reports one line, reaps the stages that started, leaks no fd, and the script goes on', () => {
    const dir = tempHome();
    const pipeline = ['sleep 0.1', ...Array<string>(STAGES - 1).fill('cat')].join(' | ');
    fs.writeFileSync(path.join(dir, 'script'), [
      // Node opens and closes fds of its own meanwhile: ls may find one gone between listing and stat
      'ls -l /proc/$$/fd > before 2>/dev/null',
      pipeline,
      'ls -l /proc/$$/fd > after 2>/dev/null',
      // The shell's children now: only this sh.
      `sh -c 'echo $$ > me; cat /proc/$PPID/task/*/children > children'`,
      'echo went on',
      '',
    ].join('\n'));
    // Too high a limit runs the pipeline, too low one stops Node itself; the pipeline fails in a
    // narrow band just below the lowest limit that runs cleanly, and how wide the band is
    // depends on the fds Node opens by itself (more under load). Bisect for that limit, then
    // step down from it.
    const failedAt = (r: ReturnType<typeof runWithLimit>) => /^script: line 2: /m.test(r.stderr);
    const clean = (r: ReturnType<typeof runWithLimit>) => r.stderr === '' && r.status === 0;
    let failed: ReturnType<typeof runWithLimit> | undefined;
    let [low, high] = [8, 64];
    while (!failed && high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      const r = runWithLimit(dir, mid);
      if (failedAt(r)) failed = r;
      else if (clean(r)) high = mid;
      else low = mid;
    }
    for (let limit = high - 1; !failed && limit >= Math.max(8, high - 8); limit--) {
      const r = runWithLimit(dir, limit);
      if (failedAt(r)) failed = r;
    }
    expect(failed, 'no limit made a stage fail to start').toBeDefined();
    const r = failed!;
    expect(r.stderr).toMatch(/^script: line 2: (fork|pipe error): [^\n]+\n$/);
    expect(r.stderr).not.toContain('a bug in jcsh');
    // Node may open fds of its own lazily (io_uring, eventfd): compare the shell's pipes.
    expect(pipes(r.read('after'))).toEqual(pipes(r.read('before')));
    expect(r.read('children').trim()).toBe(r.read('me').trim());
    expect(r.status).toBe(0);
  });
});
