// The pure parts of the toolkit: keys, escaping, matching, boxes, end markers.

import { describe, expect, test } from 'vitest';
import { EndMarker } from '../../src/ptytest/endmarker.js';
import { escapeControls, keyBytes, renderBox } from '../../src/ptytest/index.js';
import { findMatch } from '../../src/ptytest/match.js';

describe('keyBytes', () => {
  test.each([
    ['Enter', '\r'],
    ['Tab', '\t'],
    ['Backspace', '\x7f'],
    ['Escape', '\x1b'],
    ['Delete', '\x1b[3~'],
    ['PageUp', '\x1b[5~'],
    ['PageDown', '\x1b[6~'],
    ['Ctrl+A', '\x01'],
    ['Ctrl+c', '\x03'],
    ['Ctrl+D', '\x04'],
    ['Ctrl+Z', '\x1a'],
    ['Ctrl+\\', '\x1c'],
    ['Ctrl+@', '\x00'],
    ['Alt+B', '\x1bB'],
    ['Alt+b', '\x1bb'],
    ['Alt+Enter', '\x1b\r'],
  ] as const)('%s', (key, bytes) => {
    expect(keyBytes(key)).toBe(bytes);
  });

  test('cursor keys follow DECCKM', () => {
    expect(keyBytes('Up')).toBe('\x1b[A');
    expect(keyBytes('Left', { applicationCursorKeys: true })).toBe('\x1bOD');
    expect(keyBytes('Home')).toBe('\x1b[H');
    expect(keyBytes('End', { applicationCursorKeys: true })).toBe('\x1bOF');
  });

  test('unknown names throw', () => {
    expect(() => keyBytes('Ctrl+Ö' as never)).toThrow(/unknown key name/);
    expect(() => keyBytes('Enterr' as never)).toThrow(/unknown key name/);
  });
});

test('escapeControls shows control characters', () => {
  expect(escapeControls('a\x1b[1m\r\n\t\x07\x7f\\ é')).toBe('a\\x1b[1m\\r\\n\\t\\x07\\x7f\\\\ é');
});

describe('findMatch', () => {
  test('a string matches literally, from an offset', () => {
    expect(findMatch('a.c', 'abc a.c a.c', 5)).toEqual({ text: 'a.c', groups: [], named: {}, before: '.c ', index: 8 });
  });

  test('a regex gives groups; global and sticky flags do not leak state', () => {
    const re = /(?<word>\w+)-(\d)?x/g;
    for (let i = 0; i < 2; i++) {
      expect(findMatch(re, '.. ab-x')).toEqual({ text: 'ab-x', groups: ['ab', ''], named: { word: 'ab' }, before: '.. ', index: 3 });
    }
    expect(findMatch(/z/y, 'az')?.index).toBe(1);
    expect(findMatch(/q/, 'abc')).toBeNull();
  });
});

test('renderBox pads by display width and drops trailing blank rows', () => {
  const box = renderBox(
    [
      { text: 'ab', width: 2 },
      { text: '中', width: 2 },
      { text: '', width: 0 },
      { text: '', width: 0 },
    ],
    4,
  );
  expect(box).toBe('┌────┐\n│ab  │\n│中  │\n└────┘');
  expect(renderBox([{ text: '', width: 0 }], 2)).toBe('┌──┐\n└──┘');
});

describe('EndMarker', () => {
  test('passes everything through until armed', () => {
    const marker = new EndMarker();
    expect(marker.filter(`x${marker.token.slice(0, 3)}`)).toBe(`x${marker.token.slice(0, 3)}`);
  });

  test('finds the marker split across chunks and removes it', () => {
    const marker = new EndMarker();
    marker.arm();
    const { token } = marker;
    expect(marker.filter(`tail\x1b`)).toBe('tail');
    expect(marker.seen).toBe(false);
    expect(marker.filter(token.slice(1, 9))).toBe('');
    expect(marker.filter(`${token.slice(9)}after`)).toBe('after');
    expect(marker.seen).toBe(true);
  });

  test('a false start is delivered once it cannot be the marker', () => {
    const marker = new EndMarker();
    marker.arm();
    expect(marker.filter('a\x1b_')).toBe('a');
    expect(marker.filter('Z')).toBe('\x1b_Z');
    expect(marker.filter('\x1b')).toBe('');
    expect(marker.flush()).toBe('\x1b');
  });
});
