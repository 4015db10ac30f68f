// Every open session of this process, so cleanup happens even when a test fails.

/** What the registry needs from a session. */
export interface Closable {
  close(): Promise<void>;
  /** Synchronous last resort, used when the process is exiting. */
  killNow(): void;
}

const open = new Set<Closable>();
let exitHookInstalled = false;

/** Remember a session until it is closed. */
export function track(session: Closable): void {
  open.add(session);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A test runner worker that exits with sessions open must not leave them running.
    process.once('exit', () => {
      for (const s of open) s.killNow();
    });
  }
}

/** Forget a session (it is closing). */
export function untrack(session: Closable): void {
  open.delete(session);
}

/**
 * Close every session that is still open in this process: call it from
 * `afterEach` so that a failing test cannot leave processes behind.
 */
export async function closeAllSessions(): Promise<void> {
  await Promise.all([...open].map((session) => session.close()));
}
