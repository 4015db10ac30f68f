// The help page (^] ?): every key of the UI, over the pane until the next key.

import { Box, Text } from 'ink';
import { fit } from './panels/text.js';

const LINES = [
  'jcsh UI: every key goes to the terminal, so ^C ^Z ^\\ ^D reach its line discipline.',
  'Ctrl-] (the prefix) then one key:',
  '  p        show or hide the panels        j s t l  show or hide Jobs, Session, Terminal, Timeline',
  '  Tab      focus the pane or the Timeline',
  '  [        scroll the focused view: ↑ ↓ PgUp PgDn g G, q to leave',
  '  ?        this help                      q        quit (the session is hung up, as when a terminal closes)',
  '  r        restart the engine after it ended',
  '  space    pause or resume the virtual clock (simulator)',
  '  .        step the paused clock to its next timer (simulator)',
  '  Enter    a lab\'s next step (jcsh --sim --lab NAME); in a lab, . shows the last step\'s next event',
  '           and a digit answers the lab\'s question',
  '  Ctrl-]   send a Ctrl-] to the terminal   Esc      nothing',
  '',
  'Panels: Jobs (the shell\'s job table), Session (every process of the terminal\'s session;',
  '+ the foreground group, s the session leader, Z a zombie), Terminal (foreground group and modes),',
  'Timeline (signals, stops, continues and reapings as the kernel or the shell saw them).',
  '',
  'Press any key to close this page.',
];

export function Help({ width, height }: { width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {LINES.slice(0, height).map((l, i) => <Text key={i} color={i === 0 ? 'cyan' : undefined}>{fit(l, width)}</Text>)}
      {Array.from({ length: Math.max(0, height - LINES.length) }, (_, i) => <Text key={`b${i}`}>{' '.repeat(width)}</Text>)}
    </Box>
  );
}
