// psStates reads the `ps` listings of a trace transcript: zombies a shell should have reaped
// count, orphans left to init do not, and a listing in which ps did not run is an error.

import { describe, expect, test } from 'vitest';
import { psStates } from './trace-support.js';

const PS_LINE = 'pty$ /bin/ps T -o stat=,pid=,ppid=,comm=';

function transcript(...rows: string[]): string {
  return [PS_LINE, ...rows, 'pty$ '].join('\n');
}

describe('psStates', () => {
  test('lists the states of live processes', () => {
    const t = transcript('Ss     100     1 bash', 'T      200   100 split', 'T      201   200 split', 'R+     300   100 ps');
    expect(psStates(t, 'split')).toEqual([['T', 'T']]);
  });

  test('a zombie whose parent is in the terminal was not reaped: it shows as Z', () => {
    const t = transcript('Ss     100     1 jcsh', 'Z      200   100 split', 'R+     300   100 ps');
    expect(psStates(t, 'split')).toEqual([['Z']]);
  });

  test('a zombie handed to init (parent outside the terminal) is left out', () => {
    const t = transcript('Ss     100     1 jcsh', 'Z      201     1 split', 'R+     300   100 ps');
    expect(psStates(t, 'split')).toEqual([[]]);
  });

  test('a listing without ps itself (ps did not run) is an error, not an empty list', () => {
    expect(() => psStates(transcript('bash: /bin/ps: No such file or directory'), 'split')).toThrow(/no ps listing/);
  });
});
