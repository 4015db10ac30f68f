// Values computed synchronously unless something on the way must wait. Most of what a shell
// runs needs no waiting: an assignment, `$((n+1))`, `[ $n -lt 10 ]`, a `case`. Only a process
// (a job, a command substitution, a pipe to drain) makes it wait. Written as async functions
// throughout, every command would cost a chain of promises and microtask turns, and a loop of
// builtins would run ten times slower than in bash; written with these helpers, the executor
// and word expansion return plain values and switch to promises only where a wait happens.

export type Maybe<T> = T | Promise<T>;

export function isPromise<T>(value: Maybe<T>): value is Promise<T> {
  return value instanceof Promise;
}

/**
 * `f(value)`, now if the value is here, later if it is a promise. Not named `then`: a module
 * exporting `then` makes its namespace object a thenable, and `await import()` of it calls it.
 */
export function andThen<T, U>(value: Maybe<T>, f: (value: T) => Maybe<U>): Maybe<U> {
  return isPromise(value) ? value.then(f) : f(value);
}

/**
 * `try { return run() } finally { cleanup() }`, when `run` may finish later. The cleanup may
 * have to wait too (output to drain before a file is closed).
 */
export function lastly<T>(run: () => Maybe<T>, cleanup: () => Maybe<void>): Maybe<T> {
  let value: Maybe<T>;
  try {
    value = run();
  } catch (e) {
    return andThen(cleanup(), () => {
      throw e;
    });
  }
  if (isPromise(value)) {
    return value.then(
      (v) => andThen(cleanup(), () => v),
      (e: unknown) => andThen(cleanup(), () => {
        throw e;
      }),
    );
  }
  return andThen(cleanup(), () => value);
}

/** `try { return run() } catch (e) { return handle(e) }`, when `run` may finish later. */
export function rescue<T>(run: () => Maybe<T>, handle: (e: unknown) => Maybe<T>): Maybe<T> {
  let value: Maybe<T>;
  try {
    value = run();
  } catch (e) {
    return handle(e);
  }
  return isPromise(value) ? value.catch(handle) : value;
}

/**
 * `step(item, index, arg)` for each item in order (`arg` spares the caller a closure). Once a
 * step has to wait, the rest run in one async loop (not a chain of promises, which would grow
 * with every item).
 */
export function each<T, A>(items: readonly T[], step: (item: T, index: number, arg: A) => Maybe<unknown>, arg: A): Maybe<void> {
  for (let i = 0; i < items.length; i++) {
    const r = step(items[i]!, i, arg);
    if (isPromise(r)) return eachLater(r, items, i + 1, step, arg);
  }
  return undefined;
}

async function eachLater<T, A>(
  pending: Promise<unknown>,
  items: readonly T[],
  from: number,
  step: (item: T, index: number, arg: A) => Maybe<unknown>,
  arg: A,
): Promise<void> {
  await pending;
  for (let i = from; i < items.length; i++) {
    const r = step(items[i]!, i, arg);
    if (isPromise(r)) await r;
  }
}

/**
 * Runs `step` until it returns false. A loop that waits once (it started a process) goes on as
 * one async loop, so that `while true; do sleep 1; done` holds no growing chain of promises.
 */
export function repeat(step: () => Maybe<boolean>): Maybe<void> {
  for (;;) {
    const go = step();
    if (isPromise(go)) return repeatLater(go, step);
    if (!go) return undefined;
  }
}

async function repeatLater(pending: Promise<boolean>, step: () => Maybe<boolean>): Promise<void> {
  for (let go = await pending; go; ) {
    const next = step();
    go = isPromise(next) ? await next : next;
  }
}
