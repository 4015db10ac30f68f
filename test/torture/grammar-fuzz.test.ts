// Torture for the grammar of issue 14 (fast-check): soups of its tokens (compound commands,
// case terminators, `[[ … ]]`, here-documents, aliases) give a tree or a one-line SyntaxError, quickly;
// generated well-formed programs, printed, parse back to the tree they were printed from.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyntaxError as ShellSyntaxError } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { CommandReader } from '../../src/lang/reader.js';
import { shape } from '../lang/shape.js';
import { budget, scale } from './scale.js';

const INPUTS = scale(10_000, 500_000);
const PROGRAMS = scale(2_000, 100_000);
/** Generous for one parse of a few hundred characters: a hang or a blow-up, not a slow machine. */
const SLOW_MS = 2_000;

const TOKENS = [
  'if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'for', 'in', 'do', 'done', 'case', 'esac', 'function',
  '{', '}', '(', ')', '!', ';', ';;', ';&', ';;&', '&', '&&', '||', '|', '\n', ' ', '\t', 'a', 'b', 'i', 'f()',
  '<<EOF', '<<-EOF', "<<'EOF'", 'EOF', '\tEOF', '<<', '>x', '2>&1', '$(', '`', '"', "'", '\\', '$x', '${x}', '*)',
  'x=1', '#', 'll', 'sp', 'al', '$((', '[[', ']]', '=~', '==', '-n', '<', 'cc',
];

const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(''));
const ALIASES: Record<string, string> = { ll: 'ls -l ', sp: 'if ', al: 'al ll', cc: '[[ a ' };

/** 'ok', or the message of the SyntaxError; anything else thrown fails the property. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return e.message;
  }
}

function readAll(text: string, partial: boolean): void {
  const reader = new CommandReader(text, { partial, alias: (n) => ALIASES[n], warn: () => {} });
  while (reader.next());
}

describe('torture: grammar fuzzing', () => {
  it(`${INPUTS} token soups: a tree or a one-line SyntaxError, every way of reading`, () => {
    fc.assert(
      fc.property(soup, (text) => {
        for (const run of [() => parse(text), () => readAll(text, false), () => readAll(text, true)]) {
          const started = performance.now();
          const result = outcome(run);
          expect(performance.now() - started).toBeLessThan(SLOW_MS);
          expect(result.length > 0 && !result.includes('\n'), JSON.stringify(text)).toBe(true);
        }
      }),
      { numRuns: INPUTS },
    );
  }, budget(60_000, 1_200_000));

  it(`${PROGRAMS} printed well-formed programs parse back to the same tree`, () => {
    fc.assert(
      fc.property(program, (p) => {
        expect(shape(parse(p.text))).toBe(p.shape);
      }),
      { numRuns: PROGRAMS },
    );
  }, budget(60_000, 1_200_000));
});

/** A piece of program: its text and the shape (test/lang/shape.ts) it must parse to. */
interface Piece {
  text: string;
  shape: string;
}

const word = fc.constantFrom('a', 'b2', '"q r"', "'s t'", '$v', '${v:-d}', 'x\\ y', '$(c)');
const redirect = fc.constantFrom('', ' >f', ' 2>&1', ' <in', ' >>"o g"');
const separator = fc.constantFrom(';', '\n', '&', ' ;\n\n');

const simple: fc.Arbitrary<Piece> = fc
  .tuple(fc.constantFrom('cmd', 'echo', 'x=1', 'true'), fc.array(word, { maxLength: 3 }), redirect)
  .map(([name, args, r]) => {
    const words = [name, ...args];
    return { text: `${words.join(' ')}${r}`, shape: `[${words.join(' ')}${r}]` };
  });

const condWord = fc.constantFrom('a', '"q r"', "'s t'", '$v', '${v:-d}', 'x\\ y', '$(c)', '*');

/** An expression of `[[ … ]]` in the form bash prints it, which is what it must print back. */
const { condExpr } = fc.letrec<{ condExpr: string }>((tie) => ({
  condExpr: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(fc.constantFrom('-n', '-z', '-f', '-o'), condWord).map(([op, w]) => `${op} ${w}`),
    fc.tuple(condWord, fc.constantFrom('==', '=', '!=', '<', '>', '-eq', '-nt'), condWord).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(condWord, fc.constantFrom('^(a|b)+$', '[[:digit:]]', '( x | "y)" )', 'a\\ b')).map(([a, re]) => `${a} =~ ${re}`),
    tie('condExpr').map((e) => `! ${e}`),
    tie('condExpr').map((e) => `( ${e} )`),
    fc.tuple(tie('condExpr'), fc.constantFrom('&&', '||'), tie('condExpr')).map(([a, op, b]) => `${a} ${op} ${b}`),
  ),
}));

const { program } = fc.letrec<{ program: Piece; list: Piece; command: Piece; andOr: Piece; compound: Piece }>((tie) => ({
  program: tie('list'),
  /** Each and-or list followed by its separator, as a compound list needs. */
  list: fc.array(fc.tuple(tie('andOr'), separator), { minLength: 1, maxLength: 3 }).map((items) => ({
    text: items.map(([a, s]) => `${a.text}${s === '&' ? ' &' : s}`).join(' '),
    shape: items.map(([a, s]) => (s === '&' ? `${a.shape} &` : a.shape)).join('; '),
  })),
  andOr: fc
    .array(fc.tuple(fc.boolean(), fc.array(tie('command'), { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 2 })
    .map((pipes) => {
      const parts = pipes.map(([bang, cmds]) => ({
        text: (bang ? '! ' : '') + cmds.map((c) => c.text).join(' | '),
        shape: (bang ? '! ' : '') + cmds.map((c) => c.shape).join(' | '),
      }));
      return { text: parts.map((p) => p.text).join(' &&\n '), shape: parts.map((p) => p.shape).join(' && ') };
    }),
  command: fc.oneof({ depthSize: 'small', withCrossShrink: true }, simple, simple, tie('compound')),
  compound: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(tie('list'), redirect).map(([l, r]) => ({ text: `( ${l.text} )${r}`, shape: `(subshell ${l.shape})${r}` })),
    fc.tuple(tie('list'), redirect).map(([l, r]) => ({ text: `{ ${l.text} }${r}`, shape: `(group ${l.shape})${r}` })),
    fc.tuple(tie('list'), tie('list'), fc.option(tie('list'))).map(([c, b, e]) => ({
      text: `if ${c.text} then ${b.text}${e ? ` else ${e.text}` : ''} fi`,
      shape: `(if ${c.shape} then ${b.shape}${e ? ` else ${e.shape}` : ''})`,
    })),
    fc.tuple(fc.constantFrom('while', 'until'), tie('list'), tie('list')).map(([k, c, b]) => ({
      text: `${k} ${c.text} do ${b.text} done`,
      shape: `(${k} ${c.shape} do ${b.shape})`,
    })),
    fc.tuple(fc.option(fc.array(word, { maxLength: 3 })), fc.constantFrom('; ', '\n'), tie('list')).map(([ws, sep, b]) => ({
      text: `for i${ws ? ` in ${ws.join(' ')}` : ''}${sep}do ${b.text} done`,
      shape: `(for i${ws ? ` in ${ws.join(' ')}` : ''} do ${b.shape})`,
    })),
    fc
      .tuple(word, fc.array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 2 }), fc.option(tie('list')), fc.constantFrom(';;', ';&', ';;&')), { maxLength: 3 }))
      .map(([subject, items]) => ({
        text: `case ${subject} in\n${items.map(([ps, b, t]) => `${ps.join('|')}) ${b ? b.text : ''} ${t}\n`).join('')}esac`,
        shape: `(case ${subject} ${items.map(([ps, b, t]) => `${ps.join('|')}) ${b ? b.shape : ''} ${t}`).join(' ')})`,
      })),
    fc.tuple(condExpr, redirect).map(([e, r]) => ({ text: `[[ ${e} ]]${r}`, shape: `([[ ${e} ]])${r}` })),
    fc.tuple(fc.constantFrom('f', 'g_1', 'a-b'), tie('list')).map(([name, b]) => ({
      text: `${name}() { ${b.text} }`,
      shape: `(fn ${name} (group ${b.shape}))`,
    })),
  ),
}));
