// The printer against bash 5.2: what `type f` and `jobs` show, taken from bash itself by
// scripts/print-expectations.mjs and kept here as literals; a few compared live with bash; and
// for random programs, printing then parsing gives back the tree that was printed.

import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FunctionDefinition, List } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { printAndOr, printCommand, printFunction, printJob, printList, printPipeline } from '../../src/lang/print.js';
import { outputOf, run, startBash } from '../e2e/harness.js';
import { shape } from './shape.js';

type Row = readonly ['type' | 'jobs', string, string];

/** [how bash showed it, the source, what bash printed] (`type f` after "f is a function"; `jobs` without "[1]+  Running" and " &"). */
const BASH: readonly Row[] = [
  ["type", "f() { echo a; echo b; }", "f () \n{ \n    echo a;\n    echo b\n}"],
  ["type", "f() { :; }", "f () \n{ \n    :\n}"],
  ["type", "f() { for i in 1 2; do echo $i; done; }", "f () \n{ \n    for i in 1 2;\n    do\n        echo $i;\n    done\n}"],
  ["type", "f() { for i; do echo \"$i\"; done; }", "f () \n{ \n    for i in \"$@\";\n    do\n        echo \"$i\";\n    done\n}"],
  ["type", "f() { while true; do sleep 1; done; until false; do :; done; }", "f () \n{ \n    while true; do\n        sleep 1;\n    done;\n    until false; do\n        :;\n    done\n}"],
  ["type", "f() { if a; then b; fi; }", "f () \n{ \n    if a; then\n        b;\n    fi\n}"],
  ["type", "f() { if a; then b; else c; fi; }", "f () \n{ \n    if a; then\n        b;\n    else\n        c;\n    fi\n}"],
  ["type", "f() { if a; then b; elif c; then d; else e; fi; }", "f () \n{ \n    if a; then\n        b;\n    else\n        if c; then\n            d;\n        else\n            e;\n        fi;\n    fi\n}"],
  ["type", "f() { if a; then :; elif b; then :; elif c; then :; fi; }", "f () \n{ \n    if a; then\n        :;\n    else\n        if b; then\n            :;\n        else\n            if c; then\n                :;\n            fi;\n        fi;\n    fi\n}"],
  ["type", "f() { if a; then if b; then c; fi; fi; }", "f () \n{ \n    if a; then\n        if b; then\n            c;\n        fi;\n    fi\n}"],
  ["type", "f() { case $x in a|b) echo ab;; c) echo c;& d) ;;& *) echo x; esac; }", "f () \n{ \n    case $x in \n        a | b)\n            echo ab\n        ;;\n        c)\n            echo c\n        ;&\n        d)\n\n        ;;&\n        *)\n            echo x\n        ;;\n    esac\n}"],
  ["type", "f() { case x in esac; case y in (a) ;; esac; }", "f () \n{ \n    case x in \n    esac;\n    case y in \n        a)\n\n        ;;\n    esac\n}"],
  ["type", "f() { case a in (x) a; b;; y|z) c & esac; }", "f () \n{ \n    case a in \n        x)\n            a;\n            b\n        ;;\n        y | z)\n            c &\n        ;;\n    esac\n}"],
  ["type", "f() { ( a; b ) > out; { c; } 2>&1; a | b | c; ! a && b || c; a & b; }", "f () \n{ \n    ( a;\n    b ) > out;\n    { \n        c\n    } 2>&1;\n    a | b | c;\n    ! a && b || c;\n    a & b\n}"],
  ["type", "f() { a && { b; c; } || ( d & ); }", "f () \n{ \n    a && { \n        b;\n        c\n    } || ( d & )\n}"],
  ["type", "f() { ! a | b; ! { a; }; x=1; >f; 2>&1 a b; }", "f () \n{ \n    ! a | b;\n    ! { \n        a\n    };\n    x=1;\n    > f;\n    a b 2>&1\n}"],
  ["type", "f() { a && b & c; sleep 1 & }", "f () \n{ \n    a && b & c;\n    sleep 1 &\n}"],
  ["type", "f() { while a && b; do c | d & done; }", "f () \n{ \n    while a && b; do\n        c | d &\n    done\n}"],
  ["type", "f() { echo a >f 2>&1 <in 3<>x 4>>y 5>|z &>q &>>r 2>&- <&3 >&2; x=1 y=2 cmd; }", "f () \n{ \n    echo a > f 2>&1 < in 3<> x 4>> y 5>| z &> q &>> r 2>&- 0<&3 1>&2;\n    x=1 y=2 cmd\n}"],
  ["type", "f() { a <&3 >&2 2>&1 <&- >&- 2>&- 3<&4- 4>&3- 2>&g <&$x >&$x 2>&$x 3>&\"$y\" 0<x 1>y 2>>z; }", "f () \n{ \n    a 0<&3 1>&2 2>&1 0>&- 1>&- 2>&- 3<&4- 4>&3- 2>&g <&$x >&$x 2>&$x 3>&\"$y\" < x > y 2>> z\n}"],
  ["type", "f() { cat <<< \"$x a\"; cat 3<<<hi <<<~/a; cat <<<$(echo x)y; }", "f () \n{ \n    cat <<< \"$x a\";\n    cat 3<<< hi <<< ~/a;\n    cat <<< $(echo x)y\n}"],
  ["type", "f() { a >&file 1>&g 2>&h >&\"q r\"; }", "f () \n{ \n    a >&file >&g 2>&h >&\"q r\"\n}"],
  ["type", "f() { a <> x >| y <&\"3\" >&- 5<&- 0>&3 01>&2 >&07; }", "f () \n{ \n    a 0<> x >| y <&\"3\" 1>&- 5>&- 0>&3 1>&2 1>&7\n}"],
  ["type", "f() { g() { echo g; }; h() ( echo h; ); }", "f () \n{ \n    function g () \n    { \n        echo g\n    };\n    function h () \n    { \n        ( echo h )\n    }\n}"],
  ["type", "f() { for i in a \"b c\" $d; do :; done > f; }", "f () \n{ \n    for i in a \"b c\" $d;\n    do\n        :;\n    done > f\n}"],
  ["type", "f() { { a; } > f; }", "f () \n{ \n    { \n        a\n    } > f\n}"],
  ["type", "f() ( a; b )", "f () \n{ \n    ( a;\n    b )\n}"],
  ["type", "f() { a; } > out 2>&1", "f () \n{ \n    a\n} > out 2>&1"],
  ["type", "f() { cat <<EOF\nhello $x\nEOF\ncat <<-'E2' > f; echo after\n\ttab\n\tE2\n}", "f () \n{ \n    cat <<EOF\nhello $x\nEOF\n\n    cat <<-'E2' > f\ntab\nE2\n\n    echo after\n}"],
  ["type", "f() { cat <<A <<-B; echo x\na\nA\n\tb\n\tB\n}", "f () \n{ \n    cat <<A <<-B\na\nA\nb\nB\n\n    echo x\n}"],
  ["type", "f() { cat <<A | wc && echo y\na\nA\n}", "f () \n{ \n    cat <<A |\na\nA\n  wc && echo y\n}"],
  ["type", "f() { cat <<\"E\" >f 2>&1\n$x\nE\n}", "f () \n{ \n    cat <<'E' > f 2>&1\n$x\nE\n\n}"],
  ["type", "f() { cat <<EOF; echo; }\nx\nEOF", "f () \n{ \n    cat <<EOF\nx\nEOF\n\n    echo\n}"],
  ["type", "f() { cat << \"a'b\"\nx\na'b\n}", "f () \n{ \n    cat <<'a'\\''b'\nx\na'b\n\n}"],
  ["type", "f() { cat <<E & echo\nx\nE\n}", "f () \n{ \n    cat <<E &\nx\nE\n  echo\n}"],
  ["type", "f() { if cat <<E; then :; fi\nx\nE\n}", "f () \n{ \n    if cat <<E\nx\nE\n then\n        :;\n    fi\n}"],
  ["type", "f() { while cat <<E; do :; done\nx\nE\n}", "f () \n{ \n    while cat <<E\nx\nE\n do\n        :;\n    done\n}"],
  ["type", "f() { ( cat <<E )\nx\nE\n}", "f () \n{ \n    ( cat <<E\nx\nE\n )\n}"],
  ["type", "f() { until a; do if b; then c; else d & fi; done; }", "f () \n{ \n    until a; do\n        if b; then\n            c;\n        else\n            d &\n        fi;\n    done\n}"],
  ["jobs", "(sleep 50; echo done) &", "( sleep 50; echo done )"],
  ["jobs", "{ sleep 51; echo done; } &", "{ sleep 51; echo done; }"],
  ["jobs", "for i in 1; do sleep 52; done &", "for i in 1;\ndo\n    sleep 52;\ndone"],
  ["jobs", "while true; do sleep 53; done &", "while true; do\n    sleep 53;\ndone"],
  ["jobs", "until false; do sleep 53; done &", "until false; do\n    sleep 53;\ndone"],
  ["jobs", "if true; then sleep 54; fi &", "if true; then\n    sleep 54;\nfi"],
  ["jobs", "if false; then :; elif true; then sleep 54; else :; fi &", "if false; then\n    :;\nelse\n    if true; then\n        sleep 54;\n    else\n        :;\n    fi;\nfi"],
  ["jobs", "set -- a; for i; do sleep 30; done &", "for i in \"$@\";\ndo\n    sleep 30;\ndone"],
  ["jobs", "for i in a b; do sleep 30; echo $i; done &", "for i in a b;\ndo\n    sleep 30; echo $i;\ndone"],
  ["jobs", "case x in x) sleep 30;; y|z) echo; esac &", "case x in \n    x)\n        sleep 30\n    ;;\n    y | z)\n        echo\n    ;;\nesac"],
  ["jobs", "case x in (x) sleep 30; echo ;& *) ;;& esac &", "case x in \n    x)\n        sleep 30; echo\n    ;&\n    *)\n\n    ;;&\nesac"],
  ["jobs", "{ sleep 30\necho; } &", "{ sleep 30; echo; }"],
  ["jobs", "( sleep 30\necho ) &", "( sleep 30; echo )"],
  ["jobs", "! sleep 30 | sleep 31 &", "sleep 30 | sleep 31"],
  ["jobs", "! sleep 30 &", "sleep 30"],
  ["jobs", "sleep 30 && sleep 31 &", "sleep 30 && sleep 31"],
  ["jobs", "! sleep 30 && sleep 31 | sleep 32 || true &", "! sleep 30 && sleep 31 | sleep 32 || true"],
  ["jobs", "sleep 30 | { sleep 31; } >/dev/null &", "sleep 30 | { sleep 31; } > /dev/null"],
  ["jobs", "x=1 sleep 30 2>/dev/null >&2 &", "x=1 sleep 30 2> /dev/null 1>&2"],
  ["jobs", "sleep 30 <<EOF &\nhi $x\nEOF", "sleep 30 <<EOF\nhi $x\nEOF\n"],
  ["jobs", "sleep 30 <<-\"EOF\" 2>&1 &\n\thi $x\n\tEOF", "sleep 30 <<-'EOF' 2>&1\nhi $x\nEOF\n"],
  ["jobs", "cat <<EOF | sleep 30 &\nhi\nEOF", "cat <<EOF\nhi\nEOF\n | sleep 30"],
  ["jobs", "{ cat <<EOF; sleep 30; } &\nhi\nEOF", "{ cat <<EOF\nhi\nEOF\n sleep 30; }"],
  ["jobs", "{ cat <<EOF & sleep 30; } &\nhi\nEOF", "{ cat <<EOF &\nhi\nEOF\n  sleep 30; }"],
  ["jobs", "{ cat <<EOF && sleep 30; } &\nhi\nEOF", "{ cat <<EOF && \nhi\nEOF\n sleep 30; }"],
  ["jobs", "( cat <<EOF | cat; sleep 30 ) &\nhi\nEOF", "( cat <<EOF |\nhi\nEOF\n  cat sleep 30 )"],
  ["jobs", "while sleep 30; do if true; then echo; fi; done &", "while sleep 30; do\n    if true; then\n        echo;\n    fi;\ndone"],
  ["jobs", "{ sleep 30 & wait; } &", "{ sleep 30 & wait; }"],
  ["type", "f() { ((x+=1)) > /dev/null 2>&1; (( x )) | cat; while (( i < 3 )); do ((i++)); done; }", "f () \n{ \n    ((x+=1)) > /dev/null 2>&1;\n    (( x )) | cat;\n    while (( i < 3 )); do\n        ((i++));\n    done\n}"],
  ["jobs", "((1)) && sleep 30 &", "((1)) && sleep 30"],
  ["type", "f() { for ((i=0;i<3;i++)); do echo $i; done; for (( ; ; )) do break; done; for ((i=0; i<2; i++)) { echo b; }; }", "f () \n{ \n    for ((i=0; i<3; i++))\n    do\n        echo $i;\n    done;\n    for ((1; 1; 1))\n    do\n        break;\n    done;\n    for ((i=0; i<2; i++))\n    do\n        echo b;\n    done\n}"],
  ["type", "g() { for (( i = 0 ; i < 3 ; i++ )); do :; done; for ((a; ;c)) { :; }; }", "g () \n{ \n    for ((i = 0 ; i < 3 ; i++ ))\n    do\n        :;\n    done;\n    for ((a; 1; c))\n    do\n        :;\n    done\n}"],
  ["jobs", "for ((i=0;i<1;i++)); do sleep 30; done &", "for ((i=0; i<1; i++))\ndo\n    sleep 30;\ndone"],
  ["jobs", "{ sleep 30; } 2>/dev/null >&2 &", "{ sleep 30; } 2> /dev/null 1>&2"],
  ["jobs", "{ f() { :; }; sleep 30; } &", "{ function f () \n{ \n    :\n}; sleep 30; }"],
  ["jobs", "{ sleep 30; echo; } | cat &", "{ sleep 30; echo; } | cat"],
  ["jobs", "if true; then sleep 30; fi | cat &", "if true; then\n    sleep 30;\nfi | cat"],
  ["jobs", "sleep 30 | while read x; do echo; done &", "sleep 30 | while read x; do\n    echo;\ndone"],
  ["jobs", "for i in 1; do for j in 2; do sleep 30; done; done &", "for i in 1;\ndo\n    for j in 2;\n    do\n        sleep 30;\n    done;\ndone"],
  ["jobs", "{ { cat <<E\nx\nE\n} | sleep 30; echo; } &", "{ { cat <<E\nx\nE\n } | sleep 30 echo; }"],
  ["jobs", "{ cat <<E | sleep 30; echo; } &\nx\nE", "{ cat <<E |\nx\nE\n  sleep 30 echo; }"],
];

/** The same, for sources with `$((…))`: run once the parser reads arithmetic expansion. */
const BASH_ARITH: readonly Row[] = [
  ["type", "f() { echo $(( 1+2 )) \"$(ls -l)\" `date` ${x:-y} 'a  b' \"c  d\"; }", "f () \n{ \n    echo $(( 1+2 )) \"$(ls -l)\" `date` ${x:-y} 'a  b' \"c  d\"\n}"],
  ["type", "f() { x=1 y=$((2)) env; }", "f () \n{ \n    x=1 y=$((2)) env\n}"],
  ["jobs", "sleep 30 $((1+2)) \"$(echo a)\" 'a  b' &", "sleep 30 $((1+2)) \"$(echo a)\" 'a  b'"],
];

/** What the row's printer gives for its source. */
function printed([kind, src]: Row): string {
  const items = parse(src).items;
  if (kind === 'type') return printFunction(items[0]!.first.commands[0] as FunctionDefinition);
  return printJob(items.find((i) => i.background) ?? items[0]!);
}

const arithParses = (() => {
  try {
    parse('$((1))');
    return true;
  } catch {
    return false;
  }
})();

describe('print: as bash 5.2 prints it', () => {
  it.each(BASH)('%s %j', (...row) => {
    expect(printed(row)).toBe(row[2]);
  });

  it.runIf(arithParses).each(BASH_ARITH)('%s %j', (...row) => {
    expect(printed(row)).toBe(row[2]);
  });
});

describe('print: pieces', () => {
  const first = (src: string) => parse(src).items[0]!;

  it('a list on one line, with its `&`s', () => {
    expect(printList(parse('a;b&c\nd &'))).toBe('a; b & c; d &');
    expect(printList(parse(''))).toBe('');
  });

  it('an and-or list and a pipeline keep their `!`', () => {
    expect(printAndOr(first('! a|b &&c ||  ! d'))).toBe('! a | b && c || ! d');
    expect(printPipeline(first('!  a|b').first)).toBe('! a | b');
  });

  it('a job of a pipeline is its stages, without the `!`; with && or || it is the whole list', () => {
    expect(printJob(first('! a | (b) &'))).toBe('a | ( b )');
    expect(printJob(first('! a | b && c &'))).toBe('! a | b && c');
  });

  it('a simple command: words as written, single spaces, redirections after the words', () => {
    const cmd = first("x='1  2'   2>e  echo  \"a  b\"  >&2").first.commands[0]!;
    expect(printCommand(cmd)).toBe("x='1  2' echo \"a  b\" 2> e 1>&2");
  });
});

/** bash prints `for i; do` as `for i in "$@"`; the trees differ only there. */
function printedShape(list: List): string {
  return shape(list).replace(/\(for (\w+) do /g, '(for $1 in "$@" do ');
}

/** Programs of every construct the printer lays out (no `elif`: bash prints it as `else if`). */
const program = (() => {
  const word = fc.constantFrom('a', 'b2', '"q  r"', "'s t'", '$v', '${v:-d}', 'x\\ y', '$(c)', '`d`');
  const redirect = fc.constantFrom('', ' >f', ' 2>&1', ' <in', ' >>"o g"', ' 2>>e', ' 3<>x', ' &>o');
  const separator = fc.constantFrom(';', '\n', '&', ' ;\n\n');
  const simple = fc
    .tuple(fc.constantFrom('cmd', 'echo', 'x=1', 'true'), fc.array(word, { maxLength: 3 }), redirect)
    .map(([name, args, r]) => `${[name, ...args].join(' ')}${r}`);
  // bash's printer drops the next `;` after a here-document body printed before more text on
  // its line (`{ cat <<E ... } | x; y` prints `x y`, `( cat <<E ... ); y` prints `) y`), so
  // (a `;` anywhere later: bash forgets to clear its flag) here-documents go only where the text
  // parses back: in the last and-or list of the program, last in it.
  const heredoc = fc
    .tuple(fc.constantFrom('<<E', '<<-E', "<<'E'", "2<<'E'"), redirect, fc.constantFrom('x', 'a $v', '\ttab'))
    .map(([op, r, body]) => ({ text: `cat ${op}${r}`, separator: `\n${body}\nE\n` }));
  return fc.letrec<{ program: string; list: string; command: string; andOr: string; compound: string }>((tie) => ({
    program: fc
      .tuple(fc.option(tie('list')), fc.option(fc.tuple(fc.option(tie('andOr')), heredoc)))
      .map(([l, h]) => {
        const last = h === null ? '' : `${h[0] === null ? '' : `${h[0]} && `}${h[1].text}${h[1].separator}`;
        return l === null ? last || 'true' : `${l} ${last}`;
      }),
    list: fc
      .array(fc.tuple(tie('andOr'), separator), { minLength: 1, maxLength: 3 })
      .map((items) => items.map(([a, s]) => `${a}${s === '&' ? ' &' : s}`).join(' ')),
    andOr: fc
      .array(fc.tuple(fc.boolean(), fc.array(tie('command'), { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 2 })
      .map((pipes) => pipes.map(([bang, cmds]) => (bang ? '! ' : '') + cmds.join(' | ')).join(' ||\n ')),
    command: fc.oneof({ depthSize: 'small', withCrossShrink: true }, simple, simple, tie('compound')),
    compound: fc.oneof(
      { depthSize: 'small' },
      fc.tuple(tie('list'), redirect).map(([l, r]) => `( ${l} )${r}`),
      fc.tuple(tie('list'), redirect).map(([l, r]) => `{ ${l} }${r}`),
      fc.tuple(tie('list'), tie('list'), fc.option(tie('list'))).map(([c, b, e]) => `if ${c} then ${b}${e ? ` else ${e}` : ''} fi`),
      fc.tuple(fc.constantFrom('while', 'until'), tie('list'), tie('list')).map(([k, c, b]) => `${k} ${c} do ${b} done`),
      fc.tuple(fc.option(fc.array(word, { maxLength: 3 })), tie('list')).map(([ws, b]) => `for i${ws ? ` in ${ws.join(' ')}` : ''}; do ${b} done`),
      fc
        .tuple(word, fc.array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 2 }), fc.option(tie('list')), fc.constantFrom(';;', ';&', ';;&')), { maxLength: 3 }))
        .map(([subject, items]) => `case ${subject} in\n${items.map(([ps, b, t]) => `${ps.join('|')}) ${b ?? ''} ${t}\n`).join('')}esac`),
      fc.tuple(fc.constantFrom('f', 'g_1'), tie('list'), redirect).map(([name, b, r]) => `${name}() { ${b} }${r}`),
    ),
  })).program;
})();

describe('print: round trip', () => {
  it('for random programs, the printed text parses to the same tree', () => {
    fc.assert(
      fc.property(program, (src) => {
        const tree = parse(src);
        const text = printList(tree);
        expect(shape(parse(text)), JSON.stringify(text)).toBe(printedShape(tree));
        // and as a function body, where bash prints one command a line
        const def = parse(`f() { ${src}\n}`).items[0]!.first.commands[0] as FunctionDefinition;
        expect(shape(parse(printFunction(def))).replace(/^\(fn f /, ''), JSON.stringify(src)).toBe(`(group ${printedShape(tree)}))`);
      }),
      { numRuns: 300 },
    );
  });
});

/** Asks bash now: `type f` for a function. */
function bashType(src: string): string {
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `${src}\ntype f`], { encoding: 'utf8' });
  return out.replace(/^f is a function\n/, '').replace(/\n$/, '');
}

describe('print: live against bash', () => {
  it.each(BASH.filter(([kind]) => kind === 'type').filter((_, i) => i % 8 === 0))('type %s %j', (...row) => {
    expect(printed(row)).toBe(bashType(row[1]));
  });

  it('jobs in an interactive bash shows what printJob gives', async () => {
    const bash = await startBash();
    for (const src of ['(sleep 50; echo done) &', 'for i in 1; do sleep 52; done &', 'x=1 sleep 30 2>/dev/null >&2 | sleep 31 &']) {
      await run(bash, src);
      const listed = await outputOf(bash, 'jobs');
      await run(bash, 'kill %1; wait');
      expect(listed).toBe(`[1]+  Running                 ${printed(['jobs', src, ''])} &`);
    }
  });
});
