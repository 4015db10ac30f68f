// Wake-ups on SIGCHLD. Node delivers SIGCHLD to JS listeners for children libuv did not
// spawn as well, so one listener serves every child of the shell; the shell then polls its
// own pids with waitpid(pid, WNOHANG) (never waitpid(-1): trap 4). Several exits can be
// behind one SIGCHLD.
//
// Nothing wakes the shell on a timer (an idle shell makes no system calls):
// - A signal handle does not keep Node's event loop alive, so while someone waits and the
//   port has children that could still change, a ref'd timer that never fires holds the
//   loop. Without children nothing can wake a waiter, and the host may end.
// - A SIGCHLD that comes while nobody waits is remembered: the next wait returns at once, so
//   a caller that polled, did something else, then waits cannot sleep through a change.

/** Longest delay Node takes for a timer (about 24.8 days); it only holds the loop. */
const HOLD_MS = 2 ** 31 - 1;

export class ChildEvents {
  private installed = false;
  private waiters: (() => void)[] = [];
  /** A SIGCHLD came while nobody waited. */
  private missed = false;
  private hold: NodeJS.Timeout | undefined;

  /** `hasChildren` says whether any child may still change (spawned and not yet reaped). */
  constructor(private readonly hasChildren: () => boolean) {}

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
   * Resolves at the next SIGCHLD. The call that installs the listener resolves at once (a
   * child may have changed before anyone listened), and so does the first call after a
   * SIGCHLD that nobody waited for: the caller must poll again before it sleeps.
   */
  next(): Promise<void> {
    if (!this.installed) {
      this.install();
      return Promise.resolve();
    }
    if (this.missed) {
      this.missed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.childrenChanged();
    });
  }

  /** The port spawned or reaped a child: hold the loop only while a wait can end. */
  childrenChanged(): void {
    const needed = this.waiters.length > 0 && this.hasChildren();
    if (needed && this.hold === undefined) {
      this.hold = setInterval(() => {}, HOLD_MS);
    } else if (!needed && this.hold !== undefined) {
      clearInterval(this.hold);
      this.hold = undefined;
    }
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    if (waiters.length === 0) this.missed = true;
    this.childrenChanged();
    for (const wake of waiters) wake();
  }
}
