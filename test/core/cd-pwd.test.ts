// cd and pwd over a pretend file system: the logical directory, "..", symbolic links with -P,
// cd -, CDPATH, HOME, and bash's messages (builtins/cd.def).

import { describe, expect, it } from 'vitest';
import { cdBuiltin } from '../../src/core/builtins/cd.js';
import { pwdBuiltin } from '../../src/core/builtins/pwd.js';
import { FakePort, fakeShell, runIn } from './fakeport.js';

function setup() {
  const port = new FakePort();
  port.env = ['HOME=/home/user', 'PWD=/home/user'];
  port.dir('/t').dir('/t/a').dir('/t/a/b').dir('/t/c').dir('/t/locked', false).file('/t/file');
  port.links.set('/t/lnk', '/t/a/b');
  port.dir('/t/lnk');
  return fakeShell({ port, cwd: '/t' });
}

describe('cd', () => {
  it('changes the logical directory, PWD and OLDPWD, and moves the process', async () => {
    const { shell, port } = setup();
    expect(await runIn(shell, cdBuiltin, 'cd', 'a/./b//')).toEqual({ status: 0, out: '', err: '' });
    expect([shell.cwd, shell.vars.get('PWD'), shell.vars.get('OLDPWD')]).toEqual(['/t/a/b', '/t/a/b', '/home/user']);
    expect(port.chdirs).toEqual(['/t/a/b']);
  });

  it('keeps symbolic links in the path, and ".." goes back over them', async () => {
    const { shell } = setup();
    await runIn(shell, cdBuiltin, 'cd', 'lnk');
    expect(shell.cwd).toBe('/t/lnk');
    expect((await runIn(shell, pwdBuiltin, 'pwd')).out).toBe('/t/lnk\n');
    expect((await runIn(shell, pwdBuiltin, 'pwd', '-P')).out).toBe('/t/a/b\n');
    await runIn(shell, cdBuiltin, 'cd', '..');
    expect(shell.cwd).toBe('/t');
  });

  it('-P resolves links first', async () => {
    const { shell } = setup();
    await runIn(shell, cdBuiltin, 'cd', '-P', 'lnk');
    expect(shell.cwd).toBe('/t/a/b');
    await runIn(shell, cdBuiltin, 'cd', '-P', '/t/lnk/..');
    expect(shell.cwd).toBe('/t/a');
  });

  it('keeps a leading // but not ///', async () => {
    const { shell } = setup();
    await runIn(shell, cdBuiltin, 'cd', '//t');
    expect(shell.cwd).toBe('//t');
    await runIn(shell, cdBuiltin, 'cd', '///t/..');
    expect(shell.cwd).toBe('/');
  });

  it('cd - goes back and prints where; cd alone goes home', async () => {
    const { shell } = setup();
    await runIn(shell, cdBuiltin, 'cd', 'c');
    expect(await runIn(shell, cdBuiltin, 'cd', '-')).toEqual({ status: 0, out: '/home/user\n', err: '' });
    await runIn(shell, cdBuiltin, 'cd', '/t');
    await runIn(shell, cdBuiltin, 'cd');
    expect(shell.cwd).toBe('/home/user');
  });

  it('searches CDPATH for plain relative names and prints what it found', async () => {
    const { shell } = setup();
    shell.vars.set('CDPATH', '/nowhere:/t/a');
    expect(await runIn(shell, cdBuiltin, 'cd', 'b')).toEqual({ status: 0, out: '/t/a/b\n', err: '' });
    shell.vars.set('CDPATH', ':/t');
    expect(await runIn(shell, cdBuiltin, 'cd', '/t/a')).toEqual({ status: 0, out: '', err: '' });
    expect(await runIn(shell, cdBuiltin, 'cd', 'b')).toEqual({ status: 0, out: '', err: '' });
    expect(shell.cwd).toBe('/t/a/b');
    expect(await runIn(shell, cdBuiltin, 'cd', './nosuch')).toMatchObject({ status: 1 });
  });

  it('reports bash\'s errors and changes nothing', async () => {
    const { shell, port } = setup();
    const cd = (...argv: string[]) => runIn(shell, cdBuiltin, 'cd', ...argv);
    expect(await cd('nosuch')).toEqual({ status: 1, out: '', err: 'jcsh: cd: nosuch: No such file or directory\n' });
    expect(await cd('file')).toEqual({ status: 1, out: '', err: 'jcsh: cd: file: Not a directory\n' });
    expect(await cd('file/..')).toEqual({ status: 1, out: '', err: 'jcsh: cd: file/..: Not a directory\n' });
    expect(await cd('locked')).toEqual({ status: 1, out: '', err: 'jcsh: cd: locked: Permission denied\n' });
    expect(await cd('a', 'b')).toEqual({ status: 1, out: '', err: 'jcsh: cd: too many arguments\n' });
    expect(await cd('-x')).toEqual({ status: 2, out: '', err: 'jcsh: cd: -x: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n' });
    shell.vars.unset('HOME');
    expect(await cd()).toEqual({ status: 1, out: '', err: 'jcsh: cd: HOME not set\n' });
    expect(await cd('-')).toEqual({ status: 1, out: '', err: 'jcsh: cd: OLDPWD not set\n' });
    expect([shell.cwd, port.chdirs]).toEqual(['/t', []]);
  });
});

describe('pwd', () => {
  it('rejects options it does not know', async () => {
    const { shell } = setup();
    expect(await runIn(shell, pwdBuiltin, 'pwd', '-x')).toEqual({
      status: 2, out: '', err: 'jcsh: pwd: -x: invalid option\npwd: usage: pwd [-LP]\n',
    });
    expect((await runIn(shell, pwdBuiltin, 'pwd', '-P', '-L')).out).toBe('/t\n');
  });
});

// bash marks OLDPWD for export at start (without a value, so it is not in the environment
// yet) and exports PWD, so after cd a child sees both; a variable the user unset is a new,
// unexported one, as in bash.
describe('PWD and OLDPWD in the environment', () => {
  const environ = (shell: ReturnType<typeof setup>['shell']) => shell.vars.environ().filter((e) => /^(OLD)?PWD=/.test(e)).sort();

  it('a shell started without PWD exports PWD as its directory, and OLDPWD only once cd gives it a value', async () => {
    const port = new FakePort();
    port.env = ['HOME=/home/user'];
    // no cwd given: the shell finds its directory (the fake's is /) as a started shell does
    const { shell } = fakeShell({ port, cwd: undefined });
    expect(environ(shell)).toEqual(['PWD=/']);
    await runIn(shell, cdBuiltin, 'cd', '/home');
    expect(environ(shell)).toEqual(['OLDPWD=/', 'PWD=/home']);
  });

  it('an OLDPWD from the environment that is not a directory is dropped, as bash does', () => {
    const port = new FakePort();
    port.env = ['OLDPWD=/nonexistent', 'PWD=/home/user'];
    const { shell } = fakeShell({ port, cwd: undefined });
    expect([shell.vars.get('OLDPWD'), shell.vars.isExported('OLDPWD')]).toEqual([undefined, true]);
    port.env = ['OLDPWD=/home', 'PWD=/home/user'];
    expect(fakeShell({ port, cwd: undefined }).shell.vars.get('OLDPWD')).toBe('/home');
  });

  it('cd after unset OLDPWD and PWD sets them without exporting them', async () => {
    const { shell } = setup();
    shell.vars.unset('OLDPWD');
    shell.vars.unset('PWD');
    await runIn(shell, cdBuiltin, 'cd', 'a');
    await runIn(shell, cdBuiltin, 'cd', 'b');
    expect([shell.vars.get('OLDPWD'), shell.vars.get('PWD')]).toEqual(['/t/a', '/t/a/b']);
    expect(environ(shell)).toEqual([]);
  });
});
