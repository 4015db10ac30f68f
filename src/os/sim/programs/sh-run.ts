// The executor of the simulated sh, following dash without job control: a foreground command
// is forked and waited for (stops are not seen: no WUNTRACED); a background one runs with
// SIGINT and SIGQUIT ignored and standard input from /dev/null; traps run at the safe point
// after each command; a caught SIGINT without a trap kills the shell there, once the
// foreground command is done, as dash's onint does.

import { SIG, signalText } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { ArithError } from './sh-arith.js';
import { BUILTINS } from './sh-builtins.js';
import { compound } from './sh-compound.js';
import { expandString, expandWord, ParamError } from './sh-expand.js';
import { type AndOr, type Command, type List, Parser, type Pipeline, type Simple } from './sh-parse.js';
import { redirect, restore } from './sh-redir.js';
import type { ShellState } from './sh-state.js';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** execve along PATH as dash's shellexec does; returns only on failure, with the status. */
function* execCommand(sh: ShellState, argv: readonly string[], env: readonly string[], prefix = ''): Code<number> {
  const name = argv[0]!;
  if (name.includes('/')) {
    const e = yield* sys.execve(name, argv, env);
    const missing = e.errno === 'ENOENT' || e.errno === 'ENOTDIR';
    yield* sh.warn(`${prefix}${name}: ${missing ? 'not found' : e.reason}`);
    return missing ? 127 : 126;
  }
  let denied: sys.SysError | null = null;
  for (const dir of (sh.vars.get('PATH') ?? DEFAULT_PATH).split(':')) {
    const e = yield* sys.execve(`${dir === '' ? '.' : dir}/${name}`, argv, env);
    if (e.errno !== 'ENOENT' && e.errno !== 'ENOTDIR') denied ??= e;
  }
  yield* sh.warn(`${prefix}${name}: ${denied ? denied.reason : 'not found'}`);
  return denied ? 126 : 127;
}

/**
 * Waits for foreground children with waitpid(-1), as dash's wait3 loop does: background
 * children that end meanwhile are reaped too (no zombie lingers) and kept for `wait`. Deaths
 * by signals other than SIGINT and SIGPIPE are reported for the last of `pids`, as dash does.
 */
function* waitForeground(sh: ShellState, pids: readonly number[]): Code<number> {
  const left = new Set(pids);
  let status = 0;
  while (left.size > 0) {
    const r = yield* sys.waitpid(-1);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      return 127;
    }
    if (r === 0 || (r.status.kind !== 'exited' && r.status.kind !== 'signaled')) continue;
    const code = r.status.kind === 'exited' ? r.status.code : 128 + r.status.signal;
    if (!left.delete(r.pid)) {
      sh.reaped.set(r.pid, code);
      continue;
    }
    if (r.pid !== pids[pids.length - 1]) continue;
    status = code;
    if (r.status.kind === 'signaled' && r.status.signal !== SIG.INT && r.status.signal !== SIG.PIPE) {
      yield* sys.write(2, `${signalText(r.status.signal)}${r.status.coreDumped ? ' (core dumped)' : ''}\n`);
    }
  }
  return status;
}

export class Executor {
  constructor(private readonly sh: ShellState) {}

  /** Runs a script: one line at a time, stopping at a syntax error (status 2) or `exit`. */
  *runSource(src: string, firstLine = 1): Code<number> {
    const sh = this.sh;
    const parser = new Parser(src, firstLine);
    while (sh.exiting === null) {
      const items = parser.nextLine();
      if (items === null) break;
      if ('syntaxError' in items) {
        sh.line = items.line;
        yield* sh.warn(`Syntax error: ${items.syntaxError}`);
        sh.exiting = 2;
        break;
      }
      yield* this.list(items);
    }
    return sh.exiting ?? sh.status;
  }

  /** The end of a shell or subshell: its EXIT trap runs, and the status it leaves with. */
  *finish(status: number): Code<number> {
    const sh = this.sh;
    const action = sh.traps.get(0);
    if (!action) return sh.exiting ?? status;
    sh.traps.delete(0);
    const leaving = sh.exiting ?? status;
    sh.status = leaving;
    sh.exiting = null;
    yield* this.runSource(action);
    return sh.exiting ?? leaving;
  }

  /** Runs a list's items, with a safe point after each; `exit`, break and continue cut it short. */
  *list(items: List): Code<number> {
    const sh = this.sh;
    for (const item of items) {
      if (item.background) yield* this.background(item.andOr);
      else sh.status = yield* this.andOr(item.andOr, false);
      yield* this.safePoint();
      if (sh.exiting !== null || sh.loop !== null || sh.returning !== null) break;
    }
    return sh.status;
  }

  /** Waits for a forked foreground child (compound commands' subshells). */
  waitFor(pid: number): Code<number> {
    return waitForeground(this.sh, [pid]);
  }

  /** An executor for a forked child's copy of the shell. */
  child(sh: ShellState): Executor {
    return new Executor(sh);
  }

  /** A simple or compound command; with `execLast` (in a child) a simple external one replaces the process. */
  *command(cmd: Command, execLast: boolean): Code<number> {
    if (cmd.kind === 'funcdef') {
      this.sh.functions.set(cmd.name, cmd.body);
      return 0;
    }
    return cmd.kind === 'simple' ? yield* this.simple(cmd, execLast) : yield* compound(this, this.sh, cmd, execLast);
  }

  /** Runs the traps of signals caught since the last safe point; an untrapped SIGINT kills the shell. */
  *safePoint(): Code<void> {
    const sh = this.sh;
    while (sh.pending.length > 0 && sh.exiting === null) {
      const sig = sh.pending.shift()!;
      const action = sh.traps.get(sig);
      if (action === undefined && sig === SIG.INT) {
        yield* sys.signal(SIG.INT, 'default');
        yield* sys.kill(sh.pid, SIG.INT);
        continue;
      }
      if (!action) continue;
      const saved = sh.status;
      yield* new Executor(sh).runSource(action);
      if (sh.exiting === null) sh.status = saved;
    }
  }

  private *background(andOr: AndOr): Code<void> {
    const sh = this.sh;
    const pid = yield* sys.fork(function* () {
      const child = yield* sh.forChild();
      yield* sys.signal(SIG.INT, 'ignore');
      yield* sys.signal(SIG.QUIT, 'ignore');
      yield* sys.close(0);
      yield* sys.open('/dev/null', { read: true });
      const ex = new Executor(child);
      return yield* ex.finish(yield* ex.andOr(andOr, true));
    });
    if (pid instanceof sys.SysError) {
      yield* sh.warn(`Cannot fork`);
      sh.status = 2;
      return;
    }
    sh.lastBackground = pid;
    sh.status = 0;
  }

  /** An and-or list; in a child (`last`), its final simple command replaces the process. */
  *andOr(andOr: AndOr, inChild: boolean): Code<number> {
    const sh = this.sh;
    let status = yield* this.pipeline(andOr.first, inChild && andOr.rest.length === 0);
    sh.status = status;
    for (let i = 0; i < andOr.rest.length && sh.exiting === null && sh.loop === null && sh.returning === null; i++) {
      const { op, pipeline } = andOr.rest[i]!;
      if ((op === '&&') !== (status === 0)) continue;
      status = yield* this.pipeline(pipeline, inChild && i === andOr.rest.length - 1);
      sh.status = status;
    }
    return status;
  }

  private *pipeline(p: Pipeline, execLast: boolean): Code<number> {
    const status = p.commands.length === 1 ? yield* this.command(p.commands[0]!, execLast && !p.bang) : yield* this.pipe(p.commands);
    return p.bang ? (status === 0 ? 1 : 0) : status;
  }

  private *pipe(commands: readonly Command[]): Code<number> {
    const sh = this.sh;
    const pids: number[] = [];
    let input: number | null = null;
    for (let i = 0; i < commands.length; i++) {
      const last = i === commands.length - 1;
      const fds = last ? null : yield* sys.pipe();
      if (fds instanceof sys.SysError) {
        yield* sh.warn(`Pipe call failed`);
        return 2;
      }
      const cmd = commands[i]!;
      const from = input;
      const pid = yield* sys.fork(function* () {
        const child = yield* sh.forChild();
        if (from !== null) {
          yield* sys.dup2(from, 0);
          yield* sys.close(from);
        }
        if (fds) {
          yield* sys.dup2(fds[1], 1);
          yield* sys.close(fds[0]);
          yield* sys.close(fds[1]);
        }
        const ex = new Executor(child);
        return yield* ex.finish(yield* ex.command(cmd, true));
      });
      if (from !== null) yield* sys.close(from);
      if (fds) {
        yield* sys.close(fds[1]);
        input = fds[0];
      }
      if (!(pid instanceof sys.SysError)) pids.push(pid);
    }
    return yield* waitForeground(sh, pids);
  }

  /** A simple command; with `execLast` (in a child) an external command is exec'd without a fork. */
  *simple(cmd: Simple, execLast: boolean): Code<number> {
    const sh = this.sh;
    sh.line = cmd.line;
    const expanded = yield* this.expand(() => ({
      argv: cmd.words.flatMap((w) => expandWord(w, sh)),
      assigns: cmd.assigns.map((a) => [a.name, expandString(a.value, sh)] as const),
    }));
    if (expanded === null) return 2;
    const { argv, assigns } = expanded;
    if (argv.length === 0) {
      for (const [name, value] of assigns) sh.vars.set(name, value);
      const undo = yield* redirect(sh, cmd.redirs, true);
      if (undo === null) return 2;
      yield* restore(undo);
      return 0;
    }
    if (argv[0] === 'exec') return yield* this.exec(cmd, argv.slice(1), assigns);
    const fn = sh.functions.get(argv[0]!);
    if (fn) return yield* this.call(fn, argv.slice(1), cmd);
    const builtin = BUILTINS.get(argv[0]!);
    if (builtin) {
      const undo = yield* redirect(sh, cmd.redirs, true);
      if (undo === null) return 2;
      const status = yield* builtin(sh, argv.slice(1));
      yield* restore(undo);
      return status;
    }
    const env = sh.environment(assigns);
    if (execLast) {
      if ((yield* redirect(sh, cmd.redirs, false)) === null) return 2;
      return yield* execCommand(sh, argv, env);
    }
    const pid = yield* sys.fork(function* () {
      const child = yield* sh.forChild();
      if ((yield* redirect(child, cmd.redirs, false)) === null) return 2;
      return yield* execCommand(child, argv, env);
    });
    if (pid instanceof sys.SysError) {
      yield* sh.warn('Cannot fork');
      return 2;
    }
    return yield* waitForeground(sh, [pid]);
  }

  /** Calls a function: its operands are the positional parameters while it runs; `return` ends it. */
  private *call(body: Command, args: readonly string[], cmd: Simple): Code<number> {
    const sh = this.sh;
    const undo = yield* redirect(sh, cmd.redirs, true);
    if (undo === null) return 2;
    const saved = sh.args;
    sh.args = args;
    sh.inFunction++;
    let status = yield* this.command(body, false);
    sh.inFunction--;
    sh.args = saved;
    if (sh.returning !== null) status = sh.returning;
    sh.returning = null;
    yield* restore(undo);
    return status;
  }

  /** Runs an expansion; an arithmetic or ${x?} error is reported and, as in dash, ends a non-interactive shell. */
  *expand<T>(f: () => T): Code<T | null> {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof ArithError) && !(e instanceof ParamError)) throw e;
      yield* this.sh.warn(e.message);
      this.sh.exiting = 2;
      return null;
    }
  }

  /** `exec [cmd...]`: redirections stay; a command replaces the shell, which exits if it cannot. */
  private *exec(cmd: Simple, argv: readonly string[], assigns: ReadonlyArray<readonly [string, string]>): Code<number> {
    const sh = this.sh;
    if ((yield* redirect(sh, cmd.redirs, false)) === null) return 2;
    if (argv.length === 0) return 0;
    const status = yield* execCommand(sh, argv, sh.environment(assigns), 'exec: ');
    sh.exiting = status;
    return status;
  }
}
