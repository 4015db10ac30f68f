// getopts (grouped letters, arguments, silent mode, OPTIND restarts), umask (octal and
// symbolic) and times.

import { describe, expect, it } from 'vitest';
import { getoptsBuiltin } from '../../../src/core/builtins/getopts.js';
import { timesBuiltin } from '../../../src/core/builtins/times.js';
import { umaskBuiltin } from '../../../src/core/builtins/umask.js';
import { FakePort, fakeShell, runIn } from '../fakeport.js';

describe('getopts', () => {
  it('walks options, grouped and with arguments, then stops at --', async () => {
    const { shell } = fakeShell();
    const seen: string[] = [];
    const args = ['getopts', 'ab:c', 'o', '-ac', '-bx', '-b', 'y', '--', 'rest'];
    while ((await runIn(shell, getoptsBuiltin, ...args)).status === 0) {
      seen.push(`${shell.vars.get('o')}[${shell.vars.get('OPTARG') ?? '-'}]${shell.vars.get('OPTIND')}`);
    }
    expect(seen).toEqual(['a[-]1', 'c[-]2', 'b[x]3', 'b[y]5']);
    expect([shell.vars.get('o'), shell.vars.get('OPTIND')]).toEqual(['?', '6']);
  });

  it('reports bad and missing options, or sets ? and : silently', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, getoptsBuiltin, 'getopts', 'a:', 'o', '-q', '-a')).toEqual({ status: 0, out: '', err: 'jcsh: illegal option -- q\n' });
    expect(shell.vars.get('o')).toBe('?');
    expect((await runIn(shell, getoptsBuiltin, 'getopts', 'a:', 'o', '-q', '-a')).err).toBe('jcsh: option requires an argument -- a\n');
    expect(shell.vars.get('OPTARG')).toBeUndefined();
    shell.vars.set('OPTIND', '1');
    await runIn(shell, getoptsBuiltin, 'getopts', ':a:', 'o', '-q', '-a');
    expect([shell.vars.get('o'), shell.vars.get('OPTARG')]).toEqual(['?', 'q']);
    expect((await runIn(shell, getoptsBuiltin, 'getopts', ':a:', 'o', '-q', '-a')).err).toBe('');
    expect([shell.vars.get('o'), shell.vars.get('OPTARG')]).toEqual([':', 'a']);
  });

  it('reads the positional parameters by default', async () => {
    const { shell } = fakeShell();
    shell.positional = ['-z', 'file'];
    expect((await runIn(shell, getoptsBuiltin, 'getopts', 'z', 'o')).status).toBe(0);
    expect((await runIn(shell, getoptsBuiltin, 'getopts', 'z', 'o')).status).toBe(1);
    expect(shell.vars.get('OPTIND')).toBe('2');
  });
});

describe('umask', () => {
  it('prints and sets octal and symbolic masks', async () => {
    const { shell, port } = fakeShell();
    expect((await runIn(shell, umaskBuiltin, 'umask')).out).toBe('0022\n');
    expect((await runIn(shell, umaskBuiltin, 'umask', '-S')).out).toBe('u=rwx,g=rx,o=rx\n');
    await runIn(shell, umaskBuiltin, 'umask', '027');
    expect(port.mask).toBe(0o027);
    await runIn(shell, umaskBuiltin, 'umask', 'g+w,a-x');
    expect(port.mask).toBe(0o117);
    expect((await runIn(shell, umaskBuiltin, 'umask', '-S', 'u=rwx,g=,o=')).out).toBe('u=rwx,g=,o=\n');
    expect((await runIn(shell, umaskBuiltin, 'umask', '-p')).out).toBe('umask 0077\n');
  });

  it('refuses bad modes and leaves the mask', async () => {
    const { shell, port } = fakeShell();
    expect((await runIn(shell, umaskBuiltin, 'umask', '999')).err).toBe('jcsh: umask: 999: octal number out of range\n');
    expect((await runIn(shell, umaskBuiltin, 'umask', 'u=q')).err).toBe("jcsh: umask: `q': invalid symbolic mode character\n");
    expect(port.mask).toBe(0o022);
  });
});

describe('times', () => {
  it('prints the shell and children CPU times as bash', async () => {
    const port = new FakePort();
    port.cpu = { user: 61.5, system: 0.004, childUser: 0, childSystem: 2 };
    expect((await runIn(fakeShell({ port }).shell, timesBuiltin, 'times')).out).toBe('1m1.500s 0m0.004s\n0m0.000s 0m2.000s\n');
  });
});
