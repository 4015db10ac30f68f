// The simulated coreutils print what GNU coreutils 9.1 prints on Debian (compared by hand
// with the real tools), with the same exit statuses.

import { describe, expect, it } from 'vitest';
import { exited, lastTime, run } from './run.js';

const FILES = { '/tmp/f1': 'a b\nc\n', '/tmp/f2': 'hello world foo\n'.repeat(200), '/tmp/nl': 'no newline' };

describe('echo', () => {
  it('joins its operands with spaces and ends the line', async () => {
    expect((await run(['/bin/echo', 'hi', 'there'])).out).toBe('hi there\n');
  });
  it('takes -n and -e only as leading options made of n, e and E', async () => {
    const r = await run(['/bin/sh', '-c', "/bin/echo -e 'a\\tb' -n; /bin/echo -n -e 'x\\cy'; /bin/echo; /bin/echo -ez q; /bin/echo 'a\\tb'"]);
    expect(r.out).toBe('a\tb -n\nx\n-ez q\na\\tb\n');
  });
});

describe('cat', () => {
  it('copies files and standard input in order', async () => {
    const r = await run(['/bin/cat', '/tmp/f1', '-', '/tmp/nl'], { files: FILES, input: 'typed\n\x04' });
    // The line is typed once cat owns the terminal (it has copied /tmp/f1 by then); the terminal
    // echoes it (not the ^D), then cat copies it.
    expect(r.out).toBe('a b\nc\ntyped\ntyped\nno newline');
  });
  it('reports a missing file, copies the rest and exits 1', async () => {
    const r = await run(['cat', '/tmp/nosuch', '/tmp/f1'], { files: FILES });
    expect(r.out).toBe('cat: /tmp/nosuch: No such file or directory\na b\nc\n');
    expect(r.status).toEqual(exited(1));
  });
  it('complains about an unknown option in two lines and exits 1', async () => {
    const r = await run(['/bin/cat', '-z']);
    expect(r.out).toBe("/bin/cat: invalid option -- 'z'\nTry '/bin/cat --help' for more information.\n");
    expect(r.status).toEqual(exited(1));
    expect((await run(['cat', '--foo'])).out).toBe("cat: unrecognized option '--foo'\nTry 'cat --help' for more information.\n");
  });
});

// read(2) on a directory fails with EISDIR, as on Linux.
it('cat, head, wc and grep report a directory as "Is a directory", as on Linux', async () => {
  const r = await run(['sh', '-c', 'cat /tmp; echo $?; head /tmp; echo $?; wc /tmp; echo $?; grep x /tmp; echo $?']);
  expect(r.out).toBe(
    'cat: /tmp: Is a directory\n1\nhead: error reading \'/tmp\': Is a directory\n1\n' +
      'wc: /tmp: Is a directory\n      0       0       0 /tmp\n1\ngrep: /tmp: Is a directory\n2\n',
  );
});

describe('head', () => {
  it('prints the first lines (-n N, -N) and bytes (-c N)', async () => {
    expect((await run(['head', '-n', '1', '/tmp/f1'], { files: FILES })).out).toBe('a b\n');
    expect((await run(['head', '-1', '/tmp/f1'], { files: FILES })).out).toBe('a b\n');
    expect((await run(['head', '-c', '3', '/tmp/f2'], { files: FILES })).out).toBe('hel');
    expect((await run(['head', '-n', '-1', '/tmp/f1'], { files: FILES })).out).toBe('a b\n');
  });
  it('heads each of several files with ==> name <== and a blank line between', async () => {
    const r = await run(['head', '-c', '3', '/tmp/f1', '/tmp/f2'], { files: FILES });
    expect(r.out).toBe('==> /tmp/f1 <==\na b\n==> /tmp/f2 <==\nhel');
    const lines = await run(['head', '-n', '1', '/tmp/f1', '/tmp/f2'], { files: FILES });
    expect(lines.out).toBe('==> /tmp/f1 <==\na b\n\n==> /tmp/f2 <==\nhello world foo\n');
  });
  it('rejects a bad count and a missing file as GNU head does', async () => {
    const bad = await run(['head', '-n', 'x', '/tmp/f1'], { files: FILES });
    expect(bad.out).toBe("head: invalid number of lines: 'x'\n");
    expect(bad.status).toEqual(exited(1));
    const missing = await run(['head', '-3', 'nosuch']);
    expect(missing.out).toBe("head: cannot open 'nosuch' for reading: No such file or directory\n");
    expect(missing.status).toEqual(exited(1));
    expect((await run(['head', '-n'])).out).toBe("head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n");
  });
  it('stops reading the terminal once it has its lines', async () => {
    const r = await run(['head', '-n', '2'], { input: 'one\ntwo\nthree\n' });
    expect(r.out).toBe('one\ntwo\nthree\none\ntwo\n');
    expect(r.status).toEqual(exited(0));
  });
});

describe('wc', () => {
  it('uses width 1 for one regular file and the total size digits for several', async () => {
    expect((await run(['wc', '/tmp/f1'], { files: FILES })).out).toBe('2 3 6 /tmp/f1\n');
    expect((await run(['wc', '/tmp/f1', '/tmp/f2'], { files: FILES })).out).toBe(
      '   2    3    6 /tmp/f1\n 200  600 3200 /tmp/f2\n 202  603 3206 total\n',
    );
    expect((await run(['wc', '-lw', '/tmp/f1', '/tmp/f2'], { files: FILES })).out).toBe('   2    3 /tmp/f1\n 200  600 /tmp/f2\n 202  603 total\n');
  });
  it('uses width 7 for standard input, but 1 for a single count of a single input', async () => {
    expect((await run(['/bin/sh', '-c', 'echo hi | wc'])).out).toBe('      1       1       3\n');
    expect((await run(['/bin/sh', '-c', 'echo hi | wc -l'])).out).toBe('1\n');
    expect((await run(['/bin/sh', '-c', 'echo hi | wc -c -'])).out).toBe('3 -\n');
    expect((await run(['/bin/sh', '-c', 'echo x | wc - /tmp/f1'], { files: FILES })).out).toBe(
      '      1       1       2 -\n      2       3       6 /tmp/f1\n      3       4       8 total\n',
    );
  });
  it('reports a missing file, counts the others and exits 1', async () => {
    const r = await run(['wc', '/tmp/nosuch', '/tmp/f1'], { files: FILES });
    expect(r.out).toBe('wc: /tmp/nosuch: No such file or directory\n2 3 6 /tmp/f1\n2 3 6 total\n');
    expect(r.status).toEqual(exited(1));
    expect((await run(['wc', '-z'])).out).toBe("wc: invalid option -- 'z'\nTry 'wc --help' for more information.\n");
  });
});

describe('sleep', () => {
  it('sleeps in virtual time: 100 s, 1.5m, 0.5 and suffixes add up', async () => {
    const r = await run(['sleep', '100']);
    expect(r.status).toEqual(exited(0));
    expect(lastTime(r)).toBeGreaterThanOrEqual(100_000);
    expect(lastTime(await run(['sleep', '1.5m', '0.5']))).toBeGreaterThanOrEqual(90_500);
  });
  it('rejects a missing operand, a bad interval and a negative one like GNU sleep', async () => {
    expect((await run(['sleep'])).out).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    const bad = await run(['sleep', '1', 'x']);
    expect(bad.out).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
    expect(bad.status).toEqual(exited(1));
    expect((await run(['sleep', '-1'])).out).toBe("sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n");
  });
});

describe('printf', () => {
  it('formats as GNU printf: flags, width, precision, reuse of the format, escapes', async () => {
    const r = await run(['sh', '-c', "/usr/bin/printf '%d|%5s|%-3s|%x|%c|%%|%b|%05.1f\\n' 42 ab c 255 xyz 'a\\tb' 3.14159; /usr/bin/printf '%s-%s\\n' a b c"]);
    expect(r.out).toBe('42|   ab|c  |ff|x|%|a\tb|003.1\na-b\nc-\n');
    expect((await run(['sh', '-c', "/usr/bin/printf '%5.2f|%e|%g|%X|%o|%+d|% d|%.3s|%-6d|\\n' 3.14159 12345.678 0.0001 255 8 5 5 abcdef 42"])).out).toBe(
      ' 3.14|1.234568e+04|0.0001|FF|10|+5| 5|abc|42    |\n',
    );
  });
  it('complains about a bad number (and prints 0) or a missing format, with status 1', async () => {
    const bad = await run(['/usr/bin/printf', '%d\n', 'x']);
    expect(bad.out).toBe("/usr/bin/printf: 'x': expected a numeric value\n0\n");
    expect(bad.status).toEqual(exited(1));
    expect((await run(['printf'])).out).toBe("printf: missing operand\nTry 'printf --help' for more information.\n");
  });
});

describe('yes, true, false', () => {
  it('yes repeats its line until the reader goes away', async () => {
    expect((await run(['/bin/sh', '-c', 'yes | head -2; yes a b | head -n 1'])).out).toBe('y\ny\na b\n');
  });
  it('true exits 0 and false exits 1', async () => {
    expect((await run(['true'])).status).toEqual(exited(0));
    expect((await run(['false'])).status).toEqual(exited(1));
  });
});

describe('wc < file', () => {
  it('sizes its columns by the redirected file, as GNU wc does through fstat', async () => {
    const r = await run(['sh', '-c', 'wc < /tmp/f1; echo x | wc'], { files: FILES });
    expect(r.out).toBe('2 3 6\n      1       1       2\n');
  });
});
