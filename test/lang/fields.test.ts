// IFS field splitting rules, through splitFields (which expansion of `$x` shares).

import { describe, expect, it } from 'vitest';
import { splitFields } from '../../src/lang/fields.js';

describe('splitFields', () => {
  it('splits on runs of default white space and ignores it at both ends', () => {
    expect(splitFields('  a \t b\n\nc  ')).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing for empty or all-blank text', () => {
    expect(splitFields('')).toEqual([]);
    expect(splitFields(' \n ')).toEqual([]);
  });

  it('makes each non-white-space IFS character end a field, even an empty one', () => {
    expect(splitFields('a::b', ':')).toEqual(['a', '', 'b']);
    expect(splitFields(':a', ':')).toEqual(['', 'a']);
    expect(splitFields(':', ':')).toEqual(['']);
  });

  it('does not make an empty field after a final delimiter', () => {
    expect(splitFields('a:', ':')).toEqual(['a']);
    expect(splitFields('a::', ':')).toEqual(['a', '']);
  });

  it('absorbs IFS white space around another IFS character', () => {
    expect(splitFields('a : b', ' :')).toEqual(['a', 'b']);
    expect(splitFields(' : b', ' :')).toEqual(['', 'b']);
    expect(splitFields('a :: b', ' :')).toEqual(['a', '', 'b']);
  });

  it('treats white space that is not in IFS as ordinary text', () => {
    expect(splitFields('a b:c', ':')).toEqual(['a b', 'c']);
  });

  it('does not split at all with an empty IFS', () => {
    expect(splitFields(' a b ', '')).toEqual([' a b ']);
  });
});
