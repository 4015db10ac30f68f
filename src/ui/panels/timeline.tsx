// The Timeline panel: signals and state changes with their times, newest at the bottom;
// scrolled back when it has the focus.

import { Box, Text } from 'ink';
import type { TimelineEntry } from '../model.js';
import { Heading } from './heading.js';
import { fit, seconds } from './text.js';

const COLORS: Readonly<Record<TimelineEntry['kind'], string | undefined>> = {
  signal: 'magenta', state: 'yellow', reap: 'green', spawn: undefined, terminal: 'cyan', note: 'gray',
};

export function TimelinePanel({ entries, scroll, focused, width, height }: { entries: readonly TimelineEntry[]; scroll: number; focused: boolean; width: number; height: number }) {
  const rows = Math.max(0, height - 1);
  const end = entries.length - Math.min(scroll, Math.max(0, entries.length - rows));
  const shown = entries.slice(Math.max(0, end - rows), end);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading title="Timeline" note={scroll > 0 ? `-${entries.length - end}` : ''} width={width} focused={focused} />
      {shown.map((e, i) => (
        <Text key={end - shown.length + i} color={COLORS[e.kind]}>{fit(`${seconds(e.time)} ${e.text}`, width)}</Text>
      ))}
    </Box>
  );
}
