// `$((…))` in words: how dollar.ts scans it (nesting, `$((` against `$( (`), and how
// expand.ts evaluates it (expansions inside first, quotes removed, field splitting outside
// double quotes, errors as ExpansionError).

import { describe, expect, it } from 'vitest';
import type { WordPart } from '../../src/lang/ast.js';
import { expandWord, expandWords, ExpansionError } from '../../src/lang/expand.js';
import { fakeContext, lit, parseError, simple, wordParts, type FakeOptions } from './helpers.js';

function arith(parts: WordPart[], source: string, quoted = false): WordPart {
  return { kind: 'arith', expression: expect.objectContaining({ parts, source }), quoted } as unknown as WordPart;
}

describe('scanning $((…))', () => {
  it('reads the expression as a word of quoted parts', () => {
    expect(wordParts('$((1 + 2))')).toEqual([arith([lit('1 + 2', true)], '1 + 2')]);
    expect(wordParts('"$((x*2))"')).toEqual([arith([lit('x*2', true)], 'x*2', true)]);
  });

  it('scans parameters, substitutions and nested arithmetic inside, dropping double quotes', () => {
    const [part] = wordParts('$(( $x + ${y:-1} + "$(echo 2)" + `echo 3` + $((4)) ))') as [Extract<WordPart, { kind: 'arith' }>];
    expect(part.expression.parts.map((p) => p.kind)).toEqual([
      'literal', 'param', 'literal', 'param', 'literal', 'command', 'literal', 'command', 'literal', 'arith', 'literal',
    ]);
    expect(part.expression.parts.filter((p) => p.kind === 'literal').map((p) => (p as { text: string }).text).join('|')).toBe(' | + | + | + | + | ');
  });

  it('balances parentheses inside and ends at the first `))` that closes them', () => {
    expect(wordParts('$(((1+2)*(3)))x')).toEqual([arith([lit('(1+2)*(3)', true)], '(1+2)*(3)'), lit('x')]);
    expect(simple('echo $((1)) $((2))').words.map((w) => w.source)).toEqual(['echo', '$((1))', '$((2))']);
  });

  it('asks for more input when the parentheses are not closed', () => {
    expect(parseError('echo $((1+2')).toEqual({ message: "unexpected EOF while looking for matching `)'", incomplete: true, line: 1, column: 6 });
  });

  it('is a command substitution when the `))` does not close the arithmetic', () => {
    // `$((echo hi) )`: the second `(` closes before a blank, so it is `$( (echo hi) )`, handed
    // to the command parser (which refuses the subshell until the grammar has it)
    let kind: string;
    try {
      kind = simple('echo $((true) )').words[1]!.parts[0]!.kind;
    } catch (e) {
      kind = (e as Error).message === "syntax error near unexpected token `('" ? 'command' : (e as Error).message;
    }
    expect(kind).toBe('command');
    expect(simple('echo $(true)').words[1]!.parts[0]!.kind).toBe('command');
  });
});

async function fields(source: string, opts: FakeOptions = {}): Promise<string[]> {
  return expandWords(simple(source).words, fakeContext(opts));
}

describe('expanding $((…))', () => {
  it('evaluates after expanding what is inside', async () => {
    const opts = { vars: { x: '3', op: '*' }, substitute: (s: string) => (s === 'echo 2' ? '2\n' : '') };
    expect(await fields('echo $((x $op 2)) $(( $(echo 2) ** 3 )) "$(( "x" + 1 ))" a$((x))b $(($((1+1))<<2))', opts)).toEqual([
      'echo', '6', '8', '4', 'a3b', '8',
    ]);
  });

  it('assigns through the context', async () => {
    const ctx = fakeContext({ vars: { i: '41' } });
    expect(await expandWord(simple('v=$((i+=1))').assignments[0]!.value, ctx)).toBe('42');
    expect(ctx.vars.get('i')).toBe('42');
  });

  it('splits an unquoted result on IFS, not a quoted one', async () => {
    expect(await fields('echo $((11+0)) "$((11+0))"', { vars: { IFS: '1' } })).toEqual(['echo', '', '', '11']);
  });

  it('fails the expansion with bash\'s message', async () => {
    await expect(fields('echo $((1/0))')).rejects.toThrow(new ExpansionError('1/0: division by 0 (error token is "0")', false));
    await expect(fields('echo $(( 1 + ))')).rejects.toThrow(/^1 \+ : syntax error: operand expected \(error token is "\+ "\)$/);
  });
});
