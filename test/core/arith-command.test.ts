// bash's `((expression))` as the executor runs it: status 0 for a value that is not zero,
// 1 for zero; assignments stay in the shell; an error fails only the command, with `((: `.
// And bash's `for ((init; test; step))` loop.

import { describe, expect, it } from 'vitest';
import { fakeShell, runLine } from './fakeport.js';

const script = () => fakeShell({ interactive: false, monitor: false }).shell;

describe('the arithmetic command', () => {
  it('is true for a value that is not zero and sets variables in the shell', async () => {
    const shell = script();
    expect((await runLine(shell, '((x = 6 * 7)); echo "$x $?"; ((x - 42)); echo $?; (( )); echo $?')).out).toBe('42 0\n1\n1\n');
  });

  it('expands its words first, never splitting them', async () => {
    const shell = script();
    shell.vars.set('e', '1 +  2');
    expect((await runLine(shell, '(( $e == 3 )) && echo three; (( "2" > 1 )) && echo quoted')).out).toBe('three\nquoted\n');
  });

  it('fails alone on an arithmetic error, with bash\'s message', async () => {
    const shell = script();
    expect(await runLine(shell, '(( 1/0 )); echo "after $?"')).toEqual({
      status: 0, out: 'after 1\n', err: 'jcsh: ((: 1/0 : division by 0 (error token is "0 ")\n',
    });
  });

  it('ends the shell under set -e when false, unless tested', async () => {
    const shell = script();
    await runLine(shell, 'set -e');
    expect((await runLine(shell, '((0)) || echo tested; if ((0)); then :; fi; echo alive')).out).toBe('tested\nalive\n');
    await expect(runLine(shell, '((0)); echo no')).rejects.toMatchObject({ name: 'ExitRequest', status: 1 });
  });
});

describe('the arithmetic for loop', () => {
  it('runs init once, the body while test holds, step after each pass and after continue', async () => {
    const shell = script();
    const r = await runLine(shell, 'for ((i=0; i<5; i++)); do ((i==1)) && continue; ((i==3)) && break; echo $i; done; echo "end $i $?"');
    expect(r.out).toBe('0\n2\nend 3 0\n');
  });

  it('takes an empty test as true, and ends on an error with status 1', async () => {
    const shell = script();
    expect((await runLine(shell, 'n=0; for ((;;)); do ((++n > 2)) && break; done; echo $n')).out).toBe('3\n');
    expect(await runLine(shell, 'for ((i=0; i<1/0; i++)); do echo no; done; echo "st $?"')).toEqual({
      status: 0, out: 'st 1\n', err: 'jcsh: ((: i<1/0: division by 0 (error token is "0")\n',
    });
  });
});
