// Modes (-c, FILE, stdin, --help, --version), bad input, and the line editor.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JCSH, outputOf, run, startJcsh, tempHome } from './harness.js';

function jcsh(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [JCSH, ...args], { encoding: 'utf8', input: input ?? '', env: { PATH: process.env.PATH ?? '', HOME: tempHome() } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('non-interactive modes', () => {
  it('-c runs commands with positional parameters', () => {
    expect(jcsh(['-c', 'echo $0 $1 $#; exit 3', 'name', 'a', 'b'])).toEqual({ status: 3, stdout: 'name a 2\n', stderr: '' });
  });

  it('a script file gets its arguments and reports errors with the line number', () => {
    const dir = tempHome();
    const file = path.join(dir, 's.sh');
    fs.writeFileSync(file, '#!/bin/jcsh\necho "$1-$2"\nnosuchcommand\necho $?\n');
    const r = jcsh([file, 'x', 'y']);
    expect(r.stdout).toBe('x-y\n127\n');
    expect(r.stderr).toBe(`${file}: line 3: nosuchcommand: command not found\n`);
  });

  it('commands on stdin run as a script', () => {
    expect(jcsh([], 'echo from-stdin | cat\n').stdout).toBe('from-stdin\n');
  });

  it('a syntax error is bash\'s message and line, status 2, and nothing of its line runs', () => {
    const r = jcsh(['-c', 'echo should-not-run; echo a |; echo b']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("jcsh: -c: line 1: syntax error near unexpected token `;'\njcsh: -c: line 1: `echo should-not-run; echo a |; echo b'\n");
  });

  it('parses as it runs: the lines before a syntax error run, then status 2 (XCU 2.10)', () => {
    const r = jcsh(['-c', 'echo one\necho two\nif then fi\necho never']);
    expect(r).toMatchObject({ status: 2, stdout: 'one\ntwo\n' });
    expect(r.stderr).toBe("jcsh: -c: line 3: syntax error near unexpected token `then'\njcsh: -c: line 3: `if then fi'\n");
  });

  it('missing script, directory, not executable: clear errors and bash statuses', () => {
    expect(jcsh(['/nonexistent/script'])).toMatchObject({ status: 127, stderr: 'jcsh: /nonexistent/script: No such file or directory\n' });
    const dir = tempHome();
    const noexec = path.join(dir, 'noexec');
    fs.writeFileSync(noexec, 'echo hi\n', { mode: 0o644 });
    expect(jcsh(['-c', `${dir}; echo $?`]).stdout).toBe('126\n');
    expect(jcsh(['-c', `${dir}`]).stderr).toBe(`jcsh: line 1: ${dir}: Is a directory\n`);
    expect(jcsh(['-c', `${noexec}`])).toMatchObject({ status: 126, stderr: `jcsh: line 1: ${noexec}: Permission denied\n` });
  });

  it('a file without #! is run by a POSIX shell (ENOEXEC)', () => {
    const dir = tempHome();
    const file = path.join(dir, 'plain');
    fs.writeFileSync(file, 'echo ran-plain\n', { mode: 0o755 });
    expect(jcsh(['-c', file]).stdout).toBe('ran-plain\n');
  });

  it('--help, --version and a bad option', () => {
    expect(jcsh(['--help']).stdout).toContain('Usage: jcsh');
    expect(jcsh(['--version']).stdout).toMatch(/^jcsh \d+\.\d+\.\d+\n$/);
    expect(jcsh(['--bogus'])).toMatchObject({ status: 2, stderr: expect.stringContaining('jcsh: --bogus: invalid option') });
  });

  it('expansions, redirections and pipelines', () => {
    const dir = tempHome();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'A\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'B\n');
    const script = [
      `cd ${dir}`,
      'X=world; echo "hello $X" ${UNSET:-dflt} \'$X\'',
      'echo *.txt',
      'echo nomatch*',
      'cat < a.txt > out.txt; cat b.txt >> out.txt; cat out.txt',
      'ls nosuchfile 2>/dev/null || echo ls-failed',
      'echo to-stderr 1>&2 2>/dev/null',
      'echo $(echo sub $(echo nested))',
      'A=1 sh -c \'echo $A\'',
      'echo "$(printf "%s\\n" x y)"',
      'false && echo no || echo yes',
      '! true; echo $?',
      'echo ~ | grep -c /',
    ].join('\n');
    const r = jcsh(['-c', script]);
    expect(r.stdout).toBe([
      'hello world dflt $X', 'a.txt b.txt', 'nomatch*', 'A', 'B', 'ls-failed', 'sub nested', '1', 'x\ny', 'yes', '1', '1', '',
    ].join('\n'));
    expect(r.stderr).toBe('to-stderr\n');
  });

  it('echo -e writes the bytes its escapes make, UTF-8 or not, in the shell and in a pipeline', () => {
    const direct = spawnSync(process.execPath, [JCSH, '-c', "echo -e 'a\\xff\\xc3\\xa9b\\c'"]);
    expect([...direct.stdout]).toEqual([0x61, 0xff, 0xc3, 0xa9, 0x62]);
    const piped = spawnSync(process.execPath, [JCSH, '-c', "echo -e '\\xfe' | od -An -tx1"], { encoding: 'utf8' });
    expect(piped.stdout.trim()).toBe('fe 0a');
  });

  it('a failed redirection is reported where stderr pointed at that moment, status 1', () => {
    const quiet = jcsh(['-c', 'echo a 2>/dev/null </nonexist; echo $?; ls 2>/dev/null </nonexist; echo $?; x=1 2>/dev/null </nonexist; echo $?']);
    expect(quiet).toEqual({ status: 0, stdout: '1\n1\n1\n', stderr: '' });
    const loud = jcsh(['-c', 'echo a </nonexist; ls </nonexist | cat']);
    expect(loud.stderr).toBe('jcsh: line 1: /nonexist: No such file or directory\n'.repeat(2));
  });

  it('a background and-or list runs in a subshell with the parent\'s variables, $0, $@ and $?', () => {
    const r = jcsh(['-c', 'Y=local; false; true && echo "$0 $1 $2 $Y" & wait; false || echo "st=$?" & wait', 'myname', 'a', 'b']);
    expect(r).toEqual({ status: 0, stdout: 'myname a b local\nst=1\n', stderr: '' });
  });

  it('errors that abandon a line: exit with too many arguments, ${x:?}', () => {
    const dir = tempHome();
    const script = path.join(dir, 'abandon.sh');
    fs.writeFileSync(script, 'exit 1 2; echo same-line\necho next-line\necho ${x:?unset}; echo same\necho not-reached\n');
    expect(jcsh([script])).toEqual({
      status: 1, stdout: 'next-line\n',
      stderr: `${script}: line 1: exit: too many arguments\n${script}: line 3: x: unset\n`,
    });
    expect(jcsh(['-c', 'exit 1 2; echo a\necho b'])).toEqual({ status: 1, stdout: '', stderr: 'jcsh: line 1: exit: too many arguments\n' });
    expect(jcsh(['-c', 'echo ${x:?unset}; echo after'])).toEqual({ status: 127, stdout: '', stderr: 'jcsh: line 1: x: unset\n' });
  });

  it('signals ignored when jcsh started stay ignored in its children and subshells (nohup, L01)', () => {
    const report = path.resolve(JCSH, '..', '..', 'test', 'helpers', 'bin', 'sigreport');
    const cmd = `${report}; true && ${report} & wait; env | grep -c JCSH_SIGIGN`;
    const r = spawnSync('sh', ['-c', `trap '' HUP QUIT; exec "$0" -c "$1"`, JCSH, cmd], { encoding: 'utf8' });
    // The background subshell also ignores SIGINT (POSIX 2.9.3.1, as dash).
    expect(r.stdout).toBe('ignored: Hangup\nignored: Quit\n' + 'ignored: Hangup\nignored: Interrupt\nignored: Quit\n' + '0\n');
    expect(spawnSync(JCSH, ['-c', report], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('a remembered command whose file is gone is looked up again on PATH', () => {
    const dir = tempHome();
    for (const d of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, d));
      fs.writeFileSync(path.join(dir, d, 'tool'), `#!/bin/sh\necho from-${d}\n`, { mode: 0o755 });
    }
    const script = `PATH=${dir}/a:${dir}/b:$PATH; tool; rm ${dir}/a/tool; tool`;
    expect(jcsh(['-c', script])).toEqual({ status: 0, stdout: 'from-a\nfrom-b\n', stderr: '' });
  });

  it('type says a command already run is hashed, as bash does', () => {
    const r = jcsh(['-c', 'type sh; sh -c : ; type sh; type -t sh']);
    expect(r.stdout).toMatch(/^sh is (\/usr)?\/bin\/sh\nsh is hashed \((\/usr)?\/bin\/sh\)\nfile\n$/);
  });

  it('yes | head -1 ends by SIGPIPE, not "Broken pipe" errors', () => {
    const r = jcsh(['-c', 'yes | head -1; echo done']);
    expect(r).toEqual({ status: 0, stdout: 'y\ndone\n', stderr: '' });
  });

  it('children get exactly fds 0-2', () => {
    // 3 is the directory ls itself opens to list /proc/self/fd
    expect(jcsh(['-c', 'ls /proc/self/fd']).stdout).toBe('0\n1\n2\n3\n');
  });

  it('bad input never shows a stack trace: binary bytes and very long lines', () => {
    const long = `echo ${'x'.repeat(100000)}`;
    expect(jcsh(['-c', long]).stdout.length).toBe(100001);
    const r = jcsh(['-c', 'echo \u0001\u0002\u00ff']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('interactive line editing', () => {
  it('unterminated quotes continue with PS2', async () => {
    const s = await startJcsh({ env: { PS2: 'more> ' } });
    s.sendLine('echo "one');
    await s.expect('more> ');
    s.sendLine('two"');
    await s.expect('one\r\ntwo\r\n');
    await s.expectPrompt();
  });

  it('a syntax error at the prompt prints one message and $? is 2', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'echo a | | b')).toBe("jcsh: syntax error near unexpected token `|'");
    expect(await outputOf(s, 'echo $?')).toBe('2');
  });

  it('history is kept in ~/.jcsh_history and Up recalls it', async () => {
    const home = tempHome();
    const s = await startJcsh({ home });
    await run(s, 'echo remembered-line');
    s.press('Up');
    await s.expect('echo remembered-line');
    s.press('Enter');
    await s.expect('remembered-line\r\n');
    await s.expectPrompt();
    expect(fs.readFileSync(path.join(home, '.jcsh_history'), 'utf8')).toContain('echo remembered-line\n');
    s.sendLine('exit');
    await s.waitExit();
    const again = await startJcsh({ home });
    again.press('Up');
    await again.expect('exit');
    again.press('Up');
    await again.expect('echo remembered-line');
  });

  it('Tab completes builtins, commands and file names', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'unique-file-name.txt'), '');
    const s = await startJcsh({ home });
    s.send('disow');
    s.press('Tab');
    await s.expect('disown');
    s.press('Ctrl+U');
    s.send('hupimm'); // a helper program: on PATH, in no other directory
    s.press('Tab');
    await s.expect('hupimmune');
    s.press('Ctrl+U');
    s.send('cat uniq');
    s.press('Tab');
    await s.expect('unique-file-name.txt');
    s.press('Enter');
    await s.expectPrompt();
  });

  it('PS1 escapes: \\u \\h \\w \\W \\$ \\j', async () => {
    const home = tempHome();
    fs.mkdirSync(path.join(home, 'sub'));
    const mark = process.getuid?.() === 0 ? '#' : '$';
    const user = os.userInfo().username;
    const host = os.hostname().split('.')[0]!;
    const s = await startJcsh({ home, env: { PS1: '[\\u@\\h|\\j|\\W|\\w]\\$ ' }, prompt: `[${user}@${host}|0|~|~]${mark} ` });
    s.sendLine('sleep 30 &');
    await s.expect(`[${user}@${host}|1|~|~]${mark} `);
    s.sendLine('cd sub');
    await s.expect(`[${user}@${host}|1|sub|~/sub]${mark} `);
  });
});
