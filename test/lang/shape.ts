// A compact text for a parse tree, so that grammar tests can say what tree they expect in one
// line: `[echo a]` is a simple command, `(if [c] then [b] fi)` a compound one, and so on.

import { condText } from '../../src/lang/print-cond.js';
import type { Command, CompoundBody, List, Redirect } from '../../src/lang/ast.js';

export function shape(list: List): string {
  return list.items
    .map((item) => {
      const pipelines = [item.first, ...item.rest.map((r) => r.pipeline)].map(
        (p) => (p.bang ? '! ' : '') + p.commands.map(command).join(' | '),
      );
      const ops = item.rest.map((r) => r.op);
      let text = pipelines[0]!;
      ops.forEach((op, i) => (text += ` ${op} ${pipelines[i + 1]}`));
      return item.background ? `${text} &` : text;
    })
    .join('; ');
}

function redirects(rs: readonly Redirect[]): string {
  return rs.map((r) => ` ${r.fd ?? ''}${r.op}${r.target.source}`).join('');
}

function command(c: Command): string {
  switch (c.kind) {
    case 'simple': {
      const words = [...c.assignments.map((a) => `${a.name}=${a.value.source}`), ...c.words.map((w) => w.source)];
      return `[${words.join(' ')}${redirects(c.redirects)}]`;
    }
    case 'compound':
      return `(${body(c.body)})${redirects(c.redirects)}`;
    case 'function':
      return `(fn ${c.name} ${command(c.body)})`;
  }
}

function body(b: CompoundBody): string {
  switch (b.kind) {
    case 'subshell':
    case 'group':
      return `${b.kind} ${shape(b.list)}`;
    case 'if': {
      const clauses = b.clauses.map((c) => `${shape(c.condition)} then ${shape(c.body)}`).join(' elif ');
      return `if ${clauses}${b.otherwise ? ` else ${shape(b.otherwise)}` : ''}`;
    }
    case 'while':
    case 'until':
      return `${b.kind} ${shape(b.condition)} do ${shape(b.body)}`;
    case 'for':
      return `for ${b.name}${b.words ? ` in ${b.words.map((w) => w.source).join(' ')}` : ''} do ${shape(b.body)}`;
    case 'arith':
      return `arith ${b.expression.source}`;
    case 'cond':
      return `[[ ${condText(b.expression)} ]]`;
    case 'arith-for':
      return `for ((${[b.init, b.test, b.step].map((w) => w.source).join(';')})) do ${shape(b.body)}`;
    case 'case':
      return `case ${b.subject.source} ${b.items.map((i) => `${i.patterns.map((p) => p.source).join('|')}) ${shape(i.body)} ${i.terminator}`).join(' ')}`;
  }
}
