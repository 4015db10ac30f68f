// Wake-ups on SIGCHLD. Node delivers SIGCHLD to JS listeners for children libuv did not
// spawn as well, so one listener serves every child of the shell; the shell then polls its
// own pids with waitpid(pid, WNOHANG) (never waitpid(-1): trap 4). Several exits can be
// behind one SIGCHLD, and a signal handle does not keep the event loop alive, hence the
// ref'd guard timer while anyone waits; the timer also covers a SIGCHLD that was lost.

const GUARD_MS = 1000;

export class ChildEvents {
  private installed = false;
  private waiters: (() => void)[] = [];
  private guard: NodeJS.Timeout | undefined;

  /**
   * Starts listening. Hosts that wait with blocking waitpid never call this: each SIGCHLD
   * would otherwise interrupt the blocked wait and run a handler for nothing.
   */
  install(): void {
    if (this.installed) return;
    this.installed = true;
    process.on('SIGCHLD', () => this.wakeAll());
  }

  /**
   * Resolves at the next SIGCHLD, or after the guard interval at the latest. The call that
   * installs the listener resolves at once: a child may have changed before anyone listened,
   * so the caller must poll again before it sleeps.
   */
  next(): Promise<void> {
    if (!this.installed) {
      this.install();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.guard ??= setTimeout(() => this.wakeAll(), GUARD_MS);
    });
  }

  private wakeAll(): void {
    if (this.guard !== undefined) clearTimeout(this.guard);
    this.guard = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
