// `exec [-cl] [-a name] [command [argument ...]]` (XCU 2.14, bash's builtins/exec.def). Without
// a command its redirections change the shell's own fds for good (`exec >log`, `exec 3>&1`,
// `exec 3>&-`). With one, the command replaces the shell: the same process runs it (the port's
// execve) with the shell's fds as they stand and signals as a new child gets them. A command
// that cannot be found or run ends a non-interactive shell (127, 126), as in bash. The executor
// calls runExec, which needs the table of redirections; the registry's entry serves `type` and
// a pipeline's copy of the shell, where exec changes nothing.

import { OsError } from '../../os/port.js';
import type { ExpandedCommand } from '../command.js';
import { ExitRequest, FatalError } from '../errors.js';
import { waitForeground } from '../foreground-job.js';
import { launchJob, LaunchFailed } from '../launch.js';
import { terminateStoppedJobs } from '../leave.js';
import { explainExecError } from '../lookup.js';
import type { FdTable } from '../redirect.js';
import { adoptFds, toStdio } from '../shell-fds.js';
import { specialBuiltinError } from '../special.js';
import type { Shell } from '../shell.js';
import type { Builtin } from './types.js';

const USAGE = 'exec [-cl] [-a name] [command [argument ...]] [redirection ...]';

export const execBuiltin: Builtin = () => 0;

interface ExecWords {
  /** -a: the command's argv[0]. */
  readonly name: string | null;
  /** -c: an empty environment. */
  readonly clear: boolean;
  /** -l: a login shell's argv[0], with a `-` first. */
  readonly login: boolean;
  readonly argv: readonly string[];
}

export async function runExec(shell: Shell, cmd: ExpandedCommand, fds: FdTable): Promise<number> {
  const words = parseWords(cmd.argv.slice(1));
  if (typeof words === 'string') {
    await shell.diag(`exec: ${words}`);
    await shell.out.write(shell.stdio[2], `exec: usage: ${USAGE}\n`);
    return specialBuiltinError(shell, 2);
  }
  if (words.argv.length === 0) {
    adoptFds(shell, fds);
    return 0;
  }
  const command = words.argv[0]!;
  const found = shell.commands.lookup(shell, command);
  if (found.kind === 'error') {
    await shell.diag(`exec: ${command}: not found`);
    return specialBuiltinError(shell, 127, 127);
  }
  const argv0 = words.name ?? (words.login ? `-${command}` : command);
  const env = words.clear ? [...cmd.assignments].map(([k, v]) => `${k}=${v}`) : shell.vars.environ(cmd.assignments);
  const program = { path: found.path, argv: [argv0, ...words.argv.slice(1)], env };
  await shell.out.drain();
  return replace(shell, command, program, fds.toArray());
}

/**
 * In a pipeline's stage (a process of its own in bash) `exec cmd` is cmd itself; null when
 * there is no command, or options ask for more than running it.
 */
export function execStageArgv(argv: readonly string[]): readonly string[] | null {
  const words = parseWords(argv.slice(1));
  if (typeof words === 'string' || words.argv.length === 0 || words.name !== null || words.clear || words.login) return null;
  return words.argv;
}

function parseWords(words: readonly string[]): ExecWords | string {
  let name: string | null = null;
  let clear = false;
  let login = false;
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-') || w === '-') break;
    for (let j = 1; j < w.length; j++) {
      const c = w[j]!;
      if (c === 'c') clear = true;
      else if (c === 'l') login = true;
      else if (c !== 'a') return `-${c}: invalid option`;
      else {
        // -a NAME, or -aNAME
        if (j === w.length - 1 && i + 1 >= words.length) return '-a: option requires an argument';
        name = j < w.length - 1 ? w.slice(j + 1) : words[++i]!;
        break;
      }
    }
  }
  return { name, clear, login, argv: words.slice(i) };
}

interface Program {
  readonly path: string;
  readonly argv: readonly string[];
  readonly env: readonly string[];
}

/**
 * The shell's process becomes the program. A copy of the shell living in the shell's own
 * process (`$(exec cmd)`), or a kernel that cannot replace a process (ENOSYS), runs it as a
 * child instead and then ends with its status, which is what the shell outside sees either way;
 * so does a shell still writing a here-document to the program (a body larger than a pipe
 * holds), since the writer would vanish with the process.
 */
async function replace(shell: Shell, command: string, program: Program, fds: readonly number[]): Promise<number> {
  if (shell.inSubshell || shell.pendingWrites > 0) return runAndExit(shell, program, fds);
  const handOver = shell.interactive && shell.control.enabled;
  if (handOver) {
    terminateStoppedJobs(shell);
    shell.terminal.handOverForExec();
  }
  try {
    return execve(shell, program, fds);
  } catch (e) {
    if (!(e instanceof OsError)) throw e;
    // the shell goes on: its group and the terminal again (bash's restart_job_control)
    if (handOver) shell.terminal.claim(shell.pid);
    if (e.code === 'ENOSYS') return runAndExit(shell, program, fds);
    const { message, status } = explainExecError(shell, program.path, e.code, e.reason);
    // bash names a file it found by its path, and one that is missing as it was written
    const file = status === 126 ? program.path : command;
    await shell.diag(`${file}: ${message}`);
    if (status === 126) await shell.diag(`exec: ${file}: cannot execute: ${message}`);
    return specialBuiltinError(shell, status, status);
  }
}

/** execve; a file without `#!` is run by /bin/sh, as bash runs it with itself. */
function execve(shell: Shell, program: Program, fds: readonly number[]): never {
  const request = { ...program, fds, cwd: shell.cwd };
  try {
    return shell.port.execve(request);
  } catch (e) {
    if (!(e instanceof OsError) || e.code !== 'ENOEXEC') throw e;
    return shell.port.execve({ ...request, path: '/bin/sh', argv: ['sh', program.path, ...program.argv.slice(1)] });
  }
}

async function runAndExit(shell: Shell, program: Program, fds: readonly number[]): Promise<never> {
  const stage = { program: { kind: 'exec' as const, ...program }, redirects: [], text: program.argv.join(' ') };
  const saved = shell.stdio;
  shell.stdio = toStdio(fds);
  try {
    const job = launchJob(shell, [stage], { background: false });
    throw new ExitRequest(await waitForeground(shell, job));
  } catch (e) {
    if (!(e instanceof LaunchFailed)) throw e;
    await shell.diag(e.message);
    throw new FatalError(e.status);
  } finally {
    shell.stdio = saved;
  }
}
