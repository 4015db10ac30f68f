// Deep nesting of the shell's own waits: a `$(…)` the shell reads holds no thread of libuv's
// pool while it waits (the pipe is waited for on the event loop), so nesting goes as deep as
// the script likes whatever the pool's size. bin/jcsh.js still widens the pool that Node
// starts with four (a terminal is still read there); the variables it sets for that never
// reach the shell's children.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { JCSH } from './harness.js';

/** `echo $(echo $(… x))`, `depth` substitutions deep. */
function nested(depth: number): string {
  let word = 'x';
  for (let i = 0; i < depth; i++) word = `$(echo ${word})`;
  return `echo ${word}`;
}

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

  it('two hundred deep finish on a pool of two threads', () => {
    const r = jcsh(nested(200), { ...process.env, UV_THREADPOOL_SIZE: '2' });
    expect(r).toMatchObject({ out: 'x\n', status: 0, timedOut: false });
  });

  it('finish when node runs the shell itself, with its pool of four', () => {
    const { UV_THREADPOOL_SIZE: _size, ...env } = process.env;
    const r = spawnSync(process.execPath, [JCSH, '-c', nested(10)], { encoding: 'utf8', timeout: 15_000, env });
    expect({ out: r.stdout, status: r.status, timedOut: r.error !== undefined }).toEqual({ out: 'x\n', status: 0, timedOut: false });
  });

  it('the pool size is not in the environment of the shell or its children; a size of the user is kept', () => {
    expect(jcsh('env | grep -c "UV_THREADPOOL_SIZE\\|JCSH_POOL"; (env | grep -c JCSH_POOL)').out).toBe('0\n0\n');
    expect(jcsh('echo "$UV_THREADPOOL_SIZE"; env | grep UV_', { ...process.env, UV_THREADPOOL_SIZE: '9' }).out).toBe('9\nUV_THREADPOOL_SIZE=9\n');
  });
});
