// STUB (replaced by the pane helper's version at merge).
import { Box, Text, useCursor } from 'ink';
import { useEffect, useState } from 'react';
import type { TerminalScreen } from './screen.js';

export function TerminalPane({ screen, width, height, focused, scrollOffset }: { screen: TerminalScreen; width: number; height: number; focused: boolean; scrollOffset: number }) {
  const [, setTick] = useState(0);
  useEffect(() => screen.onChange(() => setTick((t) => t + 1)), [screen]);
  const { setCursorPosition } = useCursor();
  const rows = screen.rows(scrollOffset).slice(0, height);
  const c = screen.cursor();
  setCursorPosition(focused && scrollOffset === 0 && c.visible ? { x: c.x, y: c.y } : undefined);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows.map((r, i) => <Text key={i}>{r.padEnd(width).slice(0, width)}</Text>)}
    </Box>
  );
}
