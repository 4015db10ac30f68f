// Waiting for a condition on a pty connection: re-checked on every change, never on a timer.

import type { PtyConnection } from './connection.js';
import type { FailureReason, PtyExpectError } from './errors.js';
import type { ExpectSource } from './types.js';

/** One wait: what it waits for and how to tell. */
export interface Condition<T> {
  /** For the failure message, e.g. `"jc$ " on the stream`. */
  readonly awaited: string;
  /** Which changes can make it true; a screen condition is checked only on a parsed screen. */
  readonly source: ExpectSource;
  readonly timeout: number;
  /** The result once the condition holds, undefined before. */
  check(): T | undefined;
}

/** Builds the error for a failed wait (async: the report shows the fully parsed screen). */
export type FailureFactory = (awaited: string, reason: FailureReason, timeout: number) => Promise<PtyExpectError>;

/**
 * Resolve with `condition.check()`'s value as soon as it has one. The check
 * runs now and after every change of the condition's source. It fails after
 * the timeout, or at once when the session ends (exit or close) and a last
 * check on the final output still fails.
 */
export function awaitCondition<T>(conn: PtyConnection, condition: Condition<T>, fail: FailureFactory): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const unsubscribe: (() => void)[] = [];
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      for (const off of unsubscribe) off();
      return true;
    };
    const attempt = (): boolean => {
      if (settled) return true;
      const value = condition.check();
      if (value === undefined) return false;
      if (settle()) resolve(value);
      return true;
    };
    const giveUp = (reason: FailureReason): void => {
      if (attempt() || !settle()) return;
      void fail(condition.awaited, reason, condition.timeout).then(reject, reject);
    };
    const onEnd = (): void => giveUp(conn.exitStatus ? 'exit' : 'closed');

    const timer = setTimeout(() => giveUp('timeout'), condition.timeout);
    unsubscribe.push(conn.on(condition.source, attempt), conn.on('end', onEnd));
    const start = (): void => {
      if (conn.ended) onEnd();
      else attempt();
    };
    if (condition.source === 'screen') void conn.screen.flushed().then(start);
    else start();
  });
}
