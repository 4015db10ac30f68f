// Long and pathological inputs parse into the right trees. Speed is measured by bench/, not
// here; a parser that backtracked or recursed without bound would show as this file's test
// timeout or a stack overflow, not as a wrong count.

import { describe, expect, it } from 'vitest';
import type { SimpleCommand } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { asSimple } from './helpers.js';

function onlyCommand(source: string): SimpleCommand {
  const items = parse(source).items;
  expect(items).toHaveLength(1);
  return items[0]!.first.commands.map(asSimple)[0]!;
}

describe('parser on large inputs', () => {
  it('parses 2000 simple lines, each into its own command with its own words and line number', () => {
    const script = Array.from({ length: 2000 }, (_, i) => `echo line ${i} > /dev/null`).join('\n');
    const items = parse(script).items;
    expect(items).toHaveLength(2000);
    const last = items[1999]!;
    expect(last.pos.line).toBe(2000);
    expect(last.first.commands.map(asSimple)[0]!.words.map((w) => w.source)).toEqual(['echo', 'line', '1999']);
  });

  it('parses 2000 lines using every construct, each into the same shape', () => {
    const line = (i: number) =>
      `X${i}=~/a:b echo "q $HOME \${v:-d}" 'lit' \\$e $(date | tr a b) \`id\` 2>&1 >>log${i} | cat && ! true # c`;
    const items = parse(Array.from({ length: 2000 }, (_, i) => line(i)).join('\n')).items;
    expect(items).toHaveLength(2000);
    for (const [i, item] of [[0, items[0]!], [1999, items[1999]!]] as const) {
      const first = item.first.commands.map(asSimple)[0]!;
      expect(first.assignments.map((a) => a.name)).toEqual([`X${i}`]);
      expect(first.words).toHaveLength(6);
      expect(first.redirects.map((r) => r.target.source)).toEqual(['1', `log${i}`]);
      expect(item.first.commands).toHaveLength(2);
      expect(item.rest.map((r) => [r.op, r.pipeline.bang])).toEqual([['&&', true]]);
    }
  });

  it('parses huge words, many escapes and deep nesting whole', () => {
    expect(onlyCommand(`echo ${'a'.repeat(200_000)}`).words[1]!.source).toHaveLength(200_000);
    const escaped = onlyCommand(`echo "${'a\\"'.repeat(50_000)}"`).words[1]!;
    expect(escaped.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('')).toBe('a"'.repeat(50_000));
    let part = onlyCommand(`echo ${'$('.repeat(300)}x${')'.repeat(300)}`).words[1]!.parts[0]!;
    let depth = 0;
    while (part.kind === 'command') {
      depth++;
      part = part.list.items[0]!.first.commands.map(asSimple)[0]!.words[0]!.parts[0]!;
    }
    expect(depth).toBe(300);
    expect(onlyCommand(`echo ${'a='.repeat(50_000)}`).words[1]!.source).toHaveLength(100_000);
  });
});
