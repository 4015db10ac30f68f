// Condition-based waiting for facts that arrive without an event (process states in /proc).

/** Options of {@link waitUntil}. */
export interface WaitUntilOptions {
  /** Give up after this many milliseconds (default 5000). */
  timeout?: number;
  /** Check every this many milliseconds (default 10). */
  interval?: number;
  /** What is being waited for, for the error message. */
  description?: string;
}

/** Raised by {@link waitUntil} when the condition never held. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/**
 * Check `condition` now and then every `interval` ms until it returns
 * something other than undefined, null or false, and resolve with that value.
 * Rejects after `timeout` ms; a throwing condition rejects at once.
 */
export function waitUntil<T>(
  condition: () => T | undefined | null | false,
  { timeout = 5000, interval = 10, description = 'a condition' }: WaitUntilOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  return new Promise<T>((resolve, reject) => {
    const attempt = (): void => {
      let value: T | undefined | null | false;
      try {
        value = condition();
      } catch (error) {
        reject(error);
        return;
      }
      if (value !== undefined && value !== null && value !== false) resolve(value);
      else if (Date.now() >= deadline) reject(new WaitTimeoutError(`timed out after ${timeout} ms waiting for ${description}`));
      else setTimeout(attempt, interval);
    };
    attempt();
  });
}
