// The UI's state outside React: what the backend reported (snapshot, timeline, the engine's
// end) and what the user chose (panels, focus, scroll, help). Components read it with
// useSyncExternalStore; every change makes a new state object, so a render sees one moment.

import type { EngineExit } from './backend.js';
import type { KeyMode } from './keys.js';
import type { PanelName } from './layout.js';
import { EMPTY_SNAPSHOT, type LabState, type Snapshot, type TimelineEntry } from './model.js';

/** Timeline lines kept: the panel shows the newest; older ones can be scrolled back to. */
export const TIMELINE_LIMIT = 2000;

export type Focus = 'pane' | 'timeline';

export interface UiState {
  readonly snapshot: Snapshot;
  readonly timeline: readonly TimelineEntry[];
  readonly exit: EngineExit | null;
  readonly panelsShown: boolean;
  readonly hidden: ReadonlySet<PanelName>;
  readonly focus: Focus;
  readonly keyMode: KeyMode;
  readonly help: boolean;
  /** Lines scrolled back from the newest, in the pane and in the Timeline. */
  readonly paneScroll: number;
  readonly timelineScroll: number;
  /** The simulator's clock, null on Linux. */
  readonly clock: { readonly paused: boolean } | null;
  /** A one-line message for the status line (the last step, an error), cleared by the next key. */
  readonly message: string;
  /** The lab being played, null outside `--lab`. */
  readonly lab: LabState | null;
}

export class Store {
  private state: UiState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Partial<UiState> = {}) {
    this.state = {
      snapshot: EMPTY_SNAPSHOT, timeline: [], exit: null, panelsShown: true, hidden: new Set(),
      focus: 'pane', keyMode: 'normal', help: false, paneScroll: 0, timelineScroll: 0, clock: null, message: '', lab: null,
      ...initial,
    };
  }

  readonly get = (): UiState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<UiState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l();
  }

  addTimeline(entries: readonly TimelineEntry[]): void {
    const all = [...this.state.timeline, ...entries];
    const timeline = all.length > TIMELINE_LIMIT ? all.slice(all.length - TIMELINE_LIMIT) : all;
    // A view scrolled back stays on the same lines while new ones arrive.
    const timelineScroll = this.state.timelineScroll > 0 ? Math.min(timeline.length, this.state.timelineScroll + entries.length) : 0;
    this.update({ timeline, timelineScroll });
  }

  togglePanel(name: PanelName): void {
    const hidden = new Set(this.state.hidden);
    if (!hidden.delete(name)) hidden.add(name);
    this.update({ hidden, panelsShown: true });
  }
}
