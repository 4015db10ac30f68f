// The simulated sh behaves and prints as dash 0.5.12 for `sh -c` lines (expected texts from
// dash on this machine; its messages start with $0, here "sh", and the line number).

import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '../../../src/os/sim/programs/index.js';
import * as sys from '../../../src/os/sim/sys.js';
import type { Program } from '../../../src/os/sim/types.js';
import { exited, run, signaled } from './run.js';

const sh = (line: string, input?: string) => run(['sh', '-c', line], { input });

describe('sh -c', () => {
  it('runs lists with ;, && and || and keeps $?', async () => {
    const r = await sh('echo a; false; echo $?; true && echo y || echo n; false && echo y || echo n');
    expect(r.out).toBe('a\n1\ny\nn\n');
  });

  it('says "not found" for a missing command, with its line, and exits 127', async () => {
    const r = await sh('echo one\nnosuch');
    expect(r.out).toBe('one\nsh: 2: nosuch: not found\n');
    expect(r.status).toEqual(exited(127));
    expect((await sh('/nonexist/x')).out).toBe('sh: 1: /nonexist/x: not found\n');
  });

  it('exits with exit N, and with 2 on a bad number', async () => {
    expect((await sh('exit 3; echo no')).status).toEqual(exited(3));
    const bad = await sh('exit foo');
    expect(bad.out).toBe('sh: 1: exit: Illegal number: foo\n');
    expect(bad.status).toEqual(exited(2));
  });

  it('redirects >, >>, < and 2>&1, with dash\'s complaints for files it cannot open', async () => {
    expect((await sh('echo hi > /tmp/o; echo again >> /tmp/o; cat < /tmp/o; nosuch 2>/tmp/e; cat /tmp/e')).out).toBe(
      'hi\nagain\nsh: 1: nosuch: not found\n',
    );
    expect((await sh('cat /tmp/nosuch 2>&1 | wc -l')).out).toBe('1\n');
    const create = await sh('echo a > /nonexist/x');
    expect(create.out).toBe('sh: 1: cannot create /nonexist/x: Directory nonexistent\n');
    expect(create.status).toEqual(exited(2));
    expect((await sh('cat < /nonexist')).out).toBe('sh: 1: cannot open /nonexist: No such file\n');
  });

  it('expands $$, $?, $!, variables and quotes as dash does', async () => {
    expect((await sh('echo $$; x=3; echo "$x" \'$x\' a\\ b')).out).toBe('101\n3 $x a b\n');
    expect((await sh('sleep 1 & echo $!')).out).toBe('102\n');
  });

  it('has dash\'s echo: -n first only, escapes always on', async () => {
    expect((await sh("echo -n hi; echo -e 'a\\tb\\c'; echo x")).out).toBe('hi-e a\tbx\n');
  });

  it('reads a line with read', async () => {
    const r = await sh('read x; echo "got $x"', 'hello world\n');
    expect(r.out).toBe('hello world\ngot hello world\n');
    expect((await sh('read')).out).toBe('sh: 1: read: arg count\n');
    // Without -r a backslash joins lines and quotes a character, as dash's read does.
    const r2 = await run(['sh', '-c', 'read x y < /tmp/rd; echo "[$x][$y]"; read -r x y < /tmp/rd; echo "[$x][$y]"'], {
      files: { '/tmp/rd': 'a\\\nb c\\d\n' },
    });
    expect(r2.out).toBe('[ab][cd]\n[a\\][]\n');
  });

  it('reports syntax errors as dash does, with status 2, before running the line', async () => {
    const r = await sh("echo 'unterminated");
    expect(r.out).toBe('sh: 1: Syntax error: Unterminated quoted string\n');
    expect(r.status).toEqual(exited(2));
    expect((await sh('echo a;;')).out).toBe('sh: 1: Syntax error: ";;" unexpected\n');
  });

  it('exec replaces the shell; a command it cannot find ends the shell with 127', async () => {
    expect((await sh('exec echo replaced; echo not reached')).out).toBe('replaced\n');
    const r = await sh('exec nosuch; echo not reached');
    expect(r.out).toBe('sh: 1: exec: nosuch: not found\n');
    expect(r.status).toEqual(exited(127));
  });

  it('reports a foreground command killed by a signal other than SIGINT, and gives 128 + N', async () => {
    expect((await sh("sh -c 'kill $$'; echo $?")).out).toBe('Terminated\n143\n');
    expect((await sh("sh -c 'kill -9 $$'; echo $?")).out).toBe('Killed\n137\n');
    expect((await sh("sh -c 'kill -INT $$'; echo $?")).out).toBe('130\n');
  });

  it('trap "" SIG ignores it; trap "cmd" SIG runs cmd at the next safe point', async () => {
    expect((await sh('trap "" INT; kill -INT $$; echo survived')).out).toBe('survived\n');
    expect((await sh('trap "echo got USR1" USR1; kill -USR1 $$; echo after')).out).toBe('got USR1\nafter\n');
  });

  it('runs a trap for a signal that came while it waited for a command only once the command is done', async () => {
    expect((await sh('trap "echo trapped" USR1; sh -c "sleep 1; kill -USR1 $$; echo child done"; echo after')).out).toBe(
      'child done\ntrapped\nafter\n',
    );
  });

  it('lists traps, and rejects a bad signal with "bad trap"', async () => {
    expect((await sh('trap "echo hi" INT TERM; trap')).out).toBe("trap -- 'echo hi' INT\ntrap -- 'echo hi' TERM\n");
    const bad = await sh('trap "" FOO; echo $?');
    expect(bad.out).toBe('trap: FOO: bad trap\n1\n');
  });

  it('kill -STOP $$ and kill -s TSTP $$ stop the shell itself', async () => {
    for (const line of ['kill -STOP $$; echo continued', 'kill -s TSTP $$; echo continued']) {
      const r = await sh(line);
      // The test runner kills a job that stops.
      expect(r.status).toEqual(signaled(9));
      expect(r.events.some((e) => e.kind === 'state' && e.who.pid === 101 && e.to === 'T')).toBe(true);
    }
  });

  it('has dash\'s kill builtin messages', async () => {
    const r = await sh('kill 99999; echo $?; kill -s FOO 1; echo $?; kill');
    expect(r.out).toBe(
      'sh: 1: kill: No such process\n\n1\nsh: 1: kill: invalid signal number or name: FOO\n2\n' +
        'sh: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n',
    );
  });

  it('has dash\'s kill -l (its own signal table, 0 first) and option errors', async () => {
    const list = (await sh('kill -l')).out.split('\n');
    expect(list.slice(0, 3)).toEqual(['0', 'HUP', 'INT']);
    expect(list[16]).toBe('16');
    expect(list[29]).toBe('IO');
    expect(list[34]).toBe('RTMIN');
    expect(list[64]).toBe('RTMAX');
    expect((await sh('kill -l 143; kill -l TERM; kill -SIGTERM 1; echo $?; kill -term 99999')).out).toBe(
      'TERM\nsh: 1: kill: Illegal number: TERM\nsh: 1: kill: Illegal option -S\n2\nsh: 1: kill: No such process\n\n',
    );
  });

  it('takes trap signal names in any case, without SIG', async () => {
    expect((await sh('trap "" int; trap "" 0; trap; trap "" SIGINT')).out).toBe("trap -- '' EXIT\ntrap -- '' INT\ntrap: SIGINT: bad trap\n");
  });

  it('gives background commands SIGINT and SIGQUIT ignored and /dev/null as standard input', async () => {
    expect((await sh('sigreport & wait')).out).toBe('ignored: Interrupt\nignored: Quit\n');
    expect((await sh('readecho -eof & wait; echo $?')).out).toBe('-eof\n0\n');
  });

  it('runs compound commands: ( ), { }, if/elif/else, while, until, for, break and continue', async () => {
    expect((await sh('echo a | (cat); (echo sub; exit 3); echo $?')).out).toBe('a\nsub\n3\n');
    expect((await sh('{ echo g1; echo g2; } > /tmp/g; cat /tmp/g')).out).toBe('g1\ng2\n');
    expect((await sh('if false; then echo yes; elif true; then echo elif; else echo else; fi')).out).toBe('elif\n');
    expect((await sh('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).out).toBe('0\n1\n2\n');
    expect((await sh('i=0; while true; do i=$((i+1)); if [ $i = 3 ]; then break; fi; done; echo $i')).out).toBe('3\n');
    expect((await sh('for x in a b c; do if [ $x = b ]; then continue; fi; echo $x; done; until false; do echo once; break; done')).out).toBe(
      'a\nc\nonce\n',
    );
    expect((await sh('for i in 1 2; do for j in a b; do echo $i$j; continue 2; done; done')).out).toBe('1a\n2a\n');
    expect((await sh('( trap "echo sub-exit" EXIT; echo in ); echo out')).out).toBe('in\nsub-exit\nout\n');
  });

  it('reports syntax errors in compound commands as dash does', async () => {
    expect((await sh('fi')).out).toBe('sh: 1: Syntax error: "fi" unexpected\n');
    expect((await sh('if true; then')).out).toBe('sh: 1: Syntax error: end of file unexpected (expecting "fi")\n');
    expect((await sh('if true; echo x; fi')).out).toBe('sh: 1: Syntax error: "fi" unexpected (expecting "then")\n');
    expect((await sh('{ echo a }')).out).toBe('sh: 1: Syntax error: end of file unexpected (expecting "}")\n');
  });

  it('expands arithmetic, and an arithmetic error ends the shell with 2', async () => {
    expect((await sh('x=5; echo $((1+1)) $((2*(3+4))) $((-7%3)) $((1<2)) $(( x * 2 + $x )) $((010)) $((0x10)) "$((3+4))"x')).out).toBe(
      '2 14 -1 1 15 8 16 7x\n',
    );
    const bad = await sh('echo $((1/0)); echo not');
    expect(bad.out).toBe('sh: 1: arithmetic expression: division by zero: "1/0"\n');
    expect(bad.status).toEqual(exited(2));
  });

  it('expands ${x:-word}, ${x=word}, ${#x} and ${x:?}, and arithmetic assignments, as dash does', async () => {
    expect((await sh('echo ${x:-default} ${#x} ${y=set} $y ${y:+alt}; x=1; x=$((x+1)); echo $x; : $((x=5)); echo $x')).out).toBe(
      'default 0 set set alt\n2\n5\n',
    );
    const unset = await sh('echo ${nope:?}; echo not');
    expect(unset.out).toBe('sh: 1: nope: parameter not set or null\n');
    expect(unset.status).toEqual(exited(2));
  });

  it('has test and [ with -a, -o and !, and set -- for positional parameters', async () => {
    expect((await sh('test 1 -lt 2 -a 2 -lt 3; echo $?; [ ! -n "" -o x = y ]; echo $?; [ 1 -eq x ]; echo $?; [ a ; echo $?; set -- a b; echo $# $2')).out).toBe(
      '0\n0\nsh: 1: [: Illegal number: x\n2\nsh: 1: [: missing ]\n2\n2 b\n',
    );
  });

  it('defines and calls functions, with return, and runs case with glob patterns, as dash does', async () => {
    expect((await sh('f() { echo in $1 $#; return 4; echo no; }; f a b; echo st=$? $#; g () { f "$@"; }; g x; echo $?')).out).toBe(
      'in a 2\nst=4 0\nin x 1\n4\n',
    );
    expect((await sh('f() { for i in 1 2 3; do if [ $i = 2 ]; then return 7; fi; echo $i; done; }; f; echo $?; return 3; echo x')).out).toBe(
      '1\n7\n',
    );
    expect((await sh('return 3; echo x')).status).toEqual(exited(3));
    expect((await sh('case abc in a*) echo A;; *) echo other;; esac; case x in (y|x) echo yx ;; esac; case z in y) echo no; esac; echo $?')).out).toBe(
      'A\nyx\n0\n',
    );
    expect((await sh('x=hello; case $x in h?llo) echo q;; esac; case \'*\' in "*") echo star;; esac; case b in [a-c]) echo range;; esac')).out).toBe(
      'q\nstar\nrange\n',
    );
    expect((await sh('case')).out).toBe('sh: 1: Syntax error: end of file unexpected (expecting word)\n');
  });

  it('has dash\'s printf builtin, with its messages, and \\c printed as it is in the format', async () => {
    expect((await sh('printf; echo " rc=$?"; printf "%d\\n" x; echo "rc=$?"; printf "%s-%s\\n" a b c; printf "%z"; echo rc=$?')).out).toBe(
      'sh: 1: printf: usage: printf format [arg ...]\n rc=2\nsh: 1: printf: x: expected numeric value\n0\nrc=1\na-b\nc-\nsh: 1: printf: %z: invalid directive\nrc=2\n',
    );
    expect((await sh("printf 'x\\cy'; echo; printf '%*d|\\n' 6 42")).out).toBe('x\\cy\n    42|\n');
  });

  it('runs pipelines', async () => {
    expect((await sh('echo a b c | wc -w; echo x | cat | cat')).out).toBe('3\nx\n');
  });
});

/** Runs `sh -c line` in a group of its own and sends SIGINT to the group after 300 ms, as ^C would. */
function interrupted(line: string): Program {
  return function* () {
    const pid = yield* sys.fork(function* () {
      yield* sys.setpgid(0, 0);
      yield* sys.execve('/bin/sh', ['sh', '-c', line]);
      return 127;
    });
    if (pid instanceof sys.SysError) return 1;
    yield* sys.setpgid(pid, pid);
    yield* sys.sleep(300);
    yield* sys.kill(-pid, 2);
    const r = yield* sys.waitpid(pid);
    if (!(r instanceof sys.SysError) && r !== 0) yield* sys.write(1, `${JSON.stringify(r.status)}\n`);
    return 0;
  };
}

describe('sh -c and SIGINT, as dash (checked with a real dash and killpg)', () => {
  const ctrlC = (line: string) => run(['/bin/intr'], { programs: new Map([...PROGRAMS, ['/bin/intr', interrupted(line)]]) });

  it('dies of SIGINT once the foreground command has died of it', async () => {
    expect((await ctrlC('sleep 1; echo after')).out).toBe('{"kind":"signaled","signal":2,"coreDumped":false}\n');
  });

  it('survives with trap "" INT, and so does its child, which inherits the ignored signal', async () => {
    expect((await ctrlC('trap "" INT; sleep 1; echo survived')).out).toBe('survived\n{"kind":"exited","code":0}\n');
  });

  it('dies of SIGINT after a foreground child that caught it and finished normally', async () => {
    const r = await ctrlC(`sh -c 'trap "echo inner" INT; sleep 1; echo inner done'; echo outer after`);
    expect(r.out).toBe('inner\ninner done\n{"kind":"signaled","signal":2,"coreDumped":false}\n');
  });
});
