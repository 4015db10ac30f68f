// Strict normalizing (--compare against `jcsh --sim`): the simulator's pids are small (the
// shell is 100), so a pid may equal a status or a number typed in a command; only numbers
// where a pid stands become <pidN>.

import { describe, expect, test } from 'vitest';
import { normalizeTranscript } from '../../src/ptytest/cli/normalize.js';

const prompts = ['pty$ '];
const SIM = [
  'pty$ sleep 100 &',
  '[1] 101',
  'pty$ echo $!',
  '101',
  'pty$ kill -INT %1; wait; echo st=$?',
  '[1]+  Interrupt               sleep 100',
  'st=130',
  'pty$ /bin/ps T -o stat=,pid=,ppid=,comm=',
  'S      100     1 jcsh',
  'pty$ wait',
  'jcsh: wait: warning: job 2[130] stopped',
  'pty$ jobs -l',
  '[1]   101 Stopped (signal)        sleep 100',
].join('\n');
const PIDS = new Set([100, 101, 130]);

describe('normalizing a simulated transcript', () => {
  test('strict: numbers typed in commands and statuses stay, pids where pids stand go', () => {
    expect(normalizeTranscript(SIM, { pids: PIDS, prompts, strict: true }).split('\n')).toEqual([
      '<prompt> sleep 100 &',
      '[1] <pid1>',
      '<prompt> echo $!',
      '<pid1>',
      '<prompt> kill -INT %1; wait; echo st=$?',
      '[1]+ Interrupt sleep 100',
      'st=130',
      '<prompt> /bin/ps T -o stat=,pid=,ppid=,comm=',
      // Where a pid stands, any number is one: init's 1 too, the same on both kernels.
      'S <pid2> <pid3> jcsh',
      '<prompt> wait',
      'jcsh: wait: warning: job 2[<pid4>] stopped',
      '<prompt> jobs -l',
      '[1] <pid1> Stopped (signal) sleep 100',
    ]);
  });

  test('strict: tsh\'s job lines, also right after the echoed ^C', () => {
    const tsh = 'tsh> ./spin 40\n^CJob [1] (101) terminated by signal 2\ntsh> ./spin 5 &\n[1] (102) ./spin 5 &';
    expect(normalizeTranscript(tsh, { pids: PIDS, prompts: ['tsh> '], strict: true }).split('\n')).toEqual([
      '<prompt> ./spin 40',
      '^CJob [1] (<pid1>) terminated by signal 2',
      '<prompt> ./spin 5 &',
      '[1] (<pid2>) ./spin 5 &',
    ]);
  });

  test('not strict: any number that is a known pid is replaced (right for real pids, wrong for these)', () => {
    const loose = normalizeTranscript(SIM, { pids: PIDS, prompts }).split('\n');
    expect(loose[0]).toBe('<prompt> sleep <pid1> &');
    expect(loose[6]).toBe('st=<pid3>');
  });
});
