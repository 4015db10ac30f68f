// jcsh-pty's readers: scenario scripts, shell-lab traces, values, and its command line.

import { describe, expect, test } from 'vitest';
import { InputError, UsageError } from '../../src/ptytest/cli/errors.js';
import { parseCommand } from '../../src/ptytest/cli/options.js';
import { parseScript } from '../../src/ptytest/cli/script-parse.js';
import { parseTrace } from '../../src/ptytest/cli/trace-parse.js';
import { parsePattern, parseText } from '../../src/ptytest/cli/values.js';

/** The one-line message a bad script gets. */
function scriptError(source: string): string {
  try {
    parseScript(source, 'demo.script');
  } catch (error) {
    if (error instanceof InputError) return error.format();
    throw error;
  }
  throw new Error('the script parsed');
}

describe('scenario scripts', () => {
  test('every directive parses, comments and blank lines are skipped, lines are numbered', () => {
    const steps = parseScript(
      ['# a comment', '', 'prompt', 'send sleep 100', 'fg job sleep', 'press ^Z x2', 'expect /Stopped\\s+sleep/i',
        'expect-screen "pty$ "', 'not Running', 'not-screen /^\\[1\\]/m', 'state sleep T', 'fg shell', 'no-zombies',
        'modes icanon -tostop', 'signal INT fg', 'resize 100 30', 'sleep 0.5', 'timeout 2000', 'type abc',
        'paste "a\\tb"', 'idle', 'show', 'wait-exit SIGHUP'].join('\n'),
      'demo.script',
    );
    expect(steps.map((s) => s.kind)).toEqual(['prompt', 'send', 'fg', 'press', 'expect', 'expect', 'not', 'not', 'state',
      'fg', 'no-zombies', 'modes', 'signal', 'resize', 'sleep', 'timeout', 'type', 'paste', 'idle', 'show', 'wait-exit']);
    expect(steps[0]!.line).toBe(3);
    expect(steps[3]).toMatchObject({ kind: 'press', key: 'Ctrl+Z', times: 2 });
    expect(steps[4]).toMatchObject({ kind: 'expect', on: 'stream', pattern: /Stopped\s+sleep/i });
    expect(steps[5]).toMatchObject({ kind: 'expect', on: 'screen', pattern: 'pty$ ' });
    expect(steps[11]).toMatchObject({ flags: [{ name: 'icanon', on: true }, { name: 'tostop', on: false }] });
    expect(steps[12]).toMatchObject({ signal: 'SIGINT', target: 'fg' });
    expect(steps[17]).toMatchObject({ text: 'a\tb' });
    expect(steps[20]).toMatchObject({ status: 'SIGHUP' });
  });

  test('send keeps inner blanks; an empty send is just Enter', () => {
    const steps = parseScript('send echo  a   b\nsend', 'x');
    expect(steps).toMatchObject([{ text: 'echo  a   b' }, { text: '' }]);
  });

  test('mistakes name the file and line, in one line', () => {
    expect(scriptError('prompt\n\nfrobnicate now')).toBe('jcsh-pty: demo.script:3: unknown directive "frobnicate"');
    expect(scriptError('expect /a(b/')).toMatch(/^jcsh-pty: demo\.script:1: bad regular expression \/a\(b\/: .*Unterminated group/);
    expect(scriptError('expect /usr/bin')).toMatch(/^jcsh-pty: demo\.script:1: bad regular expression \/usr\/bin: .*flags/);
    expect(scriptError('press Ctlr+C')).toBe('jcsh-pty: demo.script:1: unknown key "Ctlr+C" (try ^C, Enter, Tab, Up, Ctrl+D, Alt+b)');
    expect(scriptError('send "abc')).toBe('jcsh-pty: demo.script:1: unterminated quoted text: "abc');
    expect(scriptError('signal FOO shell')).toBe('jcsh-pty: demo.script:1: unknown signal "FOO"');
    expect(scriptError('state sleep X')).toMatch(/demo\.script:1: unknown state "X"/);
    expect(scriptError('prompt now')).toBe('jcsh-pty: demo.script:1: prompt takes no argument');
    expect(scriptError('press ^C 3')).toMatch(/demo\.script:1: press takes a key and an optional repeat count/);
    expect(scriptError('sleep soon')).toMatch(/demo\.script:1: not a number of seconds/);
  });
});

describe('values', () => {
  test('quoted text has escapes; plain text is literal', () => {
    expect(parseText('"a\\x03b\\e[0m\\r\\n\\"q\\""')).toBe('a\x03b\x1b[0m\r\n"q"');
    expect(parseText('a\\nb  ')).toBe('a\\nb');
    expect(parsePattern('/x+/g')).toEqual(/x+/g);
    expect(parsePattern('"/usr/bin"')).toBe('/usr/bin');
  });
});

describe('traces', () => {
  test('comments, commands as typed (trailing blanks kept), and the driver directives', () => {
    const items = parseTrace('#\n# trace06\n#\n./spin 4 \n\nSLEEP 2\nINT\nTSTP\nQUIT\nKILL\nCLOSE\nWAIT\n', 't.txt');
    expect(items.map((i) => i.kind)).toEqual(['comment', 'comment', 'comment', 'command', 'sleep', 'signal', 'signal', 'signal', 'signal', 'close', 'wait']);
    expect(items[3]).toEqual({ kind: 'command', text: './spin 4 ', line: 4 });
    expect(items[4]).toEqual({ kind: 'sleep', seconds: 2, line: 6 });
  });

  test('the lab\'s /bin/echo lines are just commands', () => {
    expect(parseTrace('/bin/echo -e tsh> ./myspin 4 \\046', 't')).toEqual([
      { kind: 'command', text: '/bin/echo -e tsh> ./myspin 4 \\046', line: 1 },
    ]);
  });

  test('a bad directive names the file and line', () => {
    expect(() => parseTrace('jobs\nSLEEP x', 't.txt')).toThrow(new InputError('t.txt', 2, 'SLEEP takes a number of seconds, not "x"'));
    expect(() => parseTrace('WAIT 3', 't.txt')).toThrow(/WAIT takes no argument/);
  });
});

describe('command line', () => {
  test('commands and options', () => {
    expect(parseCommand(['run', 'a.script', '--shell', 'bash -i', '--timeout=900', '--env', 'A=1', '--env', 'B=x=y'])).toMatchObject({
      kind: 'run',
      file: 'a.script',
      options: { shell: 'bash -i', timeout: 900, env: { A: '1', B: 'x=y' }, cols: 80, rows: 24 },
    });
    expect(parseCommand(['trace', 't.txt', '--signal-shell'])).toMatchObject({ kind: 'trace', signalShell: true });
    expect(parseCommand(['suspend-check', '--shell', 'bash', '--', 'less', '--help'])).toMatchObject({ program: ['less', '--help'] });
    expect(parseCommand(['suspend-check', 'vim', '-u', 'NONE'])).toMatchObject({ program: ['vim', '-u', 'NONE'] });
    expect(parseCommand([])).toEqual({ kind: 'help' });
  });

  test('mistakes are usage errors', () => {
    expect(() => parseCommand(['frob'])).toThrow(UsageError);
    expect(() => parseCommand(['run'])).toThrow(/exactly one SCRIPT/);
    expect(() => parseCommand(['run', 'a', '--signal-shell'])).toThrow(/unknown option --signal-shell/);
    expect(() => parseCommand(['trace', 't', '--timeout', 'soon'])).toThrow(/positive whole number/);
    expect(() => parseCommand(['trace', 't', '--prompt', '/(/'])).toThrow(/--prompt: bad regular expression/);
    expect(() => parseCommand(['suspend-check'])).toThrow(/needs a program/);
  });
});
