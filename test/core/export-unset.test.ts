// export and unset, with bash's messages and listing format (builtins/setattr.def, set.def).

import { describe, expect, it } from 'vitest';
import { exportBuiltin } from '../../src/core/builtins/export.js';
import { quoteValue } from '../../src/core/builtins/lib/declare.js';
import { unsetBuiltin } from '../../src/core/builtins/unset.js';
import { FakePort, fakeShell, runIn } from './fakeport.js';

function shellWith(env: string[]) {
  const port = new FakePort();
  port.env = env;
  return fakeShell({ port }).shell;
}

describe('export', () => {
  it('lists exported variables sorted, as declare -x lines', async () => {
    const shell = shellWith(['B=2', 'A=x"y$z`w\\v', 'C=']);
    shell.vars.set('LOCAL', 'no');
    const r = await runIn(shell, exportBuiltin, 'export');
    expect(r.out).toBe('declare -x A="x\\"y\\$z\\`w\\\\v"\ndeclare -x B="2"\ndeclare -x C=""\n');
    expect((await runIn(shell, exportBuiltin, 'export', '-p')).out).toBe(r.out);
  });

  it('uses $\'…\' quoting for values with control characters', () => {
    expect(quoteValue('l1\nl2')).toBe("$'l1\\nl2'");
    expect(quoteValue("it's\t\x01")).toBe("$'it\\'s\\t\\001'");
    expect(quoteValue('été')).toBe('"été"');
  });

  it('exports, assigns, appends and un-exports', async () => {
    const shell = shellWith(['A=1']);
    shell.vars.set('B', 'b');
    expect((await runIn(shell, exportBuiltin, 'export', 'B', 'C=3', 'A+=2')).status).toBe(0);
    expect(shell.vars.environ().sort()).toEqual(['A=12', 'B=b', 'C=3']);
    await runIn(shell, exportBuiltin, 'export', '-n', 'A', 'B=bb');
    expect(shell.vars.environ()).toEqual(['C=3']);
    expect([shell.vars.get('A'), shell.vars.get('B')]).toEqual(['12', 'bb']);
  });

  it('a name exported before it has a value is listed bare and stays out of the environment', async () => {
    const shell = shellWith(['A=1']);
    await runIn(shell, exportBuiltin, 'export', 'LATER');
    expect((await runIn(shell, exportBuiltin, 'export')).out).toBe('declare -x A="1"\ndeclare -x LATER\n');
    expect(shell.vars.environ()).toEqual(['A=1']);
    shell.vars.set('LATER', 'now');
    expect(shell.vars.environ().sort()).toEqual(['A=1', 'LATER=now']);
  });

  it('rejects bad names and options', async () => {
    const shell = shellWith([]);
    const bad = await runIn(shell, exportBuiltin, 'export', '1x', 'a-b=3', 'OK=1');
    expect(bad).toEqual({
      status: 1, out: '',
      err: "jcsh: export: `1x': not a valid identifier\njcsh: export: `a-b=3': not a valid identifier\n",
    });
    expect(shell.vars.isExported('OK')).toBe(true);
    expect(await runIn(shell, exportBuiltin, 'export', '-x')).toEqual({
      status: 2, out: '',
      err: 'jcsh: export: -x: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n',
    });
  });

  it('-f finds no functions (jcsh has none)', async () => {
    const shell = shellWith(['A=1']);
    expect(await runIn(shell, exportBuiltin, 'export', '-f', 'f')).toEqual({ status: 1, out: '', err: 'jcsh: export: f: not a function\n' });
    expect((await runIn(shell, exportBuiltin, 'export', '-f')).out).toBe('');
  });
});

describe('unset', () => {
  it('removes variables; missing ones are not an error', async () => {
    const shell = shellWith(['A=1', 'B=2']);
    expect((await runIn(shell, unsetBuiltin, 'unset', 'A', 'NOPE', '-v')).status).toBe(0);
    expect(shell.vars.get('A')).toBeUndefined();
    expect(shell.vars.get('-v')).toBeUndefined();
    expect((await runIn(shell, unsetBuiltin, 'unset', '-v', 'B')).status).toBe(0);
    // PPID is the shell's own, and readonly
    expect(shell.vars.names()).toEqual(['PPID']);
  });

  it('a name that cannot be a variable is a function name unless -v is given', async () => {
    const shell = shellWith([]);
    expect(await runIn(shell, unsetBuiltin, 'unset', '1x')).toEqual({ status: 0, out: '', err: '' });
    expect(await runIn(shell, unsetBuiltin, 'unset', '-v', '1x')).toEqual({
      status: 1, out: '', err: "jcsh: unset: `1x': not a valid identifier\n",
    });
  });

  it('-f leaves variables alone; -f with -v is refused', async () => {
    const shell = shellWith(['A=1']);
    await runIn(shell, unsetBuiltin, 'unset', '-f', 'A');
    expect(shell.vars.get('A')).toBe('1');
    expect(await runIn(shell, unsetBuiltin, 'unset', '-fv', 'A')).toEqual({
      status: 1, out: '', err: 'jcsh: unset: cannot simultaneously unset a function and a variable\n',
    });
    expect((await runIn(shell, unsetBuiltin, 'unset', '-x')).err).toBe(
      'jcsh: unset: -x: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n',
    );
  });
});
