// A panel's title row: the name, a note on the right (a count, a scroll position), a rule
// between; bold when the panel has the focus.

import { Text } from 'ink';
import { fit } from './text.js';

export function Heading({ title, note = '', width, focused = false }: { title: string; note?: string; width: number; focused?: boolean }) {
  const left = ` ${title} `;
  const right = note ? ` ${note} ` : '';
  const rule = '─'.repeat(Math.max(0, width - left.length - right.length - 1));
  return (
    <Text bold={focused} color={focused ? 'cyan' : 'gray'} wrap="truncate-end">
      {fit(`─${left}${rule}${right}`, width)}
    </Text>
  );
}
