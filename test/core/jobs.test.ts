// jobs: what it lists, what listing does to finished jobs, and its errors (B01, B02, B05, B07,
// I04).

import { describe, expect, it } from 'vitest';
import { jobsBuiltin } from '../../src/core/builtins/jobs.js';
import { exited, stopped } from '../../src/os/status.js';
import { addJob, fakeShell, runIn } from './fakeport.js';

function threeJobs() {
  const { shell, port } = fakeShell();
  addJob(shell, [300], ['sleep 300']);
  addJob(shell, [350], ['sleep 350']);
  addJob(shell, [400], ['sleep 400']);
  return { shell, port };
}

describe('jobs', () => {
  it('lists every job with its marks (B01)', async () => {
    const { shell } = threeJobs();
    expect(await runIn(shell, jobsBuiltin, 'jobs')).toEqual({
      status: 0, err: '',
      out: '[1]   Running                 sleep 300 &\n[2]-  Running                 sleep 350 &\n[3]+  Running                 sleep 400 &\n',
    });
    expect((await runIn(shell, jobsBuiltin, 'jobs', '%+')).out).toBe('[3]+  Running                 sleep 400 &\n');
    expect((await runIn(shell, jobsBuiltin, 'jobs', '%-')).out).toBe('[2]-  Running                 sleep 350 &\n');
  });

  it('-r and -s filter by state; a stop seen by reaping makes the job current (B02)', async () => {
    const { shell, port } = threeJobs();
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-s')).out).toBe('');
    port.change(350, stopped(19));
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-s')).out).toBe('[2]+  Stopped                 sleep 350\n');
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-r')).out).toBe(
      '[1]   Running                 sleep 300 &\n[3]-  Running                 sleep 400 &\n',
    );
  });

  it('-l adds pids, -p prints only the group leaders (B05)', async () => {
    const { shell } = fakeShell();
    addJob(shell, [4100, 4101], ['sleep 60', 'cat']);
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-p', '%+')).out).toBe('4100\n');
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-l')).out).toBe(
      '[1]+  4100 Running                 sleep 60\n      4101                       | cat &\n',
    );
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-lp')).out).toBe('4100\n');
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-pl')).out).toContain('Running');
  });

  it('shows a finished job once, then forgets it (B07)', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [500], ['sleep 0.1']);
    port.change(500, exited(0));
    expect((await runIn(shell, jobsBuiltin, 'jobs')).out).toBe('[1]+  Done                    sleep 0.1\n');
    expect(shell.control.jobs.size).toBe(0);
    expect(await runIn(shell, jobsBuiltin, 'jobs')).toEqual({ status: 0, out: '', err: '' });
  });

  it('-p does not count as telling the user', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [500], ['false']);
    port.change(500, exited(1));
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-p')).out).toBe('500\n');
    expect((await runIn(shell, jobsBuiltin, 'jobs')).out).toBe('[1]+  Exit 1                  false\n');
  });

  it('-n lists only jobs not reported yet', async () => {
    const { shell } = threeJobs();
    await runIn(shell, jobsBuiltin, 'jobs', '%2');
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-n')).out).toBe(
      '[1]   Running                 sleep 300 &\n[3]+  Running                 sleep 400 &\n',
    );
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-n')).out).toBe('');
  });

  it('names jobs by %n, %?text and bare words; missing and ambiguous ones fail (B07, I04)', async () => {
    const { shell } = threeJobs();
    expect((await runIn(shell, jobsBuiltin, 'jobs', '%1', '%?400')).out).toBe(
      '[1]   Running                 sleep 300 &\n[3]+  Running                 sleep 400 &\n',
    );
    expect(await runIn(shell, jobsBuiltin, 'jobs', '%100')).toEqual({ status: 1, out: '', err: 'jcsh: jobs: %100: no such job\n' });
    expect(await runIn(shell, jobsBuiltin, 'jobs', '%sl')).toEqual({
      status: 1, out: '', err: 'jcsh: jobs: sl: ambiguous job spec\njcsh: jobs: %sl: no such job\n',
    });
  });

  it('rejects unknown options with the usage line', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, jobsBuiltin, 'jobs', '-q')).toEqual({
      status: 2, out: '',
      err: 'jcsh: jobs: -q: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n',
    });
    expect(await runIn(shell, jobsBuiltin, 'jobs', '-l', '-x', 'echo')).toEqual({
      status: 1, out: '', err: "jcsh: jobs: no other options allowed with `-x'\n",
    });
    expect((await runIn(shell, jobsBuiltin, 'jobs', '-x')).status).toBe(0);
  });
});
