// $'…' (bash's ANSI-C quoting): decoding, where it ends, and the text `type` shows for it.

import { describe, expect, it } from 'vitest';
import { scanAnsiC, translateAnsiC } from '../../src/lang/ansi-c.js';
import { simple } from './helpers.js';

const decode = (body: string) => scanAnsiC(`$'${body}'`, 0)?.text;

describe("$'…'", () => {
  it('decodes the C escapes bash knows', () => {
    expect(decode('a\\tb\\n\\r\\v\\f\\a\\b\\e\\E')).toBe('a\tb\n\r\v\f\x07\b\x1b\x1b');
    expect(decode("\\\\ \\' \\\" \\?")).toBe('\\ \' " ?');
    expect(decode('\\101\\0\\1010')).toBe('A\0A0');
    expect(decode('\\x41\\x4a\\x4A4')).toBe('AJJ4');
    expect(decode('\\u00e9\\U0001F600')).toBe('é😀');
    expect(decode('\\cA\\ca\\c?')).toBe('\x01\x01\x7f');
  });

  it('keeps an unknown escape and one without digits as written', () => {
    expect(decode('\\q\\x\\u')).toBe('\\q\\x\\u');
  });

  it('ends at the first unescaped quote; null when it never ends', () => {
    expect(scanAnsiC("$'it\\'s' rest", 0)).toEqual({ text: "it's", end: 8 });
    expect(scanAnsiC("$'open", 0)).toBeNull();
  });

  it('is one quoted word for the parser, not split or globbed', () => {
    expect(simple("echo $'a b*'").words[1]!.parts).toEqual([{ kind: 'literal', text: 'a b*', quoted: true }]);
  });

  it("is shown as bash keeps it: the '…' of its text, other quotes left alone", () => {
    expect(translateAnsiC("echo $'a\\tb' \"$'x'\" '$' \\$'y' x=$'it\\'s'")).toBe("echo 'a\tb' \"$'x'\" '$' \\$'y' x='it'\\''s'");
    expect(simple("echo $'a\\tb'").words[1]!.source).toBe("'a\tb'");
  });
});
