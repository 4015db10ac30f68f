// type: builtins, files on PATH, and the -t/-p/-P/-a forms (builtins/type.def).

import { describe, expect, it } from 'vitest';
import { typeBuiltin } from '../../src/core/builtins/type.js';
import { FakePort, fakeShell, runIn } from './fakeport.js';

function shell() {
  const port = new FakePort();
  port.env = ['PATH=/usr/bin:/bin', 'HOME=/home/user'];
  port.dir('/usr').dir('/usr/bin').dir('/bin').dir('/usr/bin/dir');
  port.file('/usr/bin/ls', true).file('/bin/ls', true).file('/usr/bin/echo', true).file('/usr/bin/data', false);
  port.file('/home/user/run.sh', true);
  return fakeShell({ port }).shell;
}

describe('type', () => {
  it('describes builtins and files', async () => {
    expect(await runIn(shell(), typeBuiltin, 'type', 'cd', 'ls')).toEqual({
      status: 0, out: 'cd is a shell builtin\nls is /usr/bin/ls\n', err: '',
    });
  });

  it('reports names that are nothing, and fails', async () => {
    expect(await runIn(shell(), typeBuiltin, 'type', 'nosuch', 'echo', 'data', 'dir')).toEqual({
      status: 1,
      out: 'echo is a shell builtin\n',
      err: 'jcsh: type: nosuch: not found\njcsh: type: data: not found\njcsh: type: dir: not found\n',
    });
  });

  it('-t prints the kind only, and nothing for unknown names', async () => {
    expect(await runIn(shell(), typeBuiltin, 'type', '-t', 'ls', 'cd', 'foo')).toEqual({ status: 1, out: 'file\nbuiltin\n', err: '' });
  });

  it('-p prints paths, nothing for builtins; -P searches PATH even for builtins', async () => {
    expect(await runIn(shell(), typeBuiltin, 'type', '-p', 'cd', 'ls')).toEqual({ status: 0, out: '/usr/bin/ls\n', err: '' });
    expect(await runIn(shell(), typeBuiltin, 'type', '-P', 'echo', 'cd')).toEqual({ status: 1, out: '/usr/bin/echo\n', err: '' });
  });

  it('-a lists every match in PATH order', async () => {
    expect((await runIn(shell(), typeBuiltin, 'type', '-a', 'ls', 'echo')).out).toBe(
      'ls is /usr/bin/ls\nls is /bin/ls\necho is a shell builtin\necho is /usr/bin/echo\n',
    );
    expect((await runIn(shell(), typeBuiltin, 'type', '-ta', 'echo')).out).toBe('builtin\nfile\n');
    expect((await runIn(shell(), typeBuiltin, 'type', '-pa', 'ls')).out).toBe('/usr/bin/ls\n/bin/ls\n');
  });

  it('names with a slash are checked as they are', async () => {
    expect(await runIn(shell(), typeBuiltin, 'type', './run.sh', '/usr/bin/data')).toEqual({
      status: 1, out: './run.sh is ./run.sh\n', err: 'jcsh: type: /usr/bin/data: not found\n',
    });
  });

  it('accepts the old long options; no operand is fine; bad options are not', async () => {
    expect((await runIn(shell(), typeBuiltin, 'type', '-type', 'ls')).out).toBe('file\n');
    expect((await runIn(shell(), typeBuiltin, 'type', '--path', 'ls')).out).toBe('/usr/bin/ls\n');
    expect(await runIn(shell(), typeBuiltin, 'type')).toEqual({ status: 0, out: '', err: '' });
    expect(await runIn(shell(), typeBuiltin, 'type', '-x', 'ls')).toEqual({
      status: 2, out: '', err: 'jcsh: type: -x: invalid option\ntype: usage: type [-afptP] name [name ...]\n',
    });
  });
});
