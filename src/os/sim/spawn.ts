// Spawning a child for the shell: fork, the child's own setup (group, terminal, fds, signal
// dispositions) and exec, done as one step, as the native addon does it on Linux. The child
// starts with every signal at SIG_DFL except those ignored at the shell's start and those the
// request asks to ignore, an empty mask, and exactly the fds asked for.

import type { OutputChunk, SpawnRequest } from '../port.js';
import { SysError } from './errno.js';
import { fileAt, installFd } from './files.js';
import type { Kernel } from './kernel.js';
import { normalize } from './memfs.js';
import { newGenThread, Proc } from './process.js';
import { programAt } from './syscalls/proc.js';
import * as sys from './sys.js';
import type { Code } from './types.js';

/** Starts the shell core in a child process (a subshell): the host knows how, the kernel does not. */
export type SubshellRunner = (k: Kernel, child: Proc, source: string, state: string) => void;

export function spawnFor(
  k: Kernel, parent: Proc, req: SpawnRequest, ignored: ReadonlySet<number>, subshell: SubshellRunner | undefined,
): number | SysError {
  for (const fd of req.fds) if (fd >= 0 && !fileAt(parent, fd)) return new SysError('EBADF', 'spawn');
  const cwd = k.fs.stat(normalize(req.cwd));
  if (!cwd) return new SysError('ENOENT', 'chdir');
  if (cwd.type !== 'directory') return new SysError('ENOTDIR', 'chdir');
  const prog = req.program;
  let body: (() => Code) | null = null;
  let comm = parent.comm;
  let argv = parent.argv;
  let env = parent.env;
  if (prog.kind === 'exec') {
    const program = programAt(k, normalize(prog.path));
    if (program instanceof SysError) return program;
    body = () => program(prog.argv, prog.env);
    comm = prog.path.slice(prog.path.lastIndexOf('/') + 1).slice(0, 15);
    argv = prog.argv;
    env = prog.env;
  } else if (prog.kind === 'emit') {
    body = () => emit(prog.chunks, prog.status);
  } else {
    if (!subshell) return new SysError('ENOSYS', 'spawn(subshell)');
    env = prog.env;
  }
  const child = new Proc(k.allocPid(), parent, {
    comm, argv, env, cwd: normalize(req.cwd), dumpsCore: parent.dumpsCore,
    thread: body ? newGenThread(body()) : { kind: 'host', calls: new Set(), handlers: new Map(), counts: new Map(), traps: new Map(), queued: [], onExit: () => {} },
  });
  child.ctty = parent.ctty;
  for (const sig of [...ignored, ...(req.ignoreSignals ?? [])]) if (sig >= 1 && sig <= 31) child.actions[sig] = { handler: 'ignore', flags: {}, mask: [] };
  req.fds.forEach((fd, i) => {
    if (fd >= 0) installFd(child, i, fileAt(parent, fd)!);
  });
  parent.children.push(child);
  k.addProc(child);
  if (k.tracing) k.emit({ kind: 'fork', t: k.now, parent: parent.pid, child: child.who, ppid: parent.pid, sid: child.sid });
  const grouped = joinGroup(k, child, req);
  if (grouped instanceof SysError) return grouped;
  if (req.foregroundOn !== undefined) takeTerminal(k, parent, child, req.foregroundOn);
  if (prog.kind === 'exec') {
    child.execed = true;
    if (k.tracing) k.emit({ kind: 'exec', t: k.now, who: child.who, path: normalize(prog.path), argv: prog.argv });
  }
  if (prog.kind === 'subshell') subshell!(k, child, prog.source, prog.state);
  k.enqueue(child);
  return child.pid;
}

function joinGroup(k: Kernel, child: Proc, req: SpawnRequest): void | SysError {
  if (req.group.kind === 'inherit') return;
  const pgid = req.group.kind === 'lead' ? child.pid : req.group.pgid;
  if (pgid !== child.pid) {
    const group = k.groups.get(pgid);
    if (!group || ![...group].some((m) => m.sid === child.sid)) return new SysError('EPERM', 'setpgid');
  }
  k.setGroup(child, pgid);
  if (k.tracing) k.emit({ kind: 'setpgid', t: k.now, who: child.who, pgid });
}

/** The child makes its group the foreground group before it runs (bash does it in the child, SIGTTOU ignored). */
function takeTerminal(k: Kernel, parent: Proc, child: Proc, fd: number): void {
  const tty = fileAt(parent, fd)?.tty;
  if (!tty || tty.session !== child.sid || tty.fgPgrp === child.pgid) return;
  tty.fgPgrp = child.pgid;
  if (k.tracing) k.emit({ kind: 'tty', t: k.now, tty: tty.name, what: 'foreground', who: child.who, pgid: child.pgid, note: `${child.comm} (pid ${child.pid}) made its group ${child.pgid} the foreground group of ${tty.name} before running` });
}

/** A builtin's output delivered by a process of the job. */
function* emit(chunks: readonly OutputChunk[], status: number): Code {
  for (const c of chunks) {
    const r = yield* sys.write(c.fd, c.data);
    if (r instanceof SysError) break;
  }
  return status;
}
