// What a failing wait tells you, and that nothing hangs when the program ends.

import { afterEach, describe, expect, test } from 'vitest';
import { closeAllSessions, PtyExpectError, spawnPty } from '../../src/ptytest/index.js';
import { run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);

async function failureOf(promise: Promise<unknown>): Promise<PtyExpectError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PtyExpectError);
  return error as PtyExpectError;
}

describe('a failed expect explains itself', () => {
  test('the report has what was awaited, the screen, the stream tail and the last events', async () => {
    const cat = spawnPty('cat', [], { cols: 30, rows: 4 });
    cat.sendLine('hello');
    await cat.expect('hello\r\nhello\r\n'); // the tty's echo, then cat's copy
    cat.send('more\x1b');
    const error = await failureOf(cat.expect(/never-(\d)/, { timeout: 150 }));
    const message = error.message;

    expect(error.reason).toBe('timeout');
    expect(message).toMatch(/^timed out after 150 ms waiting for \/never-\(\\d\)\/ on the stream/);
    expect(message).toContain(`Command: cat (pid ${cat.pid}) (still running)`);
    // The screen, as a box.
    expect(message).toContain('Screen (30x4, cursor at x=6 y=2, normal screen):');
    expect(message).toContain(`│hello${' '.repeat(25)}│`);
    expect(message).toContain(`│more^[${' '.repeat(24)}│`);
    expect(message).toContain('┌──────────────────────────────┐');
    // The stream, with control characters visible.
    expect(message).toMatch(/Stream tail \(last \d+ of \d+ chars, \d+ after the stream cursor\):/);
    expect(message).toContain('hello\\r\\n');
    expect(message).toContain('more^['); // cat's echo of ESC in the tty's caret notation
    // The recent I/O with times.
    expect(message).toMatch(/Last \d+ I\/O events:/);
    expect(message).toMatch(/\d+\.\d ms {2}in {5}more\\x1b/);
    expect(message).toMatch(/\d+\.\d ms {2}out {4}hello\\r\\n/);
    expect(error.events.length).toBeGreaterThan(0);
  });

  test('a screen expect reports the same way', async () => {
    const bash = spawnBash({ cols: 40, rows: 5 });
    await bash.expectPrompt();
    const error = await failureOf(bash.expect('nowhere', { on: 'screen', timeout: 100 }));
    expect(error.message).toMatch(/^timed out after 100 ms waiting for "nowhere" on the screen/);
    expect(error.snapshot).toBe(await bash.snapshot());
  });

  test('the stream tail is cut to the last 500 characters', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    await run(bash, "printf 'x%.0s' $(seq 1 2000); echo");
    const error = await failureOf(bash.expect('absent', { timeout: 50 }));
    const tailSection = /Stream tail \(last (\d+) of (\d+) chars/.exec(error.message);
    expect(Number(tailSection?.[1])).toBe(500);
    expect(Number(tailSection?.[2])).toBeGreaterThan(2000);
  });

  test('the stack points at the test, not at the toolkit', async () => {
    const cat = spawnPty('cat');
    const error = await failureOf(cat.expect('nope', { timeout: 20 }));
    const firstFrame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
    expect(firstFrame).toContain('failures.test.ts');
  });
});

describe('the program ends while a wait is pending', () => {
  test('an exit fails the expect with the status and the output, not by its timeout', async () => {
    const sh = spawnPty('sh', ['-c', 'echo last-words; exit 3']);
    const error = await failureOf(sh.expect('never', { timeout: 20_000 }));
    expect(error.reason).toBe('exit');
    expect(error.exit).toEqual({ exitCode: 3, signal: null });
    expect(error.message).toMatch(/^process exited with status 3 while waiting for "never" on the stream/);
    expect(error.message).toContain('last-words\\r\\n');
  });

  test('an exit during a screen expect fails it too', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    const pending = bash.expect('never', { on: 'screen', timeout: 20_000 });
    bash.sendLine('exit 7');
    const error = await failureOf(pending);
    expect(error.reason).toBe('exit');
    expect(error.exit?.exitCode).toBe(7);
  });

  test('an expect after the exit fails at once, a matching one still succeeds', async () => {
    const sh = spawnPty('sh', ['-c', 'echo done-now']);
    const result = await sh.waitExit();
    expect(result).toEqual({ exitCode: 0, signal: null, output: 'done-now\r\n' });
    await sh.expect('done-now');
    expect((await failureOf(sh.expect('more', { timeout: 20_000 }))).reason).toBe('exit');
  });

  test('waitExit reports death by a signal', async () => {
    const sh = spawnPty('sh', ['-c', 'echo dying; kill -TERM $$']);
    const result = await sh.waitExit();
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    expect(result.output).toBe('dying\r\n');
  });

  test('waitExit keeps every byte written just before the exit', async () => {
    const sh = spawnPty('sh', ['-c', 'seq 1 20000; printf end-marker']);
    const { output, exitCode } = await sh.waitExit();
    expect(exitCode).toBe(0);
    expect(output.endsWith('19999\r\n20000\r\nend-marker')).toBe(true);
    expect(output.split('\r\n')).toHaveLength(20001);
  });

  test('waitExit times out with a report while the program runs on', async () => {
    const cat = spawnPty('cat');
    const error = await failureOf(cat.waitExit({ timeout: 100 }));
    expect(error.message).toMatch(/^timed out after 100 ms waiting for the process to exit/);
  });

  test('a missing program is an early exit, not a hang', async () => {
    const nothing = spawnPty('/nonexistent/program');
    const error = await failureOf(nothing.expect('anything', { timeout: 20_000 }));
    expect(error.reason).toBe('exit');
    expect(error.exit?.exitCode).not.toBe(0);
  });
});

describe('misuse is reported', () => {
  test('two stream expects at once are refused', async () => {
    const cat = spawnPty('cat');
    const first = cat.expect('a', { timeout: 1000 });
    await expect(cat.expect('b')).rejects.toThrow(/another stream expect is still waiting/);
    cat.send('a');
    await first;
  });

  test('expectPrompt without a prompt, trace without trace: true, unknown keys', async () => {
    const cat = spawnPty('cat');
    await expect(cat.expectPrompt()).rejects.toThrow(/no prompt/);
    expect(() => cat.trace()).toThrow(/trace: true/);
    expect(() => cat.press('Hyper+X' as never)).toThrow(/unknown key name/);
  });

  test('writing after the end throws', async () => {
    const sh = spawnPty('true');
    await sh.waitExit();
    expect(() => sh.send('x')).toThrow(/session has ended/);
  });
});
