// Here-documents: bodies after the line, in order; quoting; `<<-`; inside compound commands and
// `$( )`; an unterminated body warns as bash does.

import { describe, expect, it } from 'vitest';
import type { HereDoc, List, Redirect } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { CommandReader } from '../../src/lang/reader.js';
import { asSimple, lit, param, parseError } from './helpers.js';
import { shape } from './shape.js';

/** Every here-document redirection of a tree, in source order. */
function heredocs(list: List): Redirect[] {
  const out: Redirect[] = [];
  JSON.stringify(list, (_, v: unknown) => {
    if (v && typeof v === 'object' && 'heredoc' in v) out.push(v as Redirect);
    return v;
  });
  return out;
}

function docs(source: string): HereDoc[] {
  return heredocs(parse(source)).map((r) => r.heredoc!);
}

const bodies = (source: string) => docs(source).map((d) => d.body.source);

describe('here-documents', () => {
  it('reads the body after the line and goes on after the delimiter', () => {
    const list = parse('cat <<EOF; echo after\nline 1\nline 2\nEOF\necho next');
    expect(shape(list)).toBe('[cat <<EOF]; [echo after]; [echo next]');
    const [r] = heredocs(list);
    expect([r!.op, r!.fd, r!.target.source]).toEqual(['<<', null, 'EOF']);
    expect(r!.heredoc).toMatchObject({ delimiter: 'EOF', quoted: false });
    expect(r!.heredoc!.body.parts).toEqual([lit('line 1\nline 2\n', true)]);
  });

  it('reads several bodies of one line in order', () => {
    expect(bodies('cat <<A 3<<B; cat <<C\na\nA\nb\nB\nc\nC\n')).toEqual(['a\n', 'b\n', 'c\n']);
    expect(docs('cat 3<<B').map((d) => d.delimiter)).toEqual(['B']);
    expect(heredocs(parse('cat 3<<B\nB')).map((r) => r.fd)).toEqual([3]);
  });

  it('makes the body literal when any part of the delimiter is quoted', () => {
    for (const word of ["'EOF'", '"EOF"', '\\EOF', "E'O'F", 'E"OF"']) {
      const [d] = docs(`cat <<${word}\n$x \`a\` \\$y\nEOF\n`);
      expect(d).toMatchObject({ delimiter: 'EOF', quoted: true });
      expect(d!.body.parts).toEqual([lit('$x `a` \\$y\n', true)]);
    }
  });

  it('expands parameters and commands in an unquoted body, with backslash quoting only $ ` \\ and newline', () => {
    const [d] = docs('cat <<EOF\na $x ${y:-z} "q" \\$n \\\\ \\" \\a b\\\nc $(echo hi) `date`\nEOF\n');
    const parts = d!.body.parts;
    expect(parts[0]).toEqual(lit('a ', true));
    expect(parts[1]).toEqual(param('x', true));
    expect(parts[3]).toMatchObject({ kind: 'param', name: 'y', op: ':-', quoted: true });
    expect(parts[4]).toEqual(lit(' "q" $n \\ \\" \\a bc ', true));
    expect(parts[5]).toMatchObject({ kind: 'command', source: 'echo hi', quoted: true });
    expect(parts[7]).toMatchObject({ kind: 'command', source: 'date', quoted: true });
  });

  it('reads arithmetic expansions in an unquoted body, nested parentheses and lines included', () => {
    const [d] = docs('cat <<EOF\n$(( (1+2)*3 )) $((x\n+ 1)) ${y:-$((2))} )\nEOF\n');
    const kinds = d!.body.parts.map((p) => p.kind);
    expect(kinds).toEqual(['arith', 'literal', 'arith', 'literal', 'param', 'literal']);
    expect(d!.body.parts[0]).toMatchObject({ kind: 'arith', quoted: true, expression: { source: ' (1+2)*3 ' } });
    expect(d!.body.parts[2]).toMatchObject({ expression: { source: 'x\n+ 1' } });
    expect(d!.body.parts[5]).toEqual(lit(' )\n', true));
    const [q] = docs("cat <<'EOF'\n$((1+2))\nEOF\n");
    expect(q!.body.parts).toEqual([lit('$((1+2))\n', true)]);
  });

  it('joins a line ending in a backslash to the next one, which is then not the delimiter', () => {
    expect(bodies('cat <<EOF\na\\\nEOF\nEOF\n')).toEqual(['a\\\nEOF\n']);
    expect(bodies("cat <<'EOF'\na\\\nEOF\n")).toEqual(['a\\\n']);
  });

  it('strips leading tabs from the body and the delimiter line with <<-', () => {
    const [d] = docs('cat <<-EOF\n\t\ta\n\t b\n\tEOF\n');
    expect(d!.body.source).toBe('a\n b\n');
    expect(heredocs(parse('cat <<-EOF\n\tEOF'))[0]!.op).toBe('<<-');
    expect(bodies('cat <<EOF\n\tEOF\nEOF\n')).toEqual(['\tEOF\n']);
    // as bash: `a\<newline><tab>b` is `a<tab>b`, the joined line keeps its tab
    expect(bodies('cat <<-EOF\n\ta\\\n\tb\n\tEOF\n')).toEqual(['a\\\n\tb\n']);
  });

  it('reads bodies inside compound commands and inside $( )', () => {
    expect(bodies('if a; then\n  cat <<EOF\nbody\nEOF\nfi\n')).toEqual(['body\n']);
    expect(shape(parse('f() {\ncat <<EOF\n}\nEOF\n}'))).toBe('(fn f (group [cat <<EOF]))');
    const list = parse('echo $(cat <<EOF\ninner )\nEOF\n) after');
    expect(shape(list)).toBe('[echo $(cat <<EOF\ninner )\nEOF\n) after]');
    const part = asSimple(list.items[0]!.first.commands[0]!).words[1]!.parts[0]!;
    if (part.kind !== 'command') throw new Error('expected a command substitution');
    expect(heredocs(part.list)[0]!.heredoc!.body.source).toBe('inner )\n');
  });

  it('keeps an empty body and an empty delimiter', () => {
    expect(bodies('cat <<EOF\nEOF\n')).toEqual(['']);
    expect(bodies("cat <<''\na\n\nb")).toEqual(['a\n']);
  });

  it('warns as bash does at the end of the text and uses what it has', () => {
    const warnings: string[] = [];
    const list = parse('echo a\ncat <<EOF\nline\n', { warn: (m) => warnings.push(m) });
    expect(heredocs(list)[0]!.heredoc!.body.source).toBe('line\n');
    expect(warnings).toEqual(["warning: here-document at line 2 delimited by end-of-file (wanted `EOF')"]);
    expect(() => parse('cat <<EOF')).not.toThrow();
  });

  it('is incomplete while more lines may come (interactive input)', () => {
    for (const source of ['cat <<EOF', 'cat <<EOF\nabc', 'cat <<EOF\nabc\nEO']) {
      let error: unknown;
      try {
        new CommandReader(source, { partial: true }).next();
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ name: 'SyntaxError', incomplete: true });
    }
    expect(new CommandReader('cat <<EOF\nabc\nEOF', { partial: true }).next()).not.toBeNull();
  });

  it('wants a word after <<', () => {
    expect(parseError('cat <<')).toMatchObject({ message: "syntax error near unexpected token `newline'" });
    expect(parseError('cat << ;')).toMatchObject({ message: "syntax error near unexpected token `;'" });
  });
});
