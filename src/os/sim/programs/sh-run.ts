// The executor of the simulated sh, following dash without job control: a foreground command
// is forked and waited for (stops are not seen: no WUNTRACED); a background one runs with
// SIGINT and SIGQUIT ignored and standard input from /dev/null; traps run at the safe point
// after each command; a caught SIGINT without a trap kills the shell there, once the
// foreground command is done, as dash's onint does.

import { SIG, signalText } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { BUILTINS } from './sh-builtins.js';
import { expandString, expandWord } from './sh-expand.js';
import { type AndOr, Parser, type Pipeline, type Redir, type Simple } from './sh-parse.js';
import type { ShellState } from './sh-state.js';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** dash's wording for a failed open: its own for ENOENT, strerror otherwise. */
function openReason(e: sys.SysError, creating: boolean): string {
  if (e.errno === 'ENOENT') return creating ? 'Directory nonexistent' : 'No such file';
  return e.reason;
}

/** Applies redirections; with `save`, returns how to undo them. Null after a reported error. */
function* redirect(sh: ShellState, redirs: readonly Redir[], save: boolean): Code<Array<[number, number | null]> | null> {
  const undo: Array<[number, number | null]> = [];
  for (const r of redirs) {
    const target = expandString(r.target, sh);
    if (save) {
      const copy = yield* sys.dup(r.fd);
      undo.unshift([r.fd, copy instanceof sys.SysError ? null : copy]);
    }
    if (r.op === '>&' || r.op === '<&') {
      const res = target === '-' ? yield* sys.close(r.fd) : /^\d+$/.test(target) ? yield* sys.dup2(Number(target), r.fd) : null;
      if (res === null || res instanceof sys.SysError) {
        yield* sh.warn(res === null ? `Syntax error: Bad fd number` : `${target}: ${res.reason}`);
        return null;
      }
      continue;
    }
    const creating = r.op !== '<';
    const fd = yield* sys.open(target, creating ? { write: true, create: true, truncate: r.op === '>', append: r.op === '>>' } : { read: true });
    if (fd instanceof sys.SysError) {
      yield* sh.warn(`cannot ${creating ? 'create' : 'open'} ${target}: ${openReason(fd, creating)}`);
      return null;
    }
    if (fd !== r.fd) {
      yield* sys.dup2(fd, r.fd);
      yield* sys.close(fd);
    }
  }
  return undo;
}

function* restore(undo: ReadonlyArray<[number, number | null]>): Code<void> {
  for (const [fd, copy] of undo) {
    if (copy === null) {
      yield* sys.close(fd);
    } else {
      yield* sys.dup2(copy, fd);
      yield* sys.close(copy);
    }
  }
}

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

/** Waits for a foreground child; dash reports deaths by signals other than SIGINT and SIGPIPE. */
function* waitForeground(pid: number, report: boolean): Code<number> {
  for (;;) {
    const r = yield* sys.waitpid(pid);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      return 127;
    }
    if (r === 0) continue;
    if (r.status.kind === 'exited') return r.status.code;
    if (r.status.kind !== 'signaled') continue;
    const sig = r.status.signal;
    if (report && sig !== SIG.INT && sig !== SIG.PIPE) {
      yield* sys.write(2, `${signalText(sig)}${r.status.coreDumped ? ' (core dumped)' : ''}\n`);
    }
    return 128 + sig;
  }
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
      for (const item of items) {
        if (item.background) yield* this.background(item.andOr);
        else sh.status = yield* this.andOr(item.andOr, false);
        yield* this.safePoint();
        if (sh.exiting !== null) break;
      }
    }
    return sh.exiting ?? sh.status;
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
      return yield* new Executor(child).andOr(andOr, true);
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
    for (let i = 0; i < andOr.rest.length && sh.exiting === null; i++) {
      const { op, pipeline } = andOr.rest[i]!;
      if ((op === '&&') !== (status === 0)) continue;
      status = yield* this.pipeline(pipeline, inChild && i === andOr.rest.length - 1);
      sh.status = status;
    }
    return status;
  }

  private *pipeline(p: Pipeline, execLast: boolean): Code<number> {
    const status = p.commands.length === 1 ? yield* this.simple(p.commands[0]!, execLast && !p.bang) : yield* this.pipe(p.commands);
    return p.bang ? (status === 0 ? 1 : 0) : status;
  }

  private *pipe(commands: readonly Simple[]): Code<number> {
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
        return yield* new Executor(child).simple(cmd, true);
      });
      if (from !== null) yield* sys.close(from);
      if (fds) {
        yield* sys.close(fds[1]);
        input = fds[0];
      }
      if (!(pid instanceof sys.SysError)) pids.push(pid);
    }
    let status = 0;
    for (const [i, pid] of pids.entries()) status = yield* waitForeground(pid, i === pids.length - 1);
    return status;
  }

  /** A simple command; with `execLast` (in a child) an external command is exec'd without a fork. */
  *simple(cmd: Simple, execLast: boolean): Code<number> {
    const sh = this.sh;
    sh.line = cmd.line;
    const argv = cmd.words.flatMap((w) => expandWord(w, sh));
    const assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, sh)] as const);
    if (argv.length === 0) {
      for (const [name, value] of assigns) sh.vars.set(name, value);
      const undo = yield* redirect(sh, cmd.redirs, true);
      if (undo === null) return 2;
      yield* restore(undo);
      return 0;
    }
    if (argv[0] === 'exec') return yield* this.exec(cmd, argv.slice(1), assigns);
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
    return yield* waitForeground(pid, true);
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
