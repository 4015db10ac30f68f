// The shell's own signal dispositions. Ignoring is done natively (trap 5); catching goes
// through Node. Node's listeners and our SIG_IGN share one disposition per signal, so when
// the last listener of a signal goes away (which libuv turns into SIG_DFL) the disposition
// it replaced is put back: a shell that ignores SIGINT and briefly catches it must end up
// ignoring it again, not killable by ^C.

import { constants } from 'node:os';
import type { SignalAction } from '../port.js';
import { makeOsError, sys } from './errors.js';
import type { NativeAddon } from './native.js';

const nameByNumber = new Map<number, NodeJS.Signals>(
  Object.entries(constants.signals).map(([name, n]) => [n, name as NodeJS.Signals]),
);

export class Dispositions {
  /** What each caught signal's disposition was before its first listener. */
  private readonly before = new Map<number, 'ignore' | 'default' | 'handler'>();

  constructor(private readonly native: NativeAddon) {}

  set(signal: number, action: SignalAction): void {
    sys('sigaction', () => this.native.setSignalAction(signal, action));
  }

  on(signal: number, handler: () => void): () => void {
    const name = nameByNumber.get(signal);
    if (name === undefined) throw makeOsError('EINVAL', 'sigaction');
    if (process.listenerCount(name) === 0) {
      this.before.set(signal, sys('sigaction', () => this.native.getSignalAction(signal)));
    }
    const listener = () => handler();
    process.on(name, listener);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      process.removeListener(name, listener);
      if (process.listenerCount(name) === 0) this.restore(signal);
    };
  }

  private restore(signal: number): void {
    const previous = this.before.get(signal);
    this.before.delete(signal);
    if (previous === 'ignore') this.set(signal, 'ignore');
  }
}
