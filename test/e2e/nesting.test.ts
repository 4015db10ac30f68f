// Deep nesting of the shell's own waits: each `$(…)` the shell reads holds a thread of libuv's
// pool while it waits, so bin/jcsh.js (and a copy of the shell, spawn.ts) widens the pool that
// Node starts with four; the variables it sets for that never reach the shell's children.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { JCSH } from './harness.js';

function jcsh(script: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(JCSH, ['-c', script], { encoding: 'utf8', timeout: 15_000, env });
  return { out: r.stdout, err: r.stderr, status: r.status, timedOut: r.error !== undefined };
}

describe('nested command substitutions', () => {
  it('eight deep, as recursion through $( ) makes them, finish', () => {
    const r = jcsh('fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 8');
    expect(r).toMatchObject({ out: '40320\n', status: 0, timedOut: false });
  });

  it('finish in a copy of the shell too (a pipeline stage, a subshell)', () => {
    const r = jcsh('f() { echo $(echo $(echo $(echo $(echo $(echo $(echo deep)))))); }; f | cat; (f)');
    expect(r).toMatchObject({ out: 'deep\ndeep\n', status: 0, timedOut: false });
  });

  it('the pool size is not in the environment of the shell or its children; a size of the user is kept', () => {
    expect(jcsh('env | grep -c "UV_THREADPOOL_SIZE\\|JCSH_POOL"; (env | grep -c JCSH_POOL)').out).toBe('0\n0\n');
    expect(jcsh('echo "$UV_THREADPOOL_SIZE"; env | grep UV_', { ...process.env, UV_THREADPOOL_SIZE: '9' }).out).toBe('9\nUV_THREADPOOL_SIZE=9\n');
  });
});
