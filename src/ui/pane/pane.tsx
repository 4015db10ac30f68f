// The terminal pane: the emulated screen drawn by Ink, one <Text> a row, and the real cursor
// put where the program's cursor is. Rows are strings with our own SGR only (row.ts), exactly
// `width` columns, so Ink neither wraps nor truncates them; a row whose string did not change
// is not re-rendered by React (memo) and not rewritten by Ink's incremental renderer.

import { Box, Text, useCursor, type DOMElement } from 'ink';
import { memo, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TerminalScreen } from './screen.js';

/** Re-renders the calling component on the screen's change notices (at most once a frame). */
export function useScreen(screen: TerminalScreen): number {
  return useSyncExternalStore(
    (notify) => screen.onChange(notify),
    () => screen.version,
  );
}

export interface TerminalPaneProps {
  readonly screen: TerminalScreen;
  /** The pane's size in cells; it differs from the screen's only during a resize (crop or pad). */
  readonly width: number;
  readonly height: number;
  /** The pane has the keyboard: the real cursor is shown at the program's cursor. */
  readonly focused: boolean;
  /** Lines scrolled back from the live screen; 0 shows the live screen. */
  readonly scrollOffset: number;
  /**
   * Where the pane's top-left cell is in Ink's output, for the cursor. Measured from the
   * layout when not given (the layout of the frame before, corrected one frame later).
   */
  readonly origin?: { readonly x: number; readonly y: number };
}

const Row = memo(function Row({ text }: { readonly text: string }) {
  return <Text wrap="truncate-end">{text}</Text>;
});

/** The top-left of a node in Ink's output: the sum of its and its ancestors' computed offsets. */
function positionOf(node: DOMElement | null): { x: number; y: number } | null {
  if (node === null) return null;
  let x = 0;
  let y = 0;
  for (let n: DOMElement | undefined = node; n !== undefined; n = n.parentNode) {
    if (n.yogaNode === undefined) continue;
    x += n.yogaNode.getComputedLeft();
    y += n.yogaNode.getComputedTop();
  }
  return { x, y };
}

export function TerminalPane({ screen, width, height, focused, scrollOffset, origin }: TerminalPaneProps) {
  const started = performance.now();
  useScreen(screen);
  // Ink draws in its commit hook, which React runs before layout effects: this is the whole
  // frame's cost (when Ink's own throttle did not put the drawing off).
  useLayoutEffect(() => screen.noteFrameCost(performance.now() - started));
  const box = useRef<DOMElement>(null);
  const [measured, setMeasured] = useState<{ x: number; y: number }>({ x: 0, y: 0 });
  // Layout is computed after a commit: check once it is, and draw again if the pane moved.
  useEffect(() => {
    if (origin !== undefined) return;
    const at = positionOf(box.current);
    if (at !== null && (at.x !== measured.x || at.y !== measured.y)) setMeasured(at);
  });
  const offset = screen.clampOffset(scrollOffset);
  const rows = screen.rows(offset, width, height);
  const cursor = screen.cursor();
  const base = origin ?? measured;
  const showCursor = focused && cursor.visible && offset === 0 && cursor.x < width && cursor.y < height;
  const { setCursorPosition } = useCursor();
  setCursorPosition(showCursor ? { x: base.x + cursor.x, y: base.y + cursor.y } : undefined);
  return (
    <Box ref={box} flexDirection="column" width={width} height={height} flexShrink={0}>
      {rows.map((text, y) => (
        <Row key={y} text={text} />
      ))}
    </Box>
  );
}

