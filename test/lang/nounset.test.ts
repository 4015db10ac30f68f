// `set -u` (nounset, read from `$-`): expanding an unset parameter is an expansion error with
// bash's words, except `$@` and `$*`, and the operators that test for unset ones.

import { describe, expect, it } from 'vitest';
import { expandWords } from '../../src/lang/expand.js';
import { fakeContext, simple } from './helpers.js';

/** Async, so that an error thrown at once (expansion that waits for nothing) is a rejection too. */
async function fields(source: string, positional: string[] = []): Promise<string[]> {
  return expandWords(simple(source).words, fakeContext({ vars: { '-': 'u', set: 'v' }, positional }));
}

describe('set -u', () => {
  it.each([
    ['echo $nope', 'nope: unbound variable'],
    ['echo "${nope}"', 'nope: unbound variable'],
    ['echo ${#nope}', 'nope: unbound variable'],
    ['echo ${nope#x}', 'nope: unbound variable'],
    ['echo $2', '$2: unbound variable'],
    ['echo $!', '$!: unbound variable'],
    ['echo $((nope + 1))', 'nope: unbound variable'],
  ])('%s fails: %s', async (source, message) => {
    await expect(fields(source, ['one'])).rejects.toThrow(message);
  });

  it('lets set ones, $@, $*, and the operators for unset ones through', async () => {
    expect(await fields('echo $set "$@" $* ${nope-d} ${nope:-e} ${nope+x} $((set2=1))')).toEqual(['echo', 'v', 'd', 'e', '1']);
  });
});
