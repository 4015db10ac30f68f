// The simulated ps prints procps-ng 4's columns, headers and STAT letters (checked against the
// real ps in a pty: `ps j`, `ps -o pid,ppid,pgid,sid,tpgid,stat,comm`, `ps -o pid,stat,cmd`,
// `--ppid`, `-C`). The runner of these tests is pid 100 ("runner"), the program pid 101.

import { describe, expect, it } from 'vitest';
import * as sys from '../../../src/os/sim/sys.js';
import type { Program } from '../../../src/os/sim/types.js';
import { PROGRAMS } from '../../../src/os/sim/programs/index.js';
import { exited, run } from './run.js';

const sh = (line: string) => run(['/bin/sh', '-c', line]);

describe('ps', () => {
  it('ps j: PPID PID PGID SID TTY TPGID STAT UID TIME COMMAND, s for the leader, + for the foreground', async () => {
    const r = await run(['/bin/ps', 'j']);
    expect(r.out).toBe(
      ' PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND\n' +
        '    1   100   100   100 pts/0      101 Ss       0   0:00 runner\n' +
        '  100   101   101   100 pts/0      101 R+       0   0:00 /bin/ps j\n',
    );
    expect(r.status).toEqual(exited(0));
  });

  it('plain ps: PID TTY TIME CMD for the processes of its terminal', async () => {
    expect((await run(['ps'])).out).toBe('  PID TTY          TIME CMD\n  100 pts/0    00:00:00 runner\n  101 pts/0    00:00:00 ps\n');
  });

  it('ps x: PID TTY STAT TIME COMMAND, processes without a terminal too', async () => {
    expect((await run(['ps', 'x'])).out).toBe(
      '  PID TTY      STAT   TIME COMMAND\n    1 ?        Ss     0:00 init\n  100 pts/0    Ss     0:00 runner\n  101 pts/0    R+     0:00 ps x\n',
    );
  });

  it('ps -f and ps aux: procps\'s full and user formats (no start times, CPU or memory to show: boot, 0)', async () => {
    expect((await run(['ps', '-f'])).out).toBe(
      'UID        PID  PPID  C STIME TTY          TIME CMD\n' +
        'root       100     1  0 00:00 pts/0    00:00:00 runner\n' +
        'root       101   100  0 00:00 pts/0    00:00:00 ps -f\n',
    );
    expect((await run(['ps', 'aux'])).out).toBe(
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root         1  0.0  0.0      0     0 ?        Ss   00:00   0:00 init\n' +
        'root       100  0.0  0.0      0     0 pts/0    Ss   00:00   0:00 runner\n' +
        'root       101  0.0  0.0      0     0 pts/0    R+   00:00   0:00 ps aux\n',
    );
  });

  it('-o pid,ppid,pgid,sid,tpgid,stat,comm', async () => {
    expect((await sh('ps -o pid,ppid,pgid,sid,tpgid,stat,comm')).out).toBe(
      '  PID  PPID  PGID   SID TPGID STAT COMMAND\n' +
        '  100     1   100   100   101 Ss   runner\n' +
        '  101   100   101   100   101 S+   sh\n' +
        '  102   101   101   100   101 R+   ps\n',
    );
  });

  it('-o pid,ppid,stat,cmd --ppid N and -o pid,pgid -C NAME select by parent and by name', async () => {
    expect((await sh('sleep 5 & ps -o pid,ppid,stat,cmd --ppid $$')).out).toBe(
      '  PID  PPID STAT CMD\n  102   101 S+   sleep 5\n  103   101 R+   ps -o pid,ppid,stat,cmd --ppid 101\n',
    );
    expect((await sh('sleep 5 & ps -o pid,pgid -C sleep')).out).toBe('  PID  PGID\n  102   101\n');
  });

  it('ps T selects the processes of its terminal; empty headers (stat=) leave out the header line, as in the shell lab traces', async () => {
    expect((await sh('sleep 5 & ps T -o stat=,pid=,ppid=,comm=')).out).toBe(
      'Ss     100     1 runner\nS+     101   100 sh\nS+     102   101 sleep\nR+     103   101 ps\n',
    );
    expect((await sh('ps t pts/0 -o pid,tty; ps -t /dev/pts/0 -o pid=')).out).toBe(
      '  PID TT\n  100 pts/0\n  101 pts/0\n  102 pts/0\n  100\n  101\n  103\n',
    );
  });

  it('cuts lines at the terminal width, but not into a pipe', async () => {
    const long = `ps -o pid,args; echo ${'x'.repeat(80)} >/dev/null`;
    const tty = (await sh(long)).out.split('\n');
    expect(tty[2]).toBe(`  101 /bin/sh -c ${long}`.slice(0, 80));
    const piped = (await sh(`ps -o pid,args | cat; echo ${'x'.repeat(80)} >/dev/null`)).out.split('\n');
    expect(piped[2]!.length).toBeGreaterThan(100);
  });

  it('cuts lines at $COLUMNS, even into a pipe, as procps does', async () => {
    const lines = (await sh('COLUMNS=30 ps -o pid,args | cat')).out.split('\n');
    expect(lines[2]).toBe('  101 /bin/sh -c COLUMNS=30 ps');
  });

  it('shows a zombie as Z with its name in brackets and <defunct>', async () => {
    const parent: Program = function* () {
      yield* sys.fork(function* () {
        return 0;
      });
      yield* sys.sleep(1000);
      yield* sys.execve('/bin/ps', ['ps', '-o', 'pid,stat,comm,args']);
      return 127;
    };
    const r = await run(['/bin/leaver'], { programs: new Map([...PROGRAMS, ['/bin/leaver', parent]]) });
    expect(r.out).toBe(
      '  PID STAT COMMAND         COMMAND\n' +
        '  100 Ss   runner          runner\n' +
        '  101 R+   ps              ps -o pid,stat,comm,args\n' +
        '  102 Z+   leaver          [leaver] <defunct>\n',
    );
  });

  it('prints procps errors with its usage and exits 1; an empty selection prints the header and exits 1', async () => {
    const bad = await run(['ps', '-o', 'foo']);
    expect(bad.out).toBe(
      'error: unknown user-defined format specifier "foo"\n\nUsage:\n ps [options]\n\n' +
        " Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\n" +
        'For more details see ps(1).\n',
    );
    expect(bad.status).toEqual(exited(1));
    const none = await run(['ps', '--ppid', '999']);
    expect(none.out).toBe('  PID TTY          TIME CMD\n');
    expect(none.status).toEqual(exited(1));
  });
});
