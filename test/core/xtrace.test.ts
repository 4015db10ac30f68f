import { describe, expect, it } from 'vitest';
import { quoted, traceCommand } from '../../src/core/xtrace.js';
import { fakeShell, type FakePort } from './fakeport.js';

describe('set -x quoting (bash 5.2 xtrace_print_word_list)', () => {
  it('leaves plain words bare and quotes what the shell would read otherwise', () => {
    expect(['a', 'a=b', '%', ',', 'x#', 'a~', 'é'].map(quoted)).toEqual(['a', 'a=b', '%', ',', 'x#', 'a~', 'é']);
    expect(['', 'a b', "it's", '[x]', '{a,b}', '#x', '~a', 'b:~', 'a=~', '$x', 'a\nb'].map(quoted)).toEqual([
      "''", "'a b'", "'it'\\''s'", "'[x]'", "'{a,b}'", "'#x'", "'~a'", "'b:~'", "'a=~'", "'$x'", "'a\nb'",
    ]);
  });

  it('uses $\'…\' for control characters, unless a metacharacter asks for \'…\' anyway', () => {
    expect(quoted('\x01x')).toBe("$'\\001x'");
    expect(quoted('\x01 x')).toBe("'\x01 x'");
  });
});

describe('set -x lines', () => {
  it('writes assignments one a line, then the words, after PS4 repeated per level', async () => {
    const { shell, port } = fakeShell();
    const cmd = { argv: ['echo', 'a b'], assignments: new Map([['x', '1'], ['y', '']]), redirects: [], text: '', substitutionStatus: null };
    await traceCommand(shell, cmd);
    shell.vars.set('PS4', '> ');
    shell.traceLevel = 3;
    await traceCommand(shell, { ...cmd, assignments: new Map() });
    await shell.out.drain();
    expect((port as FakePort).output(2)).toBe("+ x=1\n+ y=\n+ echo 'a b'\n>>> echo 'a b'\n");
  });
});
