// POSIX extended regular expressions for `[[ =~ ]]` turned into JavaScript ones: what glibc
// accepts and how it reads brackets, classes and intervals; what it refuses.

import { describe, expect, it } from 'vitest';
import { BadRegex, compileEre, posixMatch } from '../../src/lang/ere.js';

const first = (ere: string, text: string) => posixMatch(compileEre(ere), text);

describe('extended regular expressions', () => {
  it.each([
    ['^([0-9]+)x', '12x', '12x'],
    ['[[:digit:]]+', 'ab42c', '42'],
    ['[[:alpha:][:space:]]+', '1a b2', 'a b'],
    ['[^[:alnum:]]', 'ab-c', '-'],
    ['[]a]+', 'x]a]y', ']a]'],
    ['[a-]+', 'xa-y', 'a-'],
    ['[\\]+', 'a\\\\b', '\\\\'],
    ['a{2,}', 'aaaa', 'aaaa'],
    ['(ab){2}', 'ababab', 'abab'],
    ['a|b', 'xb', 'b'],
    // POSIX: the longest of the leftmost matches, not the first alternative
    ['a|ab', 'xabc', 'ab'],
    ['(a|ab)(c|bcd)', 'abcd', 'abcd'],
    ['(a*)(ab)?b', 'aabb', 'aabb'],
    ['^(x|xy)$|x', 'xy', 'xy'],
    ['x/y', 'x/y', 'x/y'],
    ['\\.', 'a.b', '.'],
    ['\\w+', '!ab_1 ', 'ab_1'],
    ['\\<b', 'ab b', 'b'],
    ['', 'x', ''],
  ])('%j on %j matches %j', (ere, text, match) => {
    expect(first(ere, text)).toBe(match);
  });

  it('takes a bracket expression literally but for classes and ranges', () => {
    expect(first('[.*]', 'a*')).toBe('*');
    expect(first('[.*]', 'ab')).toBe(null);
    expect(first('[[=a=]]', 'ba')).toBe('a');
  });

  it.each(['[', '*a', 'a{', '(a', 'a\\', '[[:nosuch:]]', '+', 'a|*'])('refuses %j', (ere) => {
    expect(() => compileEre(ere)).toThrow(BadRegex);
  });
});
