// The panels together: a column beside the pane, or two columns under it on a narrow
// terminal. Heights follow the content: the Terminal panel is fixed, Jobs and Session grow
// with their rows, the Timeline takes what is left.

import { Box } from 'ink';
import type { PanelName, Rect } from '../layout.js';
import type { UiState } from '../store.js';
import { JobsPanel } from './jobs.js';
import { LabPanel, labLines } from './lab.js';
import { SessionPanel } from './session.js';
import { TerminalPanel } from './terminal.js';
import { TimelinePanel } from './timeline.js';

/** Rows each panel asks for (its heading included) and the least it can live with. */
function wants(name: PanelName, s: UiState): { want: number; min: number } {
  switch (name) {
    case 'terminal': return { want: 3, min: 3 };
    case 'jobs': return { want: 1 + Math.min(6, Math.max(1, s.snapshot.jobs.length)), min: 2 };
    case 'session': return { want: 2 + Math.min(12, Math.max(1, s.snapshot.processes.length)), min: 3 };
    case 'timeline': return { want: Number.POSITIVE_INFINITY, min: 3 };
  }
}

/** Splits `height` rows among the panels in order; a panel that gets less than its minimum is left out. */
export function allocate(height: number, names: readonly PanelName[], s: UiState): Map<PanelName, number> {
  const out = new Map<PanelName, number>();
  let left = height;
  const flexible = names.includes('timeline') ? 'timeline' : names[names.length - 1];
  const reserve = flexible ? wants(flexible, s).min : 0;
  for (const name of names) {
    if (name === flexible) continue;
    const { want, min } = wants(name, s);
    const room = left - reserve;
    if (room < min) continue;
    const h = Math.min(want, room);
    out.set(name, h);
    left -= h;
  }
  if (flexible && left >= wants(flexible, s).min) out.set(flexible, left);
  return out;
}

function Panel({ name, s, width, height }: { name: PanelName; s: UiState; width: number; height: number }) {
  const snap = s.snapshot;
  switch (name) {
    case 'jobs': return <JobsPanel jobs={snap.jobs} width={width} height={height} />;
    case 'terminal': return <TerminalPanel terminal={snap.terminal} processes={snap.processes} width={width} />;
    case 'session': return <SessionPanel processes={snap.processes} sid={snap.sid} tpgid={snap.terminal.tpgid} width={width} height={height} />;
    case 'timeline': return <TimelinePanel entries={s.timeline} scroll={s.timelineScroll} focused={s.focus === 'timeline'} width={width} height={height} />;
  }
}

function Column({ names, s, width, height }: { names: readonly PanelName[]; s: UiState; width: number; height: number }) {
  const heights = allocate(height, names, s);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {names.filter((n) => heights.has(n)).map((n) => <Panel key={n} name={n} s={s} width={width} height={heights.get(n)!} />)}
    </Box>
  );
}

export function Side({ rect, placement, names, s }: { rect: Rect; placement: 'right' | 'below'; names: readonly PanelName[]; s: UiState }) {
  if (!s.lab) return <Panels rect={rect} placement={placement} names={names} s={s} />;
  // A lab's panel goes first, taking what it needs up to half the rows.
  const width = placement === 'right' ? rect.width - 1 : rect.width;
  const rows = Math.min(Math.floor(rect.height / 2), 1 + labLines(s.lab, width).length);
  return (
    <Box flexDirection="column" width={rect.width} height={rect.height}>
      <Box width={rect.width} height={rows} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderLeft={placement === 'right'} borderColor="gray">
        <LabPanel lab={s.lab} width={width} height={rows} />
      </Box>
      <Panels rect={{ ...rect, y: rect.y + rows, height: rect.height - rows }} placement={placement} names={names} s={s} />
    </Box>
  );
}

function Panels({ rect, placement, names, s }: { rect: Rect; placement: 'right' | 'below'; names: readonly PanelName[]; s: UiState }) {
  if (placement === 'right') {
    // One column of rule on the left separates the panels from the pane.
    return (
      <Box width={rect.width} height={rect.height} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderColor="gray">
        <Column names={names} s={s} width={rect.width - 1} height={rect.height} />
      </Box>
    );
  }
  const leftWidth = Math.floor(rect.width / 2);
  const left = names.filter((n) => n === 'jobs' || n === 'terminal');
  const right = names.filter((n) => n === 'session' || n === 'timeline');
  return (
    <Box width={rect.width} height={rect.height} flexDirection="row">
      <Column names={left.length > 0 ? left : right} s={s} width={left.length > 0 && right.length > 0 ? leftWidth : rect.width} height={rect.height} />
      {left.length > 0 && right.length > 0 ? <Column names={right} s={s} width={rect.width - leftWidth} height={rect.height} /> : null}
    </Box>
  );
}
