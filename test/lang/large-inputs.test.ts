// Long and pathological inputs parse correctly. Speed itself is measured by bench/, not here;
// a backtracking trap would show as this file's test timeout.

import { describe, expect, it } from 'vitest';
import { parse } from '../../src/lang/parser.js';



describe('parser performance', () => {
  it('parses 2000 simple lines in a few milliseconds', () => {
    const script = Array.from({ length: 2000 }, (_, i) => `echo line ${i} > /dev/null`).join('\n');
    expect(parse(script).items).toHaveLength(2000);
  });

  it('parses 2000 lines using every construct without superlinear slowdown', () => {
    const line = (i: number) =>
      `X${i}=~/a:b echo "q $HOME \${v:-d}" 'lit' \\$e $(date | tr a b) \`id\` 2>&1 >>log${i} | cat && ! true # c`;
    const script = Array.from({ length: 2000 }, (_, i) => line(i)).join('\n');
    expect(parse(script).items).toHaveLength(2000);
  });

  it('handles huge words, many escapes and deep nesting without blowing up', () => {
    expect(parse(`echo ${'a'.repeat(200_000)}`).items).toHaveLength(1);
    expect(parse(`echo "${'a\\"'.repeat(50_000)}"`).items).toHaveLength(1);
    expect(parse(`echo ${'$('.repeat(300)}x${')'.repeat(300)}`).items).toHaveLength(1);
    expect(parse(`echo ${'a='.repeat(50_000)}`).items).toHaveLength(1);
  });
});
