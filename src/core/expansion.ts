// The shell's side of word expansion: where parameters come from, and how a command
// substitution runs. `$(…)` runs in a copy of the shell (bash forks a subshell) whose output
// goes to a pipe that this shell reads while the commands run.

import type { List } from '../lang/ast.js';
import type { ExpansionContext } from '../lang/expand.js';
import type { Maybe } from '../lang/maybe.js';
import { ExitRequest, LineAbandoned } from './errors.js';
import { FunctionReturn } from './flow.js';
import { closeOwnFds } from './shell-fds.js';
import type { Shell } from './shell.js';
import { runExitTrap } from './trap-run.js';

export interface SubstitutionRunner {
  (shell: Shell, list: List): Maybe<number>;
}

/**
 * Assignments of a simple command already expanded while later ones are: bash has made them
 * by andThen, as shell variables (no command name) or in the command's environment (exported).
 */
export interface PendingAssignments {
  readonly values: ReadonlyMap<string, string>;
  readonly exported: boolean;
}

const NONE: PendingAssignments = { values: new Map(), exported: false };

/** Where the status of the last command substitution run in a command is kept. */
export interface LastSubstitution {
  status: number | null;
}

export function expansionContext(shell: Shell, run: SubstitutionRunner, pending = NONE, last?: LastSubstitution): ExpansionContext {
  return new ShellExpansion(shell, run, pending, last);
}

/**
 * A class rather than an object of closures: one is made for every command expanded, and a
 * loop expands hundreds of thousands.
 */
class ShellExpansion implements ExpansionContext {
  constructor(
    private readonly shell: Shell,
    private readonly run: SubstitutionRunner,
    private readonly pending: PendingAssignments,
    private readonly last?: LastSubstitution,
  ) {}

  get(name: string): string | undefined {
    return special(this.shell, name) ?? this.pending.values.get(name) ?? this.shell.vars.get(name);
  }

  positional(): readonly string[] {
    return this.shell.positional;
  }

  set(name: string, value: string): void {
    this.shell.vars.set(name, value);
  }

  async commandSubstitution(list: List): Promise<string> {
    const output = await substitute(this.shell, list, this.run, this.pending);
    if (this.last) this.last.status = this.shell.lastStatus;
    return output;
  }

  home(user: string): string | null {
    const port = this.shell.port;
    return user === '' ? this.shell.vars.get('HOME') ?? port.homeOf(port.username()) : port.homeOf(user);
  }

  readdir(dir: string): readonly string[] | null {
    try {
      return this.shell.port.readdir(dir);
    } catch {
      return null;
    }
  }

  cwd(): string {
    return this.shell.cwd;
  }

  noglob(): boolean {
    return this.shell.options.isOn('noglob');
  }

  nounset(): boolean {
    return this.shell.options.isOn('nounset');
  }
}

function special(shell: Shell, name: string): string | undefined {
  switch (name) {
    case '?': return String(shell.lastStatus);
    case '$': return String(shell.dollarPid);
    case '!': return shell.lastBackgroundPid === undefined ? undefined : String(shell.lastBackgroundPid);
    case '#': return String(shell.positional.length);
    case '0': return shell.name;
    case '-': return shell.options.flags();
    case 'LINENO': return String(Math.max(1, shell.lineno));
    default:
      return isPositional(name) ? shell.positional[Number(name) - 1] : undefined;
  }
}

/** `1`, `12`: digits not starting with 0 (names never start with a digit). */
function isPositional(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 49 || c > 57) return false;
  for (let i = 1; i < name.length; i++) {
    const d = name.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

async function substitute(shell: Shell, list: List, run: SubstitutionRunner, pending: PendingAssignments): Promise<string> {
  const port = shell.port;
  const [readEnd, writeEnd] = port.pipe();
  const sub = shell.subshell(false);
  sub.mayBlock = false;
  sub.traceLevel++;
  for (const [name, value] of pending.values) {
    if (pending.exported) sub.vars.export(name, value);
    else sub.vars.set(name, value);
  }
  sub.stdio = [shell.stdio[0], writeEnd, shell.stdio[2], ...shell.stdio.slice(3)];
  const reading = readAll(shell, readEnd);
  try {
    sub.lastStatus = await runExitTrap(sub, await runToEnd(sub, list, run));
    await sub.out.drain();
  } finally {
    shell.traps.childEnded(); // the child bash forks for it is reaped: a CHLD trap runs once
    port.close(writeEnd);
    // what an `exec` in it opened goes with it, as with bash's forked subshell
    closeOwnFds(sub);
    adoptLeftovers(shell, sub);
  }
  const text = await reading;
  port.close(readEnd);
  shell.lastStatus = sub.lastStatus;
  return text;
}

/**
 * `exit`, `return` (in a function), or an error that abandons the line, ends the forked
 * subshell in bash and so only the substitution here, with its status; the command around it
 * goes on.
 */
async function runToEnd(sub: Shell, list: List, run: SubstitutionRunner): Promise<number> {
  try {
    return await run(sub, list);
  } catch (e) {
    if (e instanceof ExitRequest || e instanceof LineAbandoned || e instanceof FunctionReturn) return e.status;
    throw e;
  }
}

/**
 * Jobs started in `$(…)` are still this process's children once it is done (in bash they
 * would belong to the forked subshell): hand them to the reaper so none stays a zombie.
 */
function adoptLeftovers(shell: Shell, sub: Shell): void {
  for (const job of sub.control.jobs.all()) {
    if (shell.control.jobs.get(job.id) === job) continue;
    for (const pid of job.livePids()) shell.control.disowned.add(pid);
  }
  for (const pid of sub.control.disowned) shell.control.disowned.add(pid);
}

async function readAll(shell: Shell, fd: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (let chunk = await shell.port.read(fd); chunk; chunk = await shell.port.read(fd)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
