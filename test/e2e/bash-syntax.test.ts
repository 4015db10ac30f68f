// bash's syntax that jcsh reads at a prompt as bash does: `((` and `[[` continued on the next
// line (PS2), `for ((…))`, here-strings, `read` at the end of a pipeline, and an arithmetic error
// that abandons the line with $? 1.

import { describe, expect, it } from 'vitest';
import { outputOf, startJcsh } from './harness.js';

describe('bash syntax at a prompt', () => {
  it('asks for more of an unclosed (( and runs it whole', async () => {
    const s = await startJcsh();
    s.sendLine('(( 2 +');
    await s.expect('> ');
    expect(await outputOf(s, '2 > 3 )) && echo arith-true')).toBe('arith-true');
    expect(await outputOf(s, 'for ((i=0; i<3; i++)); do printf %s $i; done; echo')).toBe('012');
  });

  it('asks for more of an unclosed [[, and reports its syntax errors as bash does', async () => {
    const s = await startJcsh();
    s.sendLine('[[ -n $HOME &&');
    await s.expect('> ');
    expect(await outputOf(s, '$HOME == /* ]] && echo cond-true')).toBe('cond-true');
    expect(await outputOf(s, '[[ 12x =~ ^([0-9]+)x ]] && echo "$BASH_REMATCH"')).toBe('12x');
    expect(await outputOf(s, '[[ a b ]]')).toBe('jcsh: conditional binary operator expected');
    expect(await outputOf(s, 'echo "st=$?"')).toBe('st=2');
  });

  it('feeds a here-string and a pipe to read', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'read -r a b <<< "one $((1+1)) three"; echo "$a|$b"')).toBe('one|2 three');
    expect(await outputOf(s, 'echo a b | { read x y; echo "y=$y"; }')).toBe('y=b');
  });

  it('abandons the line after an arithmetic error, with $? 1', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'echo $((1/0)); echo same line')).toBe('jcsh: 1/0: division by 0 (error token is "0")');
    expect(await outputOf(s, 'echo "st=$?"')).toBe('st=1');
  });
});
