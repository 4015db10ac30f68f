// trap: operands as bash 5.2 reads them, its listing, what it asks of the kernel, the rules of
// subshells (they list the parent's traps, catch none of them) and of signals ignored at
// start, and running actions at safe points with `$?` kept.

import { describe, expect, it } from 'vitest';
import { trapBuiltin } from '../../../src/core/builtins/trap.js';
import { runExitTrap } from '../../../src/core/trap-run.js';
import { FakePort, fakeShell, runIn, runLine } from '../fakeport.js';

const USR1 = 10;
const USR2 = 12;

describe('trap', () => {
  it('sets, ignores and resets, and lists in bash format (EXIT first, then by number)', async () => {
    const { shell, port } = fakeShell();
    expect((await runIn(shell, trapBuiltin, 'trap', "echo it's", 'usr2', 'SigUsr1', '0')).status).toBe(0);
    expect((await runIn(shell, trapBuiltin, 'trap', '', 'INT')).status).toBe(0);
    expect((await runIn(shell, trapBuiltin, 'trap')).out).toBe([
      "trap -- 'echo it'\\''s' EXIT",
      "trap -- '' SIGINT",
      "trap -- 'echo it'\\''s' SIGUSR1",
      "trap -- 'echo it'\\''s' SIGUSR2",
      '',
    ].join('\n'));
    expect([...port.trapped]).toEqual([[USR2, 'catch'], [USR1, 'catch'], [2, 'ignore']]);
    expect((await runIn(shell, trapBuiltin, 'trap', '-p', 'USR1', 'HUP')).out).toBe("trap -- 'echo it'\\''s' SIGUSR1\n");
    await runIn(shell, trapBuiltin, 'trap', '-', 'USR1', 'INT');
    await runIn(shell, trapBuiltin, 'trap', 'USR2');
    await runIn(shell, trapBuiltin, 'trap', '0');
    expect((await runIn(shell, trapBuiltin, 'trap')).out).toBe('');
    expect(port.trapped.size).toBe(0);
  });

  it('reports a bad signal and goes on with the others; a lone action is a usage error', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, trapBuiltin, 'trap', 'echo a', 'INT', 'FOO', '65', 'TERM')).toEqual({
      status: 1, out: '', err: 'jcsh: trap: FOO: invalid signal specification\njcsh: trap: 65: invalid signal specification\n',
    });
    expect((await runIn(shell, trapBuiltin, 'trap')).out).toBe("trap -- 'echo a' SIGINT\ntrap -- 'echo a' SIGTERM\n");
    expect(await runIn(shell, trapBuiltin, 'trap', 'echo a')).toEqual({ status: 2, out: '', err: 'trap: usage: trap [-lp] [[arg] signal_spec ...]\n' });
    expect((await runIn(shell, trapBuiltin, 'trap', '-z')).status).toBe(2);
    expect((await runIn(shell, trapBuiltin, 'trap', '-l')).out).toMatch(/^ 1\) SIGHUP\t 2\) SIGINT\t/);
  });

  it('a copy of the shell lists its parent traps, and its own once it sets one, without touching a disposition', async () => {
    const { shell, port } = fakeShell();
    await runIn(shell, trapBuiltin, 'trap', 'echo x', 'USR1');
    await runIn(shell, trapBuiltin, 'trap', '', 'USR2');
    const copy = shell.subshell(false);
    expect(copy.traps.action(USR1)).toBeUndefined();
    expect(copy.traps.action(USR2)).toBe('');
    expect((await runIn(copy, trapBuiltin, 'trap')).out).toBe("trap -- 'echo x' SIGUSR1\ntrap -- '' SIGUSR2\n");
    await runIn(copy, trapBuiltin, 'trap', 'echo y', 'USR2');
    // Once it sets one, it lists its own.
    expect((await runIn(copy, trapBuiltin, 'trap')).out).toBe("trap -- 'echo y' SIGUSR2\n");
    // A signal to the process is the shell's (`kill $$`): its dispositions stay.
    expect(port.trapped.get(USR2)).toBe('ignore');
    expect(copy.traps.ignored).toEqual([]);
    await runIn(copy, trapBuiltin, 'trap', '-', 'USR1');
    expect(port.trapped.get(USR1)).toBe('catch');
    port.raise(USR1);
    expect(copy.traps.nextCaught()).toBeUndefined();
    expect(shell.traps.nextCaught()).toBe(USR1);
    expect(shell.traps.action(USR2)).toBe('');
  });

  it('ERR and RETURN by name in any case, listed after the signals; DEBUG refused in one line; none by number', async () => {
    const { shell, port } = fakeShell();
    expect((await runIn(shell, trapBuiltin, 'trap', 'echo r', 'return', 'Err', 'USR1')).status).toBe(0);
    expect((await runIn(shell, trapBuiltin, 'trap')).out).toBe("trap -- 'echo r' SIGUSR1\ntrap -- 'echo r' ERR\ntrap -- 'echo r' RETURN\n");
    expect([...port.trapped]).toEqual([[USR1, 'catch']]);
    expect(await runIn(shell, trapBuiltin, 'trap', 'echo d', 'DEBUG', '66', 'SIGERR')).toEqual({
      status: 1, out: '',
      err: 'jcsh: trap: DEBUG: trap on DEBUG is not supported by jcsh\njcsh: trap: 66: invalid signal specification\njcsh: trap: SIGERR: invalid signal specification\n',
    });
    await runIn(shell, trapBuiltin, 'trap', '-', 'ERR', 'RETURN');
    expect((await runIn(shell, trapBuiltin, 'trap')).out).toBe("trap -- 'echo r' SIGUSR1\n");
  });

  it('a non-interactive shell cannot trap a signal ignored at its start, and lists it as ignored', async () => {
    const port = new FakePort();
    port.startIgnored.add(USR1);
    const { shell } = fakeShell({ port, interactive: false, monitor: false });
    expect((await runIn(shell, trapBuiltin, 'trap', 'echo x', 'USR1')).status).toBe(0);
    expect((await runIn(shell, trapBuiltin, 'trap')).out).toBe("trap -- '' SIGUSR1\n");
    expect(port.trapped.size).toBe(0);
  });

  it('runs a caught signal action after the command, with $? kept; EXIT runs once with the exit status', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    await runLine(shell, `trap 'echo "got $?"; false' USR1; trap 'echo "exit $?"' EXIT`);
    port.raise(USR1);
    const r = await runLine(shell, 'true; echo after $?');
    expect(r.out).toBe('got 0\nafter 0\n');
    expect(await runExitTrap(shell, 4)).toBe(4);
    expect(await runExitTrap(shell, 5)).toBe(5);
    await shell.out.drain();
    expect(port.output(1)).toContain('exit 4\n');
    expect(port.output(1)).not.toContain('exit 5');
  });
});
