// A copy of the shell made for a subshell takes its source and state from an fd
// (--subshell-fd), never from its command line; bad input is one clear error.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { readSubshellInput } from '../../src/cli/subshell.js';
import { loadNative } from '../../src/os/linux/native.js';
import { encodeSubshellInput } from '../../src/os/linux/spawn.js';

const native = loadNative();

describe('--subshell-fd', () => {
  it('names the fd of a subshell copy', () => {
    expect(parseArgs(['--subshell-fd', '3'], false).mode).toEqual({ kind: 'subshell', fd: 3 });
  });

  it('refuses what is not an fd, and a missing one', () => {
    expect(() => parseArgs(['--subshell-fd', 'x'], false)).toThrow(new UsageError('--subshell-fd: x: not a file descriptor'));
    expect(() => parseArgs(['--subshell-fd'], false)).toThrow(new UsageError('--subshell-fd: option requires an argument'));
  });

  it('reads back what the port wrote, and closes the fd', () => {
    const fd = native.memfd(encodeSubshellInput('a && b', '{"vars":{}}'));
    expect(readSubshellInput(fd)).toEqual({ source: 'a && b', state: '{"vars":{}}' });
    expect(() => fs.fstatSync(fd)).toThrow(expect.objectContaining({ code: 'EBADF' }));
  });

  it('says in one line what is wrong with bad input', () => {
    const fd = native.memfd(new TextEncoder().encode('not json'));
    expect(() => readSubshellInput(fd)).toThrow(new Error(`--subshell-fd ${fd}: not a subshell's input`));
    expect(() => readSubshellInput(999)).toThrow(new Error('--subshell-fd 999: EBADF'));
  });
});
