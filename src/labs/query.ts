// Questions asked of a lab's events: who a signal stopped, which signal came first, what a
// wait returned. Predictions and outcomes are written with these, so every answer a lab gives
// is read from what the kernel did.

import type { SimEvent } from '../os/sim/events.js';

type Of<K extends SimEvent['kind']> = Extract<SimEvent, { kind: K }>;

export function ofKind<K extends SimEvent['kind']>(events: readonly SimEvent[], kind: K): Of<K>[] {
  return events.filter((e): e is Of<K> => e.kind === kind);
}

/** Deliveries of `signal` (any, when null) disposed of as `action`. */
export function deliveries(events: readonly SimEvent[], signal: number | null, action?: Of<'deliver'>['action']): Of<'deliver'>[] {
  return ofKind(events, 'deliver').filter((e) => (signal === null || e.signal === signal) && (action === undefined || e.action === action));
}

/** Signals generated for processes named `comm`, in order. */
export function signalsTo(events: readonly SimEvent[], comm: string, by?: Of<'signal'>['by']): number[] {
  return ofKind(events, 'signal').filter((e) => e.to.comm === comm && (by === undefined || e.by === by)).map((e) => e.signal);
}

/** State changes of processes named `comm` into `to`. */
export function entered(events: readonly SimEvent[], comm: string, to: Of<'state'>['to']): Of<'state'>[] {
  return ofKind(events, 'state').filter((e) => e.who.comm === comm && e.to === to);
}

/** System calls named `call` made by processes named `comm`. */
export function calls(events: readonly SimEvent[], comm: string, call: string): Of<'syscall'>[] {
  return ofKind(events, 'syscall').filter((e) => e.who.comm === comm && e.call === call);
}

/** The terminal driver's decisions of one kind (`ttin`, `ttou`, `foreground`, `isig`). */
export function ttyDecisions(events: readonly SimEvent[], what: Of<'tty'>['what']): Of<'tty'>[] {
  return ofKind(events, 'tty').filter((e) => e.what === what);
}

/** Text the processes wrote to fd 1 or 2 (as the syscall log shows it, possibly cut short). */
export function written(events: readonly SimEvent[], comm: string): string {
  return ofKind(events, 'syscall').filter((e) => e.who.comm === comm && e.call === 'write').map((e) => e.args).join('\n');
}
