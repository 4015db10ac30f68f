// `--compat=tsh` on the command line: tsh always reads lines at a prompt (the lab's driver
// feeds it through pipes), and tsh's -p drops that prompt.

import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

describe('--compat=tsh', () => {
  it('reads its input line by line even when it is not a terminal', () => {
    expect(parseArgs(['--compat=tsh'], false)).toMatchObject({ compat: 'tsh', interactive: true, mode: { kind: 'interactive' } });
    expect(parseArgs([], false)).toMatchObject({ compat: 'bash', interactive: false, mode: { kind: 'stdin' } });
  });

  it('still runs -c and scripts', () => {
    expect(parseArgs(['--compat=tsh', '-c', '/bin/echo hi'], false).mode).toEqual({ kind: 'command', source: '/bin/echo hi' });
    expect(parseArgs(['--compat=tsh', 'trace.txt'], true).mode).toEqual({ kind: 'script', path: 'trace.txt' });
  });

  it('accepts tsh\'s -p, and only in tsh mode', () => {
    expect(parseArgs(['--compat=tsh', '-p'], false).noPrompt).toBe(true);
    expect(parseArgs(['-p', '--compat=tsh'], false).noPrompt).toBe(true);
    expect(parseArgs(['--compat=tsh'], false).noPrompt).toBe(false);
    expect(() => parseArgs(['-p'], true)).toThrow(UsageError);
  });
});
