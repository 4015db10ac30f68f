// The state of one simulated sh process: variables, $?, $!, traps and the signals caught but
// not yet acted on. A forked child gets its own copy (the kernel shares JavaScript objects, not
// memory), with caught signals back at their default action, as dash's clear_traps does.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { err } from './lib.js';
import type { Params } from './sh-expand.js';
import type { Command } from './sh-parse.js';

export class ShellState implements Params {
  readonly vars: Map<string, string>;
  readonly exported: Set<string>;
  status = 0;
  lastBackground: number | null = null;
  /** Trap actions by signal number: '' ignores; 0 is EXIT. */
  readonly traps: Map<number, string>;
  /** Exit statuses ($?-style) of children reaped while waiting for another, for `wait`. */
  readonly reaped = new Map<number, number>();
  /** Caught signals whose trap (or, for an untrapped SIGINT, death) waits for a safe point. */
  readonly pending: number[] = [];
  /** Set by `exit` (or a fatal error): the status the shell leaves with. */
  exiting: number | null = null;
  line = 0;
  /** A break or continue on its way out of `levels` loops. */
  loop: { readonly kind: 'break' | 'continue'; levels: number } | null = null;
  /** Set by `return N` in a function: the status it returns with. */
  returning: number | null = null;
  /** How many function calls are running (return outside one leaves the shell). */
  inFunction = 0;
  /** Functions by name. */
  readonly functions = new Map<string, Command>();
  /** How many loops are running (break and continue outside one do nothing). */
  loopDepth = 0;
  /** Whether this shell caught SIGINT itself (dash does for -c) rather than leaving it at default. */
  catchesInt = false;

  constructor(
    readonly pid: number,
    readonly arg0: string,
    public args: readonly string[],
    env: readonly string[],
  ) {
    this.vars = new Map();
    this.exported = new Set();
    this.traps = new Map();
    for (const e of env) {
      const eq = e.indexOf('=');
      if (eq <= 0) continue;
      this.vars.set(e.slice(0, eq), e.slice(eq + 1));
      this.exported.add(e.slice(0, eq));
    }
  }

  lookup(name: string): string | undefined {
    return this.vars.get(name);
  }

  assign(name: string, value: string): void {
    this.vars.set(name, value);
  }

  /** The environment a command gets: exported variables, then its own assignments. */
  environment(assigns: ReadonlyArray<readonly [string, string]>): string[] {
    const env = new Map<string, string>();
    for (const name of this.exported) {
      const v = this.vars.get(name);
      if (v !== undefined) env.set(name, v);
    }
    for (const [name, value] of assigns) env.set(name, value);
    return [...env].map(([k, v]) => `${k}=${v}`);
  }

  /** dash's "sh: LINE: message" on stderr. */
  warn(message: string): Code<0 | sys.SysError> {
    return err(`${this.arg0}: ${this.line}: ${message}\n`);
  }

  /** The copy a forked child runs with; its caught signals go back to default (ignored stay ignored). */
  *forChild(): Code<ShellState> {
    const child = new ShellState(this.pid, this.arg0, this.args, []);
    for (const [k, v] of this.vars) child.vars.set(k, v);
    for (const k of this.exported) child.exported.add(k);
    child.status = this.status;
    child.lastBackground = this.lastBackground;
    for (const [k, f] of this.functions) child.functions.set(k, f);
    child.line = this.line;
    for (const [sig, action] of this.traps) {
      if (sig === 0) continue;
      if (action === '') child.traps.set(sig, '');
      else yield* sys.signal(sig, 'default');
    }
    if (this.catchesInt && !this.traps.has(SIG.INT)) yield* sys.signal(SIG.INT, 'default');
    return child;
  }

  /** A handler that only notes the signal; the shell acts on it at its next safe point. */
  catcher(): sys.Handler {
    const pending = this.pending;
    return function* (sig: number) {
      pending.push(sig);
    };
  }
}
