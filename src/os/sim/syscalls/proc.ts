// Process system calls: identity, groups and sessions, fork, exec, exit, the process table.

import { exited } from '../../status.js';
import { SysError } from '../errno.js';
import { doExit } from '../exit.js';
import { closeOnExec, copyFds } from '../files.js';
import { setpgid, setsid } from '../groups.js';
import type { Kernel } from '../kernel.js';
import { normalize } from '../memfs.js';
import { BLOCK } from '../outcome.js';
import { newGenThread, Proc, type Call } from '../process.js';
import { toList } from '../sigset.js';
import type { Code, ProcInfo, Program, Syscall } from '../types.js';
import type { ProcState } from '../events.js';

type Req<C extends Syscall['call']> = Extract<Syscall, { call: C }>;

const findProc = (k: Kernel, p: Proc, pid: number): Proc | undefined => (pid === 0 ? p : k.procs.get(pid));

export const procCalls = {
  getpid: (_k: Kernel, c: Call) => c.proc.pid,
  getppid: (_k: Kernel, c: Call) => c.proc.ppid,
  getpgrp: (_k: Kernel, c: Call) => c.proc.pgid,
  getpgid: (k: Kernel, c: Call, r: Req<'getpgid'>) => findProc(k, c.proc, r.pid)?.pgid ?? new SysError('ESRCH', 'getpgid'),
  getsid: (k: Kernel, c: Call, r: Req<'getsid'>) => findProc(k, c.proc, r.pid)?.sid ?? new SysError('ESRCH', 'getsid'),
  setpgid: (k: Kernel, c: Call, r: Req<'setpgid'>) => setpgid(k, c.proc, r.pid, r.pgid),
  setsid: (k: Kernel, c: Call) => setsid(k, c.proc),
  fork: (k: Kernel, c: Call, r: Req<'fork'>) => forkProcess(k, c.proc, r.child).pid,
  execve: (k: Kernel, c: Call, r: Req<'execve'>) => execve(k, c.proc, r.path, r.argv, r.env ?? c.proc.env),
  exit: (k: Kernel, c: Call, r: Req<'exit'>) => {
    doExit(k, c.proc, exited(r.status));
    return BLOCK;
  },
  procs: (k: Kernel) => processTable(k),
  getcwd: (_k: Kernel, c: Call) => c.proc.cwd,
  chdir: (k: Kernel, c: Call, r: Req<'chdir'>) => {
    const path = normalize(r.path, c.proc.cwd);
    const st = k.fs.stat(path);
    if (!st) return new SysError('ENOENT', 'chdir');
    if (st.type !== 'directory') return new SysError('ENOTDIR', 'chdir');
    c.proc.cwd = path;
    return 0;
  },
  getdispositions: (_k: Kernel, c: Call) => {
    const ignored: number[] = [];
    const caught: number[] = [];
    for (let sig = 1; sig <= 31; sig++) {
      const h = c.proc.action(sig)?.handler;
      if (h === 'ignore') ignored.push(sig);
      else if (typeof h === 'function') caught.push(sig);
    }
    return { ignored, caught, blocked: toList(c.proc.blocked) };
  },
};

/** fork(2): a copy of the caller that runs `body`. */
export function forkProcess(k: Kernel, parent: Proc, body: () => Code): Proc {
  const child = new Proc(k.allocPid(), parent, {
    comm: parent.comm, argv: parent.argv, env: parent.env, cwd: parent.cwd, dumpsCore: parent.dumpsCore,
    thread: newGenThread(body()),
  });
  child.ctty = parent.ctty;
  child.execed = false;
  child.actions = [...parent.actions];
  child.blocked = parent.blocked;
  copyFds(parent, child);
  parent.children.push(child);
  k.addProc(child);
  if (k.tracing) k.emit({ kind: 'fork', t: k.now, parent: parent.pid, child: child.who, ppid: parent.pid, sid: child.sid });
  k.enqueue(child);
  return child;
}

/** What exec would run at a path, or why it cannot. */
export function programAt(k: Kernel, path: string): Program | SysError {
  const node = k.fs.get(path);
  if (!node) return new SysError('ENOENT', 'execve');
  if (node.type === 'program') return node.program;
  // Files of the simulated file system carry no execute permission (mode 0644).
  return new SysError('EACCES', 'execve');
}

/** execve(2): the same process runs a new program; caught signals go back to SIG_DFL. */
export function execve(k: Kernel, p: Proc, path: string, argv: readonly string[], env: readonly string[]): SysError | typeof BLOCK | 0 {
  const abs = normalize(path, p.cwd);
  const program = programAt(k, abs);
  if (program instanceof SysError) return program;
  if (p.thread.kind !== 'gen') return new SysError('ENOSYS', 'execve');
  p.comm = abs.slice(abs.lastIndexOf('/') + 1).slice(0, 15);
  p.argv = argv;
  p.env = env;
  p.execed = true;
  p.actions = p.actions.map((a) => (a && typeof a.handler === 'function' ? undefined : a));
  closeOnExec(k, p);
  if (k.tracing) k.emit({ kind: 'exec', t: k.now, who: p.who, path: abs, argv });
  p.thread.frames = [{ gen: program(argv, env) }];
  p.thread.call = null;
  return 0;
}

function processTable(k: Kernel): ProcInfo[] {
  return [...k.procs.values()]
    .sort((a, b) => a.pid - b.pid)
    .map((p) => ({
      pid: p.pid, ppid: p.ppid, pgid: p.pgid, sid: p.sid,
      tty: p.ctty?.name ?? null,
      tpgid: p.ctty && p.ctty.session === p.sid ? p.ctty.fgPgrp ?? -1 : -1,
      ...shownState(p), sessionLeader: p.sessionLeader, comm: p.comm, argv: p.argv,
    }));
}

/**
 * The shell's own code waits for its children through a call the kernel takes only after the
 * processes already runnable (on Linux, which runs them on other CPUs meanwhile, the shell is
 * asleep in waitpid long before a child it started gets to read the process table). A host
 * whose calls all sleep or are that wait, not yet taken, is shown asleep in it, as ps on Linux
 * shows bash (`Ss`).
 */
function shownState(p: Proc): { state: ProcState; wchan: string } {
  const calls = p.thread.kind === 'host' ? [...p.thread.calls] : [];
  const aboutToWait = p.state === 'R' && calls.length > 0 && calls.every((c) => c.queue !== null || c.req.call === 'childevent');
  return aboutToWait ? { state: 'S', wchan: 'do_wait' } : { state: p.state, wchan: p.wchan };
}
