// kill: signal names and numbers as bash reads and lists them, its exact error messages
// (scenarios I03, G08), and what it does to jobs (rule B10.6).

import { describe, expect, it } from 'vitest';
import { killBuiltin } from '../../src/core/builtins/kill.js';
import { decodeSignal, signalTable } from '../../src/core/builtins/lib/signames.js';
import { stopped } from '../../src/os/status.js';
import { addJob, fakeShell, runIn } from './fakeport.js';

const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

const kill = async (...argv: string[]) => runIn(fakeShell().shell, killBuiltin, 'kill', ...argv);

describe('kill -l', () => {
  it('lists every signal in five tab-separated columns, as bash does', () => {
    const lines = signalTable().split('\n');
    expect(lines[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(lines[6]).toBe('31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3');
    expect(lines[9]).toBe('48) SIGRTMIN+14\t49) SIGRTMIN+15\t50) SIGRTMAX-14\t51) SIGRTMAX-13\t52) SIGRTMAX-12');
    expect(lines.slice(-2)).toEqual(['63) SIGRTMAX-1\t64) SIGRTMAX\t', '']);
    expect(lines).toHaveLength(14);
  });

  it('converts exit statuses and numbers to names (G08)', async () => {
    const r = await kill('-l', '130', '148', '147', '149', '150', '143', '137', '131', '129');
    expect(r).toEqual({ status: 0, out: 'INT\nTSTP\nSTOP\nTTIN\nTTOU\nTERM\nKILL\nQUIT\nHUP\n', err: '' });
    expect((await kill('-L', '0', '64', '32', '160')).out).toBe('EXIT\nRTMAX\n');
  });

  it('converts names to numbers, in any case, with or without SIG', async () => {
    expect((await kill('-l', 'INT', 'sigterm', 'Hup', 'EXIT', 'rtmin+3', 'SIGRTMAX-2')).out).toBe('2\n15\n1\n0\n37\n62\n');
  });

  it('refuses what bash does not know, and says which', async () => {
    expect(await kill('-l', '128', 'IOT', '9', '200')).toEqual({
      status: 1, out: 'KILL\n',
      err: 'jcsh: kill: 128: invalid signal specification\njcsh: kill: IOT: invalid signal specification\n'
        + 'jcsh: kill: 200: invalid signal specification\n',
    });
  });

  it('decodes specs like bash decode_signal', () => {
    expect([decodeSignal('9'), decodeSignal(' 9 '), decodeSignal('kill'), decodeSignal('SIGCHLD')]).toEqual([9, 9, 9, 17]);
    expect([decodeSignal('65'), decodeSignal('CLD'), decodeSignal('POLL'), decodeSignal('SIG'), decodeSignal('')]).toEqual([
      undefined, undefined, undefined, undefined, undefined,
    ]);
    expect([decodeSignal('RTMIN+30'), decodeSignal('RTMIN+31'), decodeSignal('sigrtmin')]).toEqual([64, undefined, 34]);
  });
});

describe('kill errors (I03)', () => {
  it('no operands: the usage line, status 2', async () => {
    expect(await kill()).toEqual({ status: 2, out: '', err: USAGE });
    expect(await kill('-s', 'TERM')).toEqual({ status: 2, out: '', err: USAGE });
    expect(await kill('-n', '9')).toEqual({ status: 2, out: '', err: USAGE });
  });

  it('bad signals, bad operands, missing jobs', async () => {
    expect(await kill('-FOO', '1')).toEqual({ status: 1, out: '', err: 'jcsh: kill: FOO: invalid signal specification\n' });
    expect(await kill('-99', '%1')).toEqual({ status: 1, out: '', err: 'jcsh: kill: 99: invalid signal specification\n' });
    expect(await kill('%9')).toEqual({ status: 1, out: '', err: 'jcsh: kill: %9: no such job\n' });
    expect(await kill('abc')).toEqual({ status: 1, out: '', err: 'jcsh: kill: abc: arguments must be process or job IDs\n' });
    expect(await kill('')).toEqual({ status: 1, out: '', err: "jcsh: kill: `': not a pid or valid job spec\n" });
    expect(await kill('-s')).toEqual({ status: 1, out: '', err: 'jcsh: kill: -s: option requires an argument\n' });
  });

  it('reports a pid the kernel does not know with its errno text', async () => {
    const { shell, port } = fakeShell();
    port.gone.add(99999999).add(-99999999);
    expect(await runIn(shell, killBuiltin, 'kill', '99999999')).toEqual({
      status: 1, out: '', err: 'jcsh: kill: (99999999) - No such process\n',
    });
    expect((await runIn(shell, killBuiltin, 'kill', '--', '-99999999')).err).toBe('jcsh: kill: (-99999999) - No such process\n');
  });

  it('succeeds when any operand was signalled', async () => {
    const { shell, port } = fakeShell();
    port.gone.add(5);
    const r = await runIn(shell, killBuiltin, 'kill', '-0', '5', '6', 'x');
    expect(r.status).toBe(0);
    expect(port.sent).toEqual([{ pid: 6, signal: 0 }]);
  });
});

describe('kill on pids and jobs', () => {
  it('takes -s NAME, -n NUM, -sNAME, -nNUM, -NAME and -NUM; only the first -N is a signal', async () => {
    const { shell, port } = fakeShell();
    for (const argv of [['-s', 'hup', '10'], ['-n', '9', '10'], ['-sUSR1', '10'], ['-n2', '10'], ['-SIGQUIT', '10'], ['-15', '-20']]) {
      await runIn(shell, killBuiltin, 'kill', ...argv);
    }
    expect(port.sent).toEqual([
      { pid: 10, signal: 1 }, { pid: 10, signal: 9 }, { pid: 10, signal: 10 },
      { pid: 10, signal: 2 }, { pid: 10, signal: 3 }, { pid: -20, signal: 15 },
    ]);
  });

  it('a job spec signals the process group; TERM to a stopped job also continues it (G02)', async () => {
    const { shell, port } = fakeShell();
    const job = addJob(shell, [300, 301], ['sleep 30', 'cat']);
    job.record(300, stopped(20));
    job.record(301, stopped(20));
    job.notified = true;
    expect((await runIn(shell, killBuiltin, 'kill', '%1')).status).toBe(0);
    expect(port.sent).toEqual([{ pid: -300, signal: 15 }, { pid: -300, signal: 18 }]);
    // bash shows the Stopped line once more before the job's end.
    expect(job.notified).toBe(false);
  });

  it('another signal to a stopped job stays pending; CONT resumes it as bg would, quietly', async () => {
    const { shell, port } = fakeShell();
    const job = addJob(shell, [300], ['sleep 30']);
    job.record(300, stopped(19));
    await runIn(shell, killBuiltin, 'kill', '-INT', '%1');
    expect(port.sent).toEqual([{ pid: -300, signal: 2 }]);
    expect(job.state).toBe('stopped');
    await runIn(shell, killBuiltin, 'kill', '-s', 'CONT', '%%');
    expect(job.state).toBe('running');
    expect(job.notified).toBe(true);
  });

  it('kill -- -PGID of a stopped job is handled like its job spec', async () => {
    const { shell, port } = fakeShell();
    const job = addJob(shell, [300], ['sleep 30']);
    job.record(300, stopped(20));
    await runIn(shell, killBuiltin, 'kill', '-HUP', '-300');
    expect(port.sent).toEqual([{ pid: -300, signal: 1 }, { pid: -300, signal: 18 }]);
  });

  it('a job whose group is gone is reported by its group id', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [300], ['sleep 30']);
    port.gone.add(-300);
    expect((await runIn(shell, killBuiltin, 'kill', '%1')).err).toBe('jcsh: kill: (300) - No such process\n');
  });
});
