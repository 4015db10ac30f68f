// What the UI does with keys and with what the backend reports. The UI's only actions on the
// session are the backend's: bytes to the terminal, a resize, a restart, a hang-up, and on the
// simulator the clock. Job control is the kernel's and the shell's.

import type { Backend, BackendListeners, Size } from './backend.js';
import { KeyRouter, type Command, type KeyAction, type ScrollMove } from './keys.js';
import { layout, PANELS, type Layout, type PanelName } from './layout.js';
import type { TerminalScreen } from './pane/screen.js';
import type { Store } from './store.js';

export class UiController {
  private readonly router = new KeyRouter();
  private current: Layout;
  private scrollbackSeen = 0;

  constructor(
    private readonly backend: Backend,
    private readonly store: Store,
    private readonly screen: TerminalScreen,
    private term: Size,
    private readonly quit: () => void,
    /** The size the engine's terminal has now (it started before the UI, maybe at another size). */
    engine: Size,
  ) {
    this.current = layout(term, this.panelsWanted());
    if (backend.clock) store.update({ clock: { paused: backend.clock.paused } });
    const lab = backend.lab;
    if (lab) {
      store.update({ lab: lab.state });
      lab.onChange(() => store.update({ lab: lab.state }));
    }
    this.follow(engine);
  }

  /** The layout to draw now. */
  readonly layout = (): Layout => this.current;

  /** Listeners that feed the screen and the store; the engine's output waits while the pane catches up. */
  listeners(): BackendListeners {
    this.screen.onDrain(() => this.backend.resumeOutput?.());
    this.screen.onChange(() => this.anchorScrollback());
    return {
      output: (data) => {
        if (!this.screen.write(data)) this.backend.pauseOutput?.();
      },
      snapshot: (snapshot) => this.store.update({ snapshot }),
      timeline: (entries) => this.store.addTimeline(entries),
      exit: (exit) => this.store.update({ exit }),
    };
  }

  /** A view scrolled back stays on the same lines while new ones push the screen up. */
  private anchorScrollback(): void {
    const grown = this.screen.scrollback - this.scrollbackSeen;
    this.scrollbackSeen = this.screen.scrollback;
    const s = this.store.get();
    if (grown > 0 && s.paneScroll > 0) this.store.update({ paneScroll: this.screen.clampOffset(s.paneScroll + grown) });
  }

  /** Bytes read from the keyboard. */
  keys(data: string): void {
    for (const a of this.router.feed(data)) this.act(a);
    if (this.store.get().keyMode !== this.router.mode) this.store.update({ keyMode: this.router.mode });
  }

  /** The user's terminal changed size. */
  resized(term: Size): void {
    this.term = term;
    this.relayout();
  }

  private act(a: KeyAction): void {
    const s = this.store.get();
    if (s.help && a.kind !== 'prefix') {
      this.store.update({ help: false });
      if (a.kind === 'send') return;
    }
    switch (a.kind) {
      case 'send':
        if (s.paneScroll > 0 || s.message) this.store.update({ paneScroll: 0, message: '' });
        if (this.predicted(a.data)) return;
        this.backend.input(a.data);
        return;
      case 'prefix':
        return;
      case 'command':
        return this.command(a.command);
      case 'scroll':
        return this.scroll(a.move);
      case 'scrollEnd':
        this.store.update({ paneScroll: 0, timelineScroll: 0 });
    }
  }

  private command(c: Command): void {
    const s = this.store.get();
    const clock = this.backend.clock;
    switch (c) {
      case 'panels':
        this.store.update({ panelsShown: !s.panelsShown, hidden: s.panelsShown ? s.hidden : new Set() });
        return this.relayout();
      case 'jobs': case 'session': case 'terminal': case 'timeline':
        this.store.togglePanel(c);
        return this.relayout();
      case 'focus':
        return this.store.update({ focus: s.focus === 'pane' && this.shown('timeline') ? 'timeline' : 'pane' });
      case 'help':
        return this.store.update({ help: true });
      case 'quit':
        return this.quit();
      case 'restart':
        if (!s.exit) return this.store.update({ message: 'the engine is running' });
        this.store.update({ exit: null, message: '' });
        this.screen.write('\x1b[0m\r\n');
        return this.backend.restart();
      case 'pause':
        if (!clock) return this.store.update({ message: 'no virtual clock on Linux' });
        if (clock.paused) clock.resume();
        else clock.pause();
        return this.store.update({ clock: { paused: clock.paused }, message: clock.paused ? 'clock paused: ^] . steps it' : 'clock running' });
      case 'step':
        if (!clock) return this.store.update({ message: 'no virtual clock on Linux' });
        if (!clock.paused) clock.pause();
        return this.store.update({ clock: { paused: true }, message: clock.step() ?? 'no timer is set: nothing to step to' });
      case 'next':
        if (!this.backend.lab) return this.store.update({ message: 'no lab: jcsh --sim --lab NAME loads one' });
        this.backend.lab.next();
        return this.store.update({ message: this.backend.lab.state.next?.question ? 'press the digit of your prediction' : '' });
      case 'scroll': case 'cancel':
        return;
    }
  }

  /** A digit while a lab's question waits is the learner's prediction, not a key for the terminal. */
  private predicted(data: string): boolean {
    const q = this.store.get().lab?.next?.question;
    if (!q || q.chosen !== null || !/^[1-9]$/.test(data) || Number(data) > q.choices.length) return false;
    this.backend.lab!.choose(Number(data) - 1);
    return true;
  }

  private scroll(move: ScrollMove): void {
    const s = this.store.get();
    const timeline = s.focus === 'timeline';
    const page = Math.max(1, this.current.pane.height - 1);
    const max = timeline ? s.timeline.length : this.screen.scrollback;
    const now = timeline ? s.timelineScroll : s.paneScroll;
    const delta = { up: 1, down: -1, pageUp: page, pageDown: -page, top: max, bottom: -max }[move];
    const next = Math.max(0, Math.min(max, now + delta));
    this.store.update(timeline ? { timelineScroll: next } : { paneScroll: next });
  }

  /** Gives the engine's terminal (and the pane's screen) the pane's size when `was` differs from it. */
  private follow(was: Size): void {
    const pane = this.current.pane;
    if (pane.width === was.cols && pane.height === was.rows) return;
    this.screen.resize(pane.width, pane.height);
    this.backend.resize({ cols: pane.width, rows: pane.height });
  }

  private shown(name: PanelName): boolean {
    const s = this.store.get();
    return s.panelsShown && !s.hidden.has(name) && this.current.side !== null;
  }

  private panelsWanted(): boolean {
    const s = this.store.get();
    return s.panelsShown && PANELS.some((n) => !s.hidden.has(n));
  }

  /** Recomputes the layout; the engine's terminal follows the pane's size. */
  private relayout(): void {
    const before = this.current.pane;
    this.current = layout(this.term, this.panelsWanted());
    this.follow({ cols: before.width, rows: before.height });
    if (!this.shown('timeline') && this.store.get().focus === 'timeline') this.store.update({ focus: 'pane' });
    else this.store.update({});
  }
}
