// jcsh-pty's text handling: normalizing transcripts, diffs, shell words, stty output.

import { describe, expect, test } from 'vitest';
import { unifiedDiff } from '../../src/ptytest/cli/diff.js';
import { normalizeTranscript } from '../../src/ptytest/cli/normalize.js';
import { quoteWord, splitWords } from '../../src/ptytest/cli/shellwords.js';
import { isCooked, parseStty } from '../../src/ptytest/termios.js';

describe('normalizing transcripts', () => {
  const prompts = [/pty\$ |tsh> /];

  test('pids become placeholders in order of appearance, in the contexts shells print them', () => {
    const tsh = ['tsh> ./spin 4 &', '[1] (4242) ./spin 4 &', 'tsh> ./spin 5', 'Job [2] (4250) stopped by signal 20',
      'tsh> jobs', '[1] (4242) Running ./spin 4 &', '[2] (4250) Stopped ./spin 5', 'tsh> fg 9999999', '(9999999): No such process'].join('\n');
    expect(normalizeTranscript(tsh, { pids: new Set(), prompts }).split('\n')).toEqual([
      '<prompt> ./spin 4 &', '[1] (<pid1>) ./spin 4 &', '<prompt> ./spin 5', 'Job [2] (<pid2>) stopped by signal 20',
      '<prompt> jobs', '[1] (<pid1>) Running ./spin 4 &', '[2] (<pid2>) Stopped ./spin 5', '<prompt> fg 9999999',
      '(9999999): No such process',
    ]);
  });

  test('bash: launch lines, jobs -l, sampled pids elsewhere; status columns folded; numbers that are not pids stay', () => {
    const bash = ['pty$ sleep 100 &', '[1] 777', 'pty$ echo $!', '777', 'pty$ jobs -l', '[1]+   777 Running                 sleep 100 &',
      'pty$ echo 100 $$', '100 31337', 'pty$'].join('\n');
    expect(normalizeTranscript(bash, { pids: new Set([31337]), prompts })).toBe(
      ['<prompt> sleep 100 &', '[1] <pid1>', '<prompt> echo $!', '<pid1>', '<prompt> jobs -l', '[1]+ <pid1> Running sleep 100 &',
        '<prompt> echo 100 $$', '100 <pid2>', '<prompt>'].join('\n'),
    );
  });

  test('two shells with different pids and column widths come out equal', () => {
    const a = normalizeTranscript('pty$ spin 4 &\n[1] 100\npty$ jobs\n[1]+  Running                 spin 4 &', { pids: new Set(), prompts });
    const b = normalizeTranscript('pty$ spin 4 &\n[1] 200\npty$ jobs\n[1]+  Running                    spin 4 &', { pids: new Set(), prompts });
    expect(a).toBe(b);
  });
});

describe('unified diff', () => {
  test('equal lists give nothing', () => {
    expect(unifiedDiff(['a', 'b'], ['a', 'b'], 'x', 'y')).toBe('');
  });

  test('a change in the middle, with three lines of context', () => {
    const a = ['1', '2', '3', '4', 'old', '6', '7', '8', '9'];
    const b = ['1', '2', '3', '4', 'new', '6', '7', '8', '9'];
    expect(unifiedDiff(a, b, 'bash', 'jcsh')).toBe(
      ['--- bash', '+++ jcsh', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-old', '+new', ' 6', ' 7', ' 8', ''].join('\n'),
    );
  });

  test('additions at the end and removals at the start', () => {
    expect(unifiedDiff(['x', 'a'], ['a', 'y'], 'l', 'r')).toBe(['--- l', '+++ r', '@@ -1,2 +1,2 @@', '-x', ' a', '+y', ''].join('\n'));
    expect(unifiedDiff([], ['z'], 'l', 'r')).toBe(['--- l', '+++ r', '@@ -0,0 +1,1 @@', '+z', ''].join('\n'));
  });
});

describe('shell words', () => {
  test('split with quotes and backslashes; quote back', () => {
    expect(splitWords(`bash --norc -i`)).toEqual(['bash', '--norc', '-i']);
    expect(splitWords(`sh -c 'echo  "hi"' a\\ b "x\\"y"`)).toEqual(['sh', '-c', 'echo  "hi"', 'a b', 'x"y']);
    expect(() => splitWords(`sh -c 'oops`)).toThrow(/unterminated/);
    expect(quoteWord('less')).toBe('less');
    expect(quoteWord("it's here")).toBe(`'it'\\''s here'`);
  });
});

describe('stty -a', () => {
  const sample = [
    'speed 38400 baud; rows 24; columns 80; line = 0;',
    'intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;',
    'susp = ^Z; min = 1; time = 0;',
    '-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts',
    'isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt',
  ].join('\n');

  test('flags, settings and size', () => {
    const modes = parseStty(sample);
    expect(modes.flags).toMatchObject({ isig: true, icanon: true, echo: true, tostop: false, cs8: true, parenb: false });
    expect(modes.settings).toMatchObject({ intr: '^C', susp: '^Z', min: '1' });
    expect([modes.cols, modes.rows]).toEqual([80, 24]);
    expect(isCooked(modes)).toBe(true);
    expect(isCooked(parseStty(sample.replace(' icanon', ' -icanon')))).toBe(false);
  });
});
