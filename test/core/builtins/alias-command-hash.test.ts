// alias/unalias, command -v/-V, type with functions, aliases and keywords, and hash.

import { describe, expect, it } from 'vitest';
import type { FunctionDefinition } from '../../../src/lang/ast.js';
import { aliasBuiltin } from '../../../src/core/builtins/alias.js';
import { commandBuiltin, commandBypass } from '../../../src/core/builtins/command.js';
import { hashBuiltin } from '../../../src/core/builtins/hash.js';
import { typeBuiltin } from '../../../src/core/builtins/type.js';
import { unaliasBuiltin } from '../../../src/core/builtins/unalias.js';
import { FakePort, fakeShell, runIn } from '../fakeport.js';
import { parse } from '../../../src/lang/parser.js';

function shell(interactive = true) {
  const port = new FakePort();
  port.env = ['PATH=/usr/bin:/bin', 'HOME=/home/user'];
  port.dir('/usr').dir('/usr/bin').dir('/bin');
  port.file('/usr/bin/ls', true).file('/bin/ls', true);
  const s = fakeShell({ port, interactive, monitor: false }).shell;
  s.functions.set('f', parse('f() { echo hi; }').items[0]!.first.commands[0] as FunctionDefinition);
  return s;
}

describe('alias and unalias', () => {
  it('defines, prints sorted and quoted, and reports unknown names', async () => {
    const s = shell();
    expect(await runIn(s, aliasBuiltin, 'alias', 'll=ls -l', "it=echo it's", 'q')).toEqual({
      status: 1, out: '', err: 'jcsh: alias: q: not found\n',
    });
    // POSIX's form (bash's in its POSIX mode); -p is bash's reusable form
    expect((await runIn(s, aliasBuiltin, 'alias')).out).toBe("it='echo it'\\''s'\nll='ls -l'\n");
    expect((await runIn(s, aliasBuiltin, 'alias', 'll')).out).toBe("ll='ls -l'\n");
    expect((await runIn(s, aliasBuiltin, 'alias', '-p')).out).toBe("alias it='echo it'\\''s'\nalias ll='ls -l'\n");
    expect((await runIn(s, aliasBuiltin, 'alias', 'a b=c')).err).toBe("jcsh: alias: `a b': invalid alias name\n");
    expect((await runIn(s, unaliasBuiltin, 'unalias', 'll', 'nope')).err).toBe('jcsh: unalias: nope: not found\n');
    expect([...s.aliases.keys()]).toEqual(['it']);
    await runIn(s, unaliasBuiltin, 'unalias', '-a');
    expect(s.aliases.size).toBe(0);
    expect((await runIn(s, unaliasBuiltin, 'unalias')).status).toBe(2);
  });
});

describe('command', () => {
  it('-v prints what would run; aliases only where they are expanded', async () => {
    const s = shell();
    s.aliases.set('al', 'echo x');
    expect(await runIn(s, commandBuiltin, 'command', '-v', 'f', 'al', 'echo', 'ls', 'if', 'nope')).toEqual({
      status: 0, out: "f\nalias al='echo x'\necho\n/usr/bin/ls\nif\n", err: '',
    });
    expect((await runIn(s, commandBuiltin, 'command', '-v', 'nope')).status).toBe(1);
    const script = shell(false);
    script.aliases.set('al', 'echo x');
    expect((await runIn(script, commandBuiltin, 'command', '-v', 'al')).status).toBe(1);
  });

  it('-V describes as type does', async () => {
    expect(await runIn(shell(), commandBuiltin, 'command', '-V', 'f', 'nope', 'if')).toEqual({
      status: 0, out: 'f is a function\nf () \n{ \n    echo hi\n}\nif is a shell keyword\n', err: 'jcsh: command: nope: not found\n',
    });
  });

  it('tells the executor to run the rest of the words without functions', () => {
    expect(commandBypass(['command', 'f', 'x'])).toEqual({ argv: ['f', 'x'], defaultPath: null });
    expect(commandBypass(['command', '-p', 'command', 'ls'])).toEqual({ argv: ['ls'], defaultPath: '/bin:/usr/bin' });
    expect(commandBypass(['command', '-v', 'ls'])).toBeNull();
    expect(commandBypass(['command'])).toBeNull();
    expect(commandBypass(['echo', 'x'])).toBeNull();
  });
});

describe('type', () => {
  it('knows functions, aliases and keywords', async () => {
    const s = shell();
    s.aliases.set('al', 'echo x');
    expect((await runIn(s, typeBuiltin, 'type', 'f', 'al', 'if')).out)
      .toBe("f is a function\nf () \n{ \n    echo hi\n}\nal is aliased to `echo x'\nif is a shell keyword\n");
    expect((await runIn(s, typeBuiltin, 'type', '-t', 'f', 'al', 'if', 'ls')).out).toBe('function\nalias\nkeyword\nfile\n');
    expect((await runIn(s, typeBuiltin, 'type', '-f', '-t', 'f')).status).toBe(1);
  });
});

describe('hash', () => {
  it('remembers, lists with hits, prints and forgets', async () => {
    const s = shell();
    expect((await runIn(s, hashBuiltin, 'hash')).out).toBe('hash: hash table empty\n');
    expect((await runIn(s, hashBuiltin, 'hash', 'ls')).status).toBe(0);
    s.commands.lookup(s, 'ls');
    expect((await runIn(s, hashBuiltin, 'hash')).out).toBe('hits\tcommand\n   1\t/usr/bin/ls\n');
    expect((await runIn(s, hashBuiltin, 'hash', '-t', 'ls')).out).toBe('/usr/bin/ls\n');
    expect((await runIn(s, hashBuiltin, 'hash', '-l')).out).toBe('builtin hash -p /usr/bin/ls ls\n');
    expect((await runIn(s, hashBuiltin, 'hash', 'nope')).err).toBe('jcsh: hash: nope: not found\n');
    await runIn(s, hashBuiltin, 'hash', '-d', 'ls');
    expect(s.commands.remembered('ls')).toBeUndefined();
    await runIn(s, hashBuiltin, 'hash', '-p', '/bin/ls', 'ls');
    expect(s.commands.remembered('ls')).toBe('/bin/ls');
    await runIn(s, hashBuiltin, 'hash', '-r');
    expect(s.commands.entries(s)).toEqual([]);
  });
});
