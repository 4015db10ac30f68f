// The compound commands, function definitions and where reserved words are recognised.

import { describe, expect, it } from 'vitest';
import type { CompoundCommand, FunctionDefinition } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { parseError } from './helpers.js';
import { shape } from './shape.js';

const tree = (source: string) => shape(parse(source));

function firstCommand(source: string) {
  return parse(source).items[0]!.first.commands[0]!;
}

describe('the arithmetic command ((…))', () => {
  it.each([
    ['((x++))', '(arith x++)'],
    ['(( x > 1 )) && echo y', '(arith  x > 1 ) && [echo y]'],
    ['(( (1+2)*3 )) >out', '(arith  (1+2)*3 ) >out'],
    ['((a\n+ b))', '(arith a\n+ b)'],
    ['f() ((x=1))', '(fn f (arith x=1))'],
    ['while ((i < 3)); do ((i++)); done', '(while (arith i < 3) do (arith i++))'],
    ['! ((0)) | cat', '! (arith 0) | [cat]'],
    // as bash: when the `)` matching the second `(` is not followed by `)`, they are subshells
    ['((a); (b))', '(subshell (subshell [a]); (subshell [b]))'],
    ['((cd x; ls) )', '(subshell (subshell [cd x]; [ls]))'],
    ['( (a) )', '(subshell (subshell [a]))'],
  ])('%j', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it.each([
    ['for ((i=0; i<3; i++)); do a $i; done', '(for ((i=0; i<3; i++)) do [a $i])'],
    ['for ((;;))\ndo a; done', '(for ((;;)) do [a])'],
    ['for ((i=0; i<$(f; g); i++)) { a; }', '(for ((i=0; i<$(f; g); i++)) do [a])'],
  ])('for ((…)): %j', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('wants three clauses in for ((…))', () => {
    expect(parseError('for ((i)); do a; done')).toMatchObject({ message: "syntax error near unexpected token `((i))'" });
    expect(parseError('for ((a;b;c;d)); do a; done')).toMatchObject({ incomplete: false });
  });

  it('reads expansions and removes double quotes inside, as in $((…))', () => {
    const cmd = firstCommand('(( $x + "$(echo 1)" ))') as CompoundCommand;
    if (cmd.body.kind !== 'arith') throw new Error('expected an arithmetic command');
    expect(cmd.body.expression.parts.map((p) => p.kind)).toEqual(['literal', 'param', 'literal', 'command', 'literal']);
  });

  it('is incomplete until its closing parentheses (PS2)', () => {
    expect(parseError('((x +')).toMatchObject({ incomplete: true });
  });
});

describe('compound commands', () => {
  it.each([
    ['(a; b)', '(subshell [a]; [b])'],
    ['(a)', '(subshell [a])'],
    ['( (a) )', '(subshell (subshell [a]))'],
    ['{ a; b; }', '(group [a]; [b])'],
    ['{ a\n}', '(group [a])'],
    ['{ { a; } }', '(group (group [a]))'],
    ['if a; then b; fi', '(if [a] then [b])'],
    ['if a\nthen\n b\nfi', '(if [a] then [b])'],
    ['if a; then b; elif c; then d; elif e; then f; else g; fi', '(if [a] then [b] elif [c] then [d] elif [e] then [f] else [g])'],
    ['if a; b; then c & fi', '(if [a]; [b] then [c] &)'],
    ['while a; do b; done', '(while [a] do [b])'],
    ['until a\ndo b\ndone', '(until [a] do [b])'],
    ['for i in a b; do c $i; done', '(for i in a b do [c $i])'],
    ['for i in a b\ndo c; done', '(for i in a b do [c])'],
    ['for i\ndo c; done', '(for i do [c])'],
    ['for i; do c; done', '(for i do [c])'],
    ['for i\n\nin a\ndo c; done', '(for i in a do [c])'],
    ['for i in; do c; done', '(for i in  do [c])'],
    ['for i in do done; do c; done', '(for i in do done do [c])'],
  ])('%j', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('takes the redirections after every compound command', () => {
    expect(tree('(a) >out 2>&1')).toBe('(subshell [a]) >out 2>&1');
    expect(tree('{ a; } <in | b')).toBe('(group [a]) <in | [b]');
    expect(tree('if a; then b; fi >x')).toBe('(if [a] then [b]) >x');
    expect(tree('while a; do b; done 3<f')).toBe('(while [a] do [b]) 3<f');
    expect(tree('for i; do b; done >>x')).toBe('(for i do [b]) >>x');
    expect(tree('case x in a) b;; esac 2>/dev/null')).toBe('(case x a) [b] ;;) 2>/dev/null');
  });

  it('keeps the exact source text of a compound command, for jobs', () => {
    const c = firstCommand('  (sleep 5; echo done) >x &') as CompoundCommand;
    expect(c.source).toBe('(sleep 5; echo done) >x');
    expect(parse('  (sleep 5; echo done) >x &').items[0]!.source).toBe('(sleep 5; echo done) >x');
    expect((firstCommand('if a\nthen b\nfi; c') as CompoundCommand).source).toBe('if a\nthen b\nfi');
    expect(parse('a && { b; c; } || d; e').items.map((i) => i.source)).toEqual(['a && { b; c; } || d', 'e']);
  });

  it('nests: a case inside a for inside a function', () => {
    const source = 'f() {\n  for i in 1 2; do\n    case $i in\n      1) echo one;;\n      *) echo other\n    esac\n  done\n}';
    expect(tree(source)).toBe('(fn f (group (for i in 1 2 do (case $i 1) [echo one] ;; *) [echo other] ;;))))');
    expect((firstCommand(source) as FunctionDefinition).source).toBe(source);
  });

  it('reports errors where bash does', () => {
    expect(parseError('if a; then b; fi fi')).toMatchObject({ message: "syntax error near unexpected token `fi'" });
    expect(parseError('while a; done')).toMatchObject({ message: "syntax error near unexpected token `done'" });
    expect(parseError('for 1 in a; do b; done')).toMatchObject({ message: "`1': not a valid identifier" });
    expect(parseError('{ a; } b')).toMatchObject({ message: "syntax error near unexpected token `b'" });
    expect(parseError('if a; then fi')).toMatchObject({ message: "syntax error near unexpected token `fi'" });
  });
});

describe('case', () => {
  it.each([
    ['case x in a) b;; esac', '(case x a) [b] ;;)'],
    ['case x in (a|b) c;; esac', '(case x a|b) [c] ;;)'],
    ['case x in a) b; c ;; d) e;; esac', '(case x a) [b]; [c] ;; d) [e] ;;)'],
    ['case x in a) ;; b) c ;; esac', '(case x a)  ;; b) [c] ;;)'],
    ['case x in a) b; esac', '(case x a) [b] ;;)'],
    ['case x in a) b\nesac', '(case x a) [b] ;;)'],
    ['case x in esac', '(case x )'],
    ['case x in\nesac', '(case x )'],
    ['case x\nin\n a)\n b\n ;;\nesac', '(case x a) [b] ;;)'],
    ['case x in a) b;& c) d;;& e) f;; esac', '(case x a) [b] ;& c) [d] ;;& e) [f] ;;)'],
    ['case x in "esac") a;; esac', '(case x "esac") [a] ;;)'],
    ['case x in (esac) a;; esac', '(case x esac) [a] ;;)'],
    ['case x in if|then|in) a;; esac', '(case x if|then|in) [a] ;;)'],
    ["case $x in *.c|'*') a;; esac", "(case $x *.c|'*') [a] ;;)"],
    ['case in in in) a;; esac', '(case in in) [a] ;;)'],
    ['case x in a) case y in b) c;; esac;; esac', '(case x a) (case y b) [c] ;;) ;;)'],
  ])('%j', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('reports a terminator outside a case as bash does', () => {
    expect(parseError('a ;; b')).toMatchObject({ message: "syntax error near unexpected token `;;'" });
    expect(parseError('case x in a) b;; c esac')).toMatchObject({ message: "syntax error near unexpected token `esac'" });
  });
});

describe('function definitions', () => {
  it.each([
    ['f() { a; }', '(fn f (group [a]))'],
    ['f ( ) { a; }', '(fn f (group [a]))'],
    ['f()\n\n{ a; }', '(fn f (group [a]))'],
    ['f() (a)', '(fn f (subshell [a]))'],
    ['f() if a; then b; fi', '(fn f (if [a] then [b]))'],
    ['f() { a; } >log 2>&1', '(fn f (group [a]) >log 2>&1)'],
    ['a-b.c() { a; }', '(fn a-b.c (group [a]))'],
    ['function f { a; }', '(fn f (group [a]))'],
    ['function f() { a; }', '(fn f (group [a]))'],
    ['function f\n{ a; }', '(fn f (group [a]))'],
    ['f() { a; }; f', '(fn f (group [a])); [f]'],
  ])('%j', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('keeps the source text without the separator', () => {
    const f = firstCommand('f() { a; } >x; f') as FunctionDefinition;
    expect([f.name, f.source, f.body.source]).toEqual(['f', 'f() { a; } >x', '{ a; } >x']);
  });

  it('wants a compound command as the body', () => {
    expect(parseError('f() a')).toMatchObject({ message: "syntax error near unexpected token `a'" });
    expect(parseError('f() ')).toMatchObject({ message: 'syntax error: unexpected end of file', incomplete: true });
  });
});

describe('reserved words', () => {
  it('are reserved only as the first word of a command', () => {
    expect(tree('echo if then fi { } ! in do done esac')).toBe('[echo if then fi { } ! in do done esac]');
    expect(tree('{echo a')).toBe('[{echo a]');
    expect(parseError('{echo a;}')).toMatchObject({ message: "syntax error near unexpected token `}'" });
    expect(parseError('case x in a) b esac')).toMatchObject({ incomplete: true });
    expect(tree('echo }')).toBe('[echo }]');
  });

  it('are plain words after an assignment or a redirection', () => {
    expect(tree('x=1 if')).toBe('[x=1 if]');
    expect(tree('>f if a')).toBe('[if a >f]');
  });

  it('are not reserved when quoted', () => {
    expect(tree('"if" a')).toBe('["if" a]');
    expect(tree("\\{ a; '}'")).toBe("[\\{ a]; ['}']");
  });

  it('start commands after another reserved word, after | && || and !', () => {
    expect(tree('if if a; then b; fi; then c; fi')).toBe('(if (if [a] then [b]) then [c])');
    expect(tree('a | while b; do c; done && ! { d; }')).toBe('[a] | (while [b] do [c]) && ! (group [d])');
    expect(tree('while ! a; do b; done')).toBe('(while ! [a] do [b])');
  });

  it('close a list only in command position', () => {
    expect(tree('{ echo }; }')).toBe('(group [echo }])');
    expect(tree('if a; then echo fi; fi')).toBe('(if [a] then [echo fi])');
  });
});
