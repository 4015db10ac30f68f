// The whole screen: the terminal pane, the panels beside or under it, the status line.

import { Box } from 'ink';
import { useSyncExternalStore } from 'react';
import type { Backend } from './backend.js';
import { Help } from './help.js';
import { PANELS, type Layout } from './layout.js';
import { TerminalPane } from './pane/pane.js';
import type { DirectPane } from './pane/direct.js';
import type { TerminalScreen } from './pane/screen.js';
import { Side } from './panels/side.js';
import { StatusLine } from './statusline.js';
import type { Store } from './store.js';

export interface AppProps {
  readonly store: Store;
  readonly screen: TerminalScreen;
  /** Draws the pane's rows beside Ink (see run.tsx). */
  readonly direct: DirectPane;
  readonly kernel: Backend['kernel'];
  /** The layout for the current terminal size (the controller owns it, the engine follows it). */
  readonly layout: () => Layout;
}

export function App({ store, screen, direct, kernel, layout }: AppProps) {
  const s = useSyncExternalStore(store.subscribe, store.get);
  const l = layout();
  const names = PANELS.filter((n) => !s.hidden.has(n));
  const pane = s.help
    ? <Help width={l.pane.width} height={l.pane.height} />
    : <TerminalPane screen={screen} direct={direct} origin={{ x: l.pane.x, y: l.pane.y }} width={l.pane.width} height={l.pane.height} focused={s.focus === 'pane'} scrollOffset={s.paneScroll} />;
  return (
    <Box flexDirection="column" width={l.cols} height={l.frameRows}>
      <Box flexDirection={l.placement === 'right' ? 'row' : 'column'} width={l.cols} height={l.frameRows - 1}>
        {pane}
        {l.side && names.length > 0 ? <Side rect={l.side} placement={l.placement} names={names} s={s} /> : null}
      </Box>
      <StatusLine s={s} kernel={kernel} width={l.cols} />
    </Box>
  );
}
