// The textbook examples: each tells in plain sentences what happens to which pid. The runner
// is pid 100 and the example pid 101, so its children are 102 and up.

import { describe, expect, it } from 'vitest';
import { exited, lastTime, run } from './run.js';

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('textbook examples', () => {
  it('zombie: the child stays a zombie while the parent sleeps without waiting', async () => {
    const r = await run(['zombie', '5']);
    expect(lines(r.out)).toEqual([
      'parent 101: forked child 102',
      'child 102: exiting with status 0',
      'parent 101: child 102 has exited but nobody has waited for it: it is a zombie (state Z, <defunct> in ps)',
      'parent 101: sleeping 5 s without calling wait',
      'parent 101: exiting without waiting; init adopts zombie 102 and reaps it',
    ]);
    expect(lastTime(r)).toBeGreaterThanOrEqual(5000);
    expect(r.events.some((e) => e.kind === 'reaped' && e.who.pid === 102 && e.by === 1)).toBe(true);
  });

  it('reaper: one SIGCHLD handler call reaps every child that exited while SIGCHLD was blocked', async () => {
    const r = await run(['reaper']);
    expect(lines(r.out)).toEqual([
      'parent 101: forked children 102, 103, 104 with SIGCHLD blocked; they all exit 1 s from now',
      'parent 101: all 3 have exited: 3 SIGCHLDs sent, one SIGCHLD pending',
      'parent 101: unblocking SIGCHLD',
      'parent 101: SIGCHLD handler, call 1',
      'parent 101:   reaped child 102 (exit status 1)',
      'parent 101:   reaped child 103 (exit status 2)',
      'parent 101:   reaped child 104 (exit status 3)',
      'parent 101:   waitpid(-1, WNOHANG) = -1 (ECHILD): no children left',
      'parent 101: 3 children reaped in 1 handler call',
    ]);
  });

  it('ignchld: with SIGCHLD ignored there are no zombies and wait fails with ECHILD', async () => {
    expect(lines((await run(['ignchld'])).out)).toEqual([
      'parent 101: SIGCHLD is set to SIG_IGN',
      'parent 101: forked children 102 and 103; both exit at once',
      'parent 101: 1 s later, neither child is in the process table: no zombies',
      'parent 101: wait() failed with ECHILD (No child processes)',
    ]);
  });

  it('orphan: the child sees its parent, then init', async () => {
    expect(lines((await run(['orphan'])).out)).toEqual([
      'child 102: my parent is 101',
      'parent 101: exiting before child 102',
      'child 102: my parent is now 1: init adopted me and will reap me',
    ]);
  });

  it('doublefork: the parent reaps the child at once; the grandchild belongs to init', async () => {
    expect(lines((await run(['doublefork'])).out)).toEqual([
      'child 102: forked grandchild 103, exiting',
      'parent 101: reaped child 102 at once',
      'grandchild 103: my parent is now 1 (init): nobody has to wait for me',
      'parent 101: exiting',
    ]);
  });

  it('waitstatus: exit 3, SIGTERM, SIGQUIT, stop and continue, decoded with the wait macros (W5.6)', async () => {
    const r = await run(['waitstatus']);
    expect(lines(r.out)).toEqual([
      'child 102 called exit(3): status 0x0300',
      '    WIFEXITED=1 WEXITSTATUS=3 WIFSIGNALED=0 WIFSTOPPED=0 WIFCONTINUED=0',
      'child 103 was killed by SIGTERM: status 0x000f',
      '    WIFEXITED=0 WIFSIGNALED=1 WTERMSIG=15 WCOREDUMP=0 WIFSTOPPED=0 WIFCONTINUED=0',
      'child 104 died of SIGQUIT (core dumped if core dumps are allowed): status 0x0003',
      '    WIFEXITED=0 WIFSIGNALED=1 WTERMSIG=3 WCOREDUMP=0 WIFSTOPPED=0 WIFCONTINUED=0',
      'child 105 was stopped by SIGSTOP (WUNTRACED): status 0x137f',
      '    WIFEXITED=0 WIFSIGNALED=0 WIFSTOPPED=1 WSTOPSIG=19 WIFCONTINUED=0',
      'child 105 was continued by SIGCONT (WCONTINUED): status 0xffff',
      '    WIFEXITED=0 WIFSIGNALED=0 WIFSTOPPED=0 WIFCONTINUED=1',
      'child 105 then exited 0: status 0x0000',
      '    WIFEXITED=1 WEXITSTATUS=0 WIFSIGNALED=0 WIFSTOPPED=0 WIFCONTINUED=0',
    ]);
    expect(r.status).toEqual(exited(0));
  });

  it('orphanpgrp: the stopped child of an orphaned group gets SIGHUP and SIGCONT (O7.1b, S7-c)', async () => {
    const r = await run(['orphanpgrp']);
    expect(lines(r.out)).toEqual([
      'child 102: in my own group 102, stopping myself with SIGSTOP',
      'parent 101: child 102 is stopped',
      'parent 101: exiting: group 102 loses its last link to the session and becomes orphaned',
      // Linux runs the SIGCONT handler first (checked with a C version of this program).
      'child 102: caught SIGCONT',
      'child 102: caught SIGHUP',
      'child 102: running again; my parent is now 1',
    ]);
  });

  it('execdemo: pid, group, fds, ignored and blocked signals survive exec; a caught one goes back to default', async () => {
    const r = await run(['execdemo']);
    expect(lines(r.out)).toEqual([
      'parent 101: forked child 102',
      'before exec: pid 102, process group 101, fd 3 open',
      'before exec: ignored: SIGINT; caught: SIGTERM; blocked: SIGUSR2',
      'after exec: pid 102 (the same), process group 101 (the same)',
      'after exec: fd 3 is still open: this line went through it',
      'after exec: ignored: SIGINT',
      "after exec: caught: none (SIGTERM's handler is gone: back to default)",
      'after exec: blocked: SIGUSR2',
    ]);
  });
});
