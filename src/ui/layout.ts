// Where everything goes on the screen, from the terminal's size and which panels are shown.
// A pure function, so the pane's size is known before anything is drawn: the engine starts at
// the size it will keep.
//
// Ink redraws the whole screen on every frame when its output is as tall as the terminal, so
// the UI draws one row less than the terminal has (the last row stays blank).

import type { Size } from './backend.js';

export type PanelName = 'jobs' | 'session' | 'terminal' | 'timeline';

export const PANELS: readonly PanelName[] = ['jobs', 'terminal', 'session', 'timeline'];

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Layout {
  /** The terminal pane, in cells; its size is the engine's terminal size. */
  readonly pane: Rect;
  /** The column or band of panels, null when hidden or when there is no room. */
  readonly side: Rect | null;
  /** `right` of the pane, or `below` it on a narrow terminal. */
  readonly placement: 'right' | 'below';
  /** Rows of the Ink frame (the terminal's rows minus the blank last row). */
  readonly frameRows: number;
  readonly cols: number;
}

/** Below this width the panels go under the pane instead of beside it. */
const WIDE = 100;
const MIN_PANE = { cols: 20, rows: 5 };

export function layout(term: Size, panelsShown: boolean): Layout {
  const cols = Math.max(1, term.cols);
  const frameRows = Math.max(2, term.rows - 1);
  // The status line takes the frame's last row.
  const body = frameRows - 1;
  const whole: Layout = { pane: { x: 0, y: 0, width: cols, height: Math.max(1, body) }, side: null, placement: 'right', frameRows, cols };
  if (!panelsShown) return whole;
  if (cols >= WIDE) {
    const sideWidth = Math.min(64, Math.max(38, Math.round(cols * 0.36)));
    const paneWidth = cols - sideWidth;
    return { ...whole, pane: { ...whole.pane, width: paneWidth }, side: { x: paneWidth, y: 0, width: sideWidth, height: body } };
  }
  const band = Math.min(14, Math.floor(body * 0.45));
  if (body - band < MIN_PANE.rows || cols < MIN_PANE.cols || band < 6) return whole;
  return { ...whole, placement: 'below', pane: { ...whole.pane, height: body - band }, side: { x: 0, y: body - band, width: cols, height: band } };
}
