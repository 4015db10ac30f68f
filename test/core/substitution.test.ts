// Command substitution and prefix assignments as the executor runs them, over a pretend kernel
// whose pipes live in memory: `exit` (or an error that abandons a line) inside `$( )` ends
// only the substitution, `$?` after an assignment-only command is the last substitution's,
// and prefix assignments are expanded left to right, each seeing the ones before it.

import { describe, expect, it } from 'vitest';
import { parse } from '../../src/lang/parser.js';
import type { SimpleCommand } from '../../src/lang/ast.js';
import { expandCommand } from '../../src/core/command.js';
import { runList } from '../../src/core/execute.js';
import type { Shell } from '../../src/core/shell.js';
import { FakePort, fakeShell } from './fakeport.js';
import { asSimple } from '../lang/helpers.js';

const encoder = new TextEncoder();

/** A FakePort with in-memory pipes, enough for `$( )` run by builtins only. */
class PipePort extends FakePort {
  private next = 10;
  private readonly buffers = new Map<number, Uint8Array[]>();
  private readonly writerOf = new Map<number, number>();
  private readonly live = new Set<number>();
  private readonly readers = new Map<number, () => void>();

  override pipe(): [number, number] {
    const r = this.next++;
    const w = this.next++;
    this.buffers.set(r, []);
    this.writerOf.set(w, r);
    this.live.add(r).add(w);
    return [r, w];
  }

  override async write(fd: number, data: string | Uint8Array): Promise<void> {
    const r = this.writerOf.get(fd);
    if (r === undefined) return super.write(fd, data);
    this.buffers.get(r)!.push(typeof data === 'string' ? encoder.encode(data) : data);
    this.readers.get(r)?.();
  }

  // FakePort's close and read take no fd (it has none to track): these pipes need it
  override close(fd = -1): void {
    this.live.delete(fd);
    const r = this.writerOf.get(fd);
    if (r !== undefined) this.readers.get(r)?.();
  }

  override read(fd = -1): Promise<Uint8Array | null> {
    const chunks = this.buffers.get(fd)!;
    const writerOpen = [...this.writerOf].some(([w, r]) => r === fd && this.live.has(w));
    if (chunks.length > 0) return Promise.resolve(chunks.shift()!);
    if (!writerOpen) return Promise.resolve(null);
    return new Promise((resolve) => this.readers.set(fd, () => {
      this.readers.delete(fd);
      resolve(this.read(fd));
    }));
  }

  override isOpen(fd: number): boolean {
    return super.isOpen(fd) || this.live.has(fd);
  }
}

function scriptShell(): Shell {
  return fakeShell({ port: new PipePort(), interactive: false, monitor: false }).shell;
}

/** Runs `source` as a -c script would; returns what reached stdout and stderr and `$?`. */
async function run(source: string): Promise<{ out: string; err: string; status: number }> {
  const shell = scriptShell();
  const status = await runList(shell, parse(source));
  await shell.out.drain();
  const port = shell.port as FakePort;
  return { out: port.output(1), err: port.output(2), status };
}

function simpleCommand(source: string): SimpleCommand {
  return parse(source).items[0]!.first.commands.map(asSimple)[0]!;
}

describe('exit inside a command substitution', () => {
  it('ends only the substitution: the rest of the line runs', async () => {
    expect(await run('echo $(echo x; exit 33); echo after')).toEqual({ out: 'x\nafter\n', err: '', status: 0 });
  });

  it('ends a backquoted substitution the same way', async () => {
    expect(await run('echo "[`echo x; exit 4; echo y`]" $?; echo after')).toEqual({ out: '[x] 4\nafter\n', err: '', status: 0 });
  });

  it('sets $? of an assignment-only command to its status, as bash does', async () => {
    expect((await run('x=$(exit 5); echo $?')).out).toBe('5\n');
    expect((await run('x=$(exit 5) y=$(exit 6); echo $?')).out).toBe('6\n');
    expect((await run('x=$(exit 300); echo $?')).out).toBe('44\n');
  });

  it('an assignment without a substitution leaves $? at 0', async () => {
    expect((await run('false; x=1; echo $?')).out).toBe('0\n');
  });

  it('a bad exit operand ends the substitution with status 2', async () => {
    expect(await run('x=$(exit foo); echo $?')).toEqual({ out: '2\n', err: 'jcsh: exit: foo: numeric argument required\n', status: 0 });
  });

  it('an error that abandons a line abandons only the substitution, with status 1', async () => {
    expect(await run('x=$(exit 1 2; echo no); echo "$? [$x]"')).toEqual({ out: '1 []\n', err: 'jcsh: exit: too many arguments\n', status: 0 });
    expect(await run('x=$(echo ${y:?unset}; echo no); echo "$? [$x]"')).toEqual({ out: '1 []\n', err: 'jcsh: y: unset\n', status: 0 });
  });
});

describe('return inside a command substitution in a function', () => {
  it('ends only the substitution, with its status; local works there too', async () => {
    const r = await run('f() { echo "[$(return 4; echo no)] $? [$(local y=2; echo $y)]"; }; f');
    expect(r).toEqual({ out: '[] 4 [2]\n', err: '', status: 0 });
  });
});

describe('prefix assignments', () => {
  it('are expanded left to right, each seeing the ones before it', async () => {
    const shell = scriptShell();
    const e = await expandCommand(shell, simpleCommand('FOO=foo BAR="[$FOO]" env'), runList);
    expect(e.kind === 'ok' && [...e.command.assignments]).toEqual([['FOO', 'foo'], ['BAR', '[foo]']]);
  });

  it('see an earlier assignment to the same name', async () => {
    const shell = scriptShell();
    shell.vars.set('x', '1');
    const e = await expandCommand(shell, simpleCommand('x=2 y=$x env'), runList);
    expect(e.kind === 'ok' && e.command.assignments.get('y')).toBe('2');
  });

  it('do not change the shell\'s variables while a command is expanded', async () => {
    const shell = scriptShell();
    await expandCommand(shell, simpleCommand('FOO=foo BAR="[$FOO]" env'), runList);
    expect([shell.vars.get('FOO'), shell.vars.get('BAR')]).toEqual([undefined, undefined]);
  });

  it('are expanded after the command words, as in bash', async () => {
    const shell = scriptShell();
    const e = await expandCommand(shell, simpleCommand('y=$x env ${x=set-by-word}'), runList);
    expect(e.kind === 'ok' && e.command.assignments.get('y')).toBe('set-by-word');
  });

  it('are seen by a command substitution in a later assignment', async () => {
    expect((await run('x=1 y=$(echo "[$x]"); echo $y')).out).toBe('[1]\n');
    expect((await run('x=1 y="$(echo "[$x]")" env; echo "[$x][$y]"')).out).toBe('[][]\n');
    const shell = scriptShell();
    const e = await expandCommand(shell, simpleCommand('FOO=foo BAR=$(echo "[$FOO]") env'), runList);
    expect(e.kind === 'ok' && e.command.assignments.get('BAR')).toBe('[foo]');
  });

  it('without a command set the variables in order', async () => {
    expect((await run('FOO=foo BAR="[$FOO]"; echo "[$FOO][$BAR]"')).out).toBe('[foo][[foo]]\n');
  });
});
