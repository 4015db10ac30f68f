// The history file: loaded newest first, appended per command, trimmed when it grows long.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_SIZE, HistoryFile } from '../../src/host/history.js';

function tempFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-hist-')), 'history');
  fs.writeFileSync(file, content);
  return file;
}

describe('HistoryFile', () => {
  it('loads newest first and appends new commands, one line each', () => {
    const file = tempFile('one\ntwo\n');
    const h = new HistoryFile(file);
    expect(h.entries).toEqual(['two', 'one']);
    h.add('three\nfour');
    h.add('three four');
    expect(h.entries.slice(0, 2)).toEqual(['three four', 'two']);
    expect(fs.readFileSync(file, 'utf8')).toBe('one\ntwo\nthree four\n');
  });

  it('trims a file that grew past twice the history size', () => {
    const lines = Array.from({ length: 2 * HISTORY_SIZE + 5 }, (_, i) => `cmd ${i}`);
    const file = tempFile(`${lines.join('\n')}\n`);
    const h = new HistoryFile(file);
    expect(h.entries).toHaveLength(HISTORY_SIZE);
    expect(h.entries[0]).toBe(`cmd ${lines.length - 1}`);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toEqual(lines.slice(-HISTORY_SIZE));
  });

  it('works without a file', () => {
    const h = new HistoryFile(null);
    h.add('x');
    expect(h.entries).toEqual(['x']);
  });
});
