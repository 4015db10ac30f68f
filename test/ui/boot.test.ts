// The boot frame: the engine's first output drawn before the UI has loaded, text only.

import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BootFrame } from '../../src/ui/boot.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function drawn(chunks: readonly string[], pane = { x: 0, y: 0, width: 20, height: 3 }): string {
  const out: string[] = [];
  vi.spyOn(fs, 'writeSync').mockImplementation((_fd, data) => {
    out.push(String(data));
    return String(data).length;
  });
  const boot = new BootFrame(pane);
  for (const c of chunks) boot.output(c);
  return out[out.length - 1] ?? '';
}

describe('the boot frame', () => {
  it('draws the prompt in the pane, placing the cursor after it', () => {
    expect(drawn(['jc$ '])).toBe('\x1b[1;1Hjc$ \x1b[K\x1b[1;5H');
  });

  it('keeps text only: escape sequences (even split across reads) and controls are dropped', () => {
    const out = drawn(['\x1b]0;PWNED\x07\x1b[?20', '04h\x1b[1mA\x1b[0m\x01\x9bB']);
    expect(out).toBe('\x1b[1;1HAB\x1b[K\x1b[1;3H');
  });

  it('follows newlines and carriage returns and keeps the pane\'s last rows', () => {
    const out = drawn(['one\r\ntwo\r\nthree\r\nfour\rF']);
    expect(out).toBe('\x1b[1;1Htwo\x1b[K\x1b[2;1Hthree\x1b[K\x1b[3;1HFour\x1b[K\x1b[3;2H');
  });
});
