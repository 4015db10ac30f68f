// /bin/kill is procps-ng 4's (texts from the real one, run in a pid namespace): messages carry
// argv[0] as given.

import { describe, expect, it } from 'vitest';
import { exited, run, signaled } from './run.js';

const sh = (line: string) => run(['sh', '-c', line]);

describe('/bin/kill', () => {
  it('sends TERM by default, or -SIG, -s SIG, --signal SIG, to a pid or a -pgid', async () => {
    expect((await sh("sleep 9 & /bin/kill $!; wait $!; echo $?")).out).toBe('143\n');
    expect((await sh("sleep 9 & /bin/kill -HUP $!; wait $!; echo $?")).out).toBe('129\n');
    expect((await sh("sleep 9 & /bin/kill -s KILL $!; wait $!; echo $?")).out).toBe('137\n');
    expect((await sh("sleep 9 & /bin/kill --signal 15 $!; wait $!; echo $?")).out).toBe('143\n');
    // A negative pid after -- is a process group: here the shell's, kill's own included.
    const group = await sh('/bin/kill -- -$$; echo not reached');
    expect(group.out).toBe('');
    expect(group.status).toEqual(signaled(15));
  });

  it('reports a missing process as (pid): No such process and exits 1', async () => {
    const r = await run(['/bin/kill', '99999']);
    expect(r.out).toBe('/bin/kill: (99999): No such process\n');
    expect(r.status).toEqual(exited(1));
  });

  it('lists signals with -l and -L, and converts one with -l SIG', async () => {
    expect((await run(['kill', '-l'])).out).toBe(
      'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n' +
        'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n',
    );
    expect((await run(['kill', '-L'])).out).toBe(
      ' 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS\n' +
        ' 8 FPE      9 KILL    10 USR1    11 SEGV    12 USR2    13 PIPE    14 ALRM\n' +
        '15 TERM    16 STKFLT  17 CHLD    18 CONT    19 STOP    20 TSTP    21 TTIN\n' +
        '22 TTOU    23 URG     24 XCPU    25 XFSZ    26 VTALRM  27 PROF    28 WINCH\n' +
        '29 POLL    30 PWR     31 SYS     \n',
    );
    expect((await run(['kill', '-l', '9'])).out).toBe('KILL\n');
    expect((await run(['kill', '-l', 'sigterm'])).out).toBe('15\n');
    const unknown = await run(['kill', '-l', '200']);
    expect(unknown.out).toBe('kill: unknown signal name 200\n');
    expect(unknown.status).toEqual(exited(0));
  });

  it('prints the usage for no pid and for a bad option, and refuses a pid that is not a number', async () => {
    const none = await run(['kill']);
    expect(none.out.startsWith('\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n')).toBe(true);
    expect(none.out.endsWith('For more details see kill(1).\n')).toBe(true);
    expect(none.status).toEqual(exited(1));
    const bad = await run(['kill', '-9', '1234', '-x']);
    expect(bad.out.startsWith('kill: invalid argument x\n\nUsage:\n')).toBe(true);
    const nan = await run(['kill', '-TERM', 'abc']);
    expect(nan.out).toBe("kill: failed to parse argument: 'abc'\n");
    expect(nan.status).toEqual(exited(1));
  });
});
