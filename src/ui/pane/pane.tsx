// The terminal pane: the emulated screen drawn by Ink, one <Text> a row, and the real cursor
// put where the program's cursor is. Rows are strings with our own SGR only (row.ts), exactly
// `width` columns, so Ink neither wraps nor truncates them; a row whose string did not change
// is not re-rendered by React (memo). Ink still re-tokenizes every line of its output on every
// frame (tens of ms for a big coloured pane): with the `direct` prop, Ink lays out an empty box
// and DirectPane (direct.ts) writes the rows into it itself.

import { Box, Text, useCursor, type DOMElement } from 'ink';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DirectPane } from './direct.js';
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
  /**
   * Draw the rows straight to the terminal with this writer (direct.ts) instead of through
   * Ink, which then lays out an empty box. Ink must write through `direct.inkStream(stdout)`
   * and start at the terminal's top-left (alternate screen, cursor home): the pane's place is
   * Ink's layout position taken as absolute. Not with Ink's incrementalRendering, which in
   * 6.8 writes a changed line one row too low.
   */
  readonly direct?: DirectPane;
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

/**
 * Re-renders the pane on the screen's change notices. With a direct writer the rows and the
 * cursor are drawn on each notice without React: a flood of output (`cat` of a big file)
 * costs no Ink frame at all.
 */
function usePaneRender(screen: TerminalScreen, direct: DirectPane | undefined): string | number {
  const subscribe = useCallback(
    (notify: () => void) =>
      screen.onChange(() => {
        if (direct) {
          const started = performance.now();
          if (direct.draw() > 0) screen.noteFrameCost(performance.now() - started);
        }
        notify();
      }),
    [screen, direct],
  );
  // The direct writer draws rows and cursor itself: nothing for React to redo.
  return useSyncExternalStore(subscribe, () => (direct ? 0 : screen.version));
}

export function TerminalPane({ screen, width, height, focused, scrollOffset, origin, direct }: TerminalPaneProps) {
  const started = performance.now();
  usePaneRender(screen, direct);
  const box = useRef<DOMElement>(null);
  // Unknown until the first layout, unless given.
  const [measured, setMeasured] = useState<{ x: number; y: number } | null>(null);
  // Layout is computed after a commit: check once it is, and draw again if the pane moved.
  useEffect(() => {
    if (origin !== undefined) return;
    const at = positionOf(box.current);
    if (at !== null && (at.x !== measured?.x || at.y !== measured?.y)) setMeasured(at);
  });
  const offset = screen.clampOffset(scrollOffset);
  const cursor = screen.cursor();
  const base = origin ?? measured;
  // After Ink's write of this frame (it writes in its commit hook, before layout effects).
  const showCursor =
    base !== null && focused && cursor.visible && offset === 0 && cursor.x < width && cursor.y < height;
  useLayoutEffect(() => {
    if (direct === undefined || base === null) return;
    direct.place({ x: base.x, y: base.y, width, height }, offset, focused);
    direct.draw();
  });
  // A layout effect's cleanup runs before Ink writes the frame that no longer has the pane (a
  // passive one would run after, and the pane would be drawn over what replaced it).
  useLayoutEffect(() => () => direct?.place(null), [direct]);
  // This is the whole frame's cost: rows, React, Ink (when its throttle did not put the drawing
  // off) and the direct drawing.
  useLayoutEffect(() => screen.noteFrameCost(performance.now() - started));
  const { setCursorPosition } = useCursor();
  // With a direct writer the cursor is its business (it moves with every draw, between frames).
  setCursorPosition(showCursor && direct === undefined ? { x: base.x + cursor.x, y: base.y + cursor.y } : undefined);
  if (direct !== undefined) return <Box ref={box} width={width} height={height} flexShrink={0} />;
  const rows = screen.rows(offset, width, height);
  return (
    <Box ref={box} flexDirection="column" width={width} height={height} flexShrink={0}>
      {rows.map((text, y) => (
        <Row key={y} text={text} />
      ))}
    </Box>
  );
}

