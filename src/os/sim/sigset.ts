// Signal sets as bit masks (signals 1-31, one bit each), the way the kernel keeps the blocked
// mask and the pending set: a standard signal is pending or not; a second one is lost (G4.4).

import { SIG } from '../signals.js';

export const MAX_SIGNAL = 31;

export const bit = (sig: number): number => (1 << (sig - 1)) >>> 0;
export const has = (set: number, sig: number): boolean => (set & bit(sig)) !== 0;
export const add = (set: number, sig: number): number => (set | bit(sig)) >>> 0;
export const remove = (set: number, sig: number): number => (set & ~bit(sig)) >>> 0;

export function fromList(list: readonly number[]): number {
  let set = 0;
  for (const sig of list) if (sig >= 1 && sig <= MAX_SIGNAL) set = add(set, sig);
  return set;
}

export function toList(set: number): number[] {
  const list: number[] = [];
  for (let sig = 1; sig <= MAX_SIGNAL; sig++) if (has(set, sig)) list.push(sig);
  return list;
}

/** The lowest-numbered signal of a set, or 0 (delivery order, R4.1). */
export function lowest(set: number): number {
  if (set === 0) return 0;
  return 31 - Math.clz32(set & -set) + 1;
}

/** SIGKILL and SIGSTOP can be neither blocked nor caught (R4.7). */
export const UNBLOCKABLE = fromList([SIG.KILL, SIG.STOP]);
export const STOP_SIGNALS = fromList([SIG.STOP, SIG.TSTP, SIG.TTIN, SIG.TTOU]);

export type DefaultAction = 'terminate' | 'core' | 'stop' | 'ignore' | 'continue';

const CORE = fromList([3, 4, 5, 6, 7, 8, 11, 24, 25, 31]);
const IGNORE = fromList([SIG.CHLD, 23, SIG.WINCH]);

/** What SIG_DFL does with a signal (signal(7)). */
export function defaultAction(sig: number): DefaultAction {
  if (sig === SIG.CONT) return 'continue';
  if (has(STOP_SIGNALS, sig)) return 'stop';
  if (has(IGNORE, sig)) return 'ignore';
  if (has(CORE, sig)) return 'core';
  return 'terminate';
}
