// grep, pgrep and pkill print and exit as GNU grep and procps-ng 4 do (texts from the real
// tools), for the options the scenarios use.

import { describe, expect, it } from 'vitest';
import { exited, run } from './run.js';

const FILES = { '/tmp/g': 'speed echo\n -echo x\nfoo\n' };
const sh = (line: string) => run(['sh', '-c', line], { files: FILES });

describe('grep', () => {
  it('matches basic regular expressions, with -o, -c, -n, -v, -x, -w, -i', async () => {
    expect((await sh("grep -o -- ' -*echo ' /tmp/g")).out).toBe(' -echo \n');
    expect((await sh('grep -c echo /tmp/g')).out).toBe('2\n');
    expect((await sh("grep -n 'e\\(ch\\)o' /tmp/g")).out).toBe('1:speed echo\n2: -echo x\n');
    expect((await sh('grep -v echo /tmp/g; grep -x foo /tmp/g; grep -w echo /tmp/g; grep -i ECHO /tmp/g | head -1')).out).toBe(
      'foo\nfoo\nspeed echo\n -echo x\nspeed echo\n',
    );
    expect((await sh("grep '[[:alpha:]]\\{3\\}$' /tmp/g; grep 'a\\|foo' /tmp/g; grep -E 'fo+' /tmp/g - < /tmp/g")).out).toBe(
      'speed echo\nfoo\nfoo\n/tmp/g:foo\n(standard input):foo\n',
    );
  });

  it('exits 0 on a match, 1 on none and 2 on an error', async () => {
    expect((await sh('grep -q foo /tmp/g; echo $?; grep nothing /tmp/g; echo $?')).out).toBe('0\n1\n');
    const missing = await sh('grep foo /tmp/nosuch; echo $?');
    expect(missing.out).toBe('grep: /tmp/nosuch: No such file or directory\n2\n');
    expect((await run(['grep'])).out).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect((await run(['grep'])).status).toEqual(exited(2));
  });

  it('reads the output of stty -a in a pipe, as scenario C11 does', async () => {
    expect((await sh("stty -echo; stty -a | grep -o -- ' -*echo '")).out).toBe(' -echo \n');
  });
});

describe('pgrep and pkill', () => {
  it('pgrep lists the children of a parent (-P), by name (-l) and by pattern', async () => {
    expect((await sh('sleep 5 & sleep 6 & pgrep -P $$')).out).toBe('102\n103\n');
    expect((await sh('sleep 5 & pgrep -l sleep; pgrep -a -x sleep; pgrep -c slee; pgrep -x slee; echo $?')).out).toBe(
      '102 sleep\n102 sleep 5\n1\n1\n',
    );
  });

  it('pkill signals the children of a parent, as fish does to the shell\'s children', async () => {
    expect((await sh('sleep 5 & pkill -P $$; wait $!; echo $?')).out).toBe('143\n');
    expect((await sh('sleep 5 & pkill -HUP -e sleep; wait $!; echo $?')).out).toBe('sleep killed (pid 102)\n129\n');
  });

  it('needs a pattern or a selection', async () => {
    const r = await run(['pgrep']);
    expect(r.out).toBe("pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
    expect(r.status).toEqual(exited(2));
  });
});
