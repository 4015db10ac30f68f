// Where the pane and the panels go: the pane's size is the engine's terminal size.

import { describe, expect, it } from 'vitest';
import { layout } from '../../src/ui/layout.js';

describe('the layout', () => {
  it('puts the panels right of the pane on a wide terminal, leaving the last row and the status line', () => {
    const l = layout({ cols: 160, rows: 40 }, true);
    expect(l.placement).toBe('right');
    expect(l.frameRows).toBe(39);
    expect(l.pane).toEqual({ x: 0, y: 0, width: 160 - l.side!.width, height: 38 });
    expect(l.side!.x).toBe(l.pane.width);
  });

  it('puts them under the pane on a narrow one, and gives the pane everything when hidden or cramped', () => {
    const narrow = layout({ cols: 80, rows: 30 }, true);
    expect(narrow.placement).toBe('below');
    expect(narrow.pane.width).toBe(80);
    expect(narrow.pane.height + narrow.side!.height).toBe(28);
    expect(layout({ cols: 80, rows: 30 }, false).pane).toEqual({ x: 0, y: 0, width: 80, height: 28 });
    expect(layout({ cols: 80, rows: 8 }, true).side).toBeNull();
  });

  it('never gives the pane less than one cell', () => {
    const tiny = layout({ cols: 1, rows: 1 }, true);
    expect(tiny.pane.width).toBeGreaterThanOrEqual(1);
    expect(tiny.pane.height).toBeGreaterThanOrEqual(1);
  });
});
