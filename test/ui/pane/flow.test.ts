// Flow control: a flood faster than xterm parses is never lost and never makes xterm throw
// ("write data discarded" past 50 M waiting characters); write() says when to pause the
// program's output and onDrain when to go on.

import { describe, expect, it } from 'vitest';
import { HIGH_WATER, LOW_WATER, TerminalScreen } from '../../../src/ui/pane/screen.js';
import { plain } from './support.js';

describe('TerminalScreen flow control', () => {
  it('asks to pause past the high-water mark and says when the backlog drained', async () => {
    const s = new TerminalScreen({ cols: 40, rows: 3 });
    const chunk = 'x'.repeat(39) + '\r\n';
    let accepted = true;
    let writes = 0;
    while (accepted) {
      accepted = s.write(chunk);
      writes++;
    }
    expect(writes * chunk.length).toBeGreaterThan(HIGH_WATER);
    expect(s.pending).toBeGreaterThan(HIGH_WATER);
    await new Promise<void>((resolve) => s.onDrain(resolve));
    expect(s.pending).toBeLessThanOrEqual(LOW_WATER);
    expect(s.write('end')).toBe(true);
    await s.flushed();
    expect(s.pending).toBe(0);
    s.dispose();
  });

  it('a drain listener may write again at once, also when the drain comes from dropped text', async () => {
    const s = new TerminalScreen({ cols: 40, rows: 3, scrollback: 10 });
    const chunk = 'y'.repeat(38) + '\r\n';
    while (s.write(chunk));
    let more = 3;
    s.onDrain(() => {
      while (more > 0 && s.write(`more ${more--}\r\n`));
    });
    await new Promise<void>((resolve) => s.onDrain(resolve));
    await s.flushed();
    expect(s.skipped).toBeGreaterThan(0);
    expect(s.rows().map(plain).map((r) => r.trimEnd())).toEqual(['more 2', 'more 1', '']);
    s.dispose();
  });

  it('60 MB written at once (a writer that ignores the pause) is parsed whole, without an exception', async () => {
    const s = new TerminalScreen({ cols: 40, rows: 3, scrollback: 10 });
    const block = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(38, '.')}\r\n`).join('');
    let total = 0;
    for (let n = 0; total < 60 * 2 ** 20; n++) {
      s.write(block);
      total += block.length;
    }
    s.write('last line');
    await s.flushed();
    expect(s.rows().map(plain).map((r) => r.trimEnd())).toEqual(['.'.repeat(35) + '998', '.'.repeat(35) + '999', 'last line']);
    s.dispose();
  }, 60_000);
});
