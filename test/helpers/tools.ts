// Programs of the machine that some tests need and a fresh machine may lack: tests ask here,
// and skip, saying why, only when the program is really not there.

import { spawnSync } from 'node:child_process';

/** Whether `program` is found on PATH (or exists, for a path with a slash). */
export function installed(program: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program], { stdio: 'ignore' }).status === 0;
}

/** "major.minor" of the bash on PATH, or null without one. */
export function bashVersion(): string | null {
  const r = spawnSync('bash', ['--norc', '-c', 'echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}"'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The bash whose messages and outputs the tests quote. */
export const REFERENCE_BASH = '5.2';

