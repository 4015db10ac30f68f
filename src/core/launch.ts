// Starting a job: every stage of a pipeline is spawned in one synchronous run, with the pipes
// between them, so that no stage can be reaped before the next one joins its process group
// (a zombie leader still holds the pgid; a reaped one does not).

import { OsError, type GroupPolicy, type OutputChunk, type Program } from '../os/port.js';
import { SIG } from '../os/signals.js';
import type { Job, JobProcess } from './job.js';
import { RUNNING } from './job.js';
import { explainExecError } from './lookup.js';
import { withRedirects, type ExpandedRedirect } from './redirect.js';
import type { Shell } from './shell.js';

/** A stage ready to start, except for its fds. */
export interface StagePlan {
  readonly program: Program;
  readonly redirects: readonly ExpandedRedirect[];
  readonly text: string;
}

export interface LaunchOptions {
  readonly background: boolean;
  /**
   * What a stage runs instead when its program cannot be executed. By default it reports
   * bash's error (126/127), and a file without #! is run by /bin/sh.
   */
  readonly onExecFailure?: (argv: readonly string[]) => Program;
}

const encoder = new TextEncoder();

/** A stage that only reports an error, as a forked bash child would before exiting. */
export function errorStage(shell: Shell, message: string, status: number, text: string, redirects: readonly ExpandedRedirect[] = []): StagePlan {
  const chunks: OutputChunk[] = [{ fd: 2, data: encoder.encode(`${shell.errorPrefix()}${message}\n`) }];
  return { program: { kind: 'emit', chunks, status }, redirects, text };
}

/**
 * A job could not be started, or only its first stages were (bash's "fork: …" and "pipe
 * error: …"). `job` holds the stages that did start, already sent SIGTERM as bash's
 * terminate_current_pipeline does: the caller waits for them, so none is left a zombie.
 */
export class LaunchFailed extends Error {
  constructor(readonly job: Job | null, message: string, readonly status: number) {
    super(message);
    this.name = 'LaunchFailed';
  }
}

export function launchJob(shell: Shell, stages: readonly StagePlan[], o: LaunchOptions): Job {
  const jobControl = shell.control.enabled;
  const started: Started = { pgid: 0, processes: [] };
  let failure: LaunchFailed | null = null;
  try {
    // The leader waits at a barrier until the other stages have joined its group (see holdUntil).
    const barrier = jobControl && stages.length > 1 ? makePipe(shell) : null;
    try {
      spawnStages(shell, stages, o, barrier?.[0], started);
    } finally {
      barrier?.forEach((fd) => shell.port.close(fd));
    }
  } catch (e) {
    failure = launchFailure(e);
  }
  if (started.processes.length === 0) throw failure!;
  const job = shell.control.jobs.add({ ...started, foreground: !o.background, jobControl, wd: shell.cwd });
  if (failure === null) return job;
  terminate(shell, job);
  throw new LaunchFailed(job, failure.message, failure.status);
}

interface Started {
  pgid: number;
  readonly processes: JobProcess[];
}

/** A pipe that failed is reported as bash does ("pipe error: …"), apart from a failed spawn. */
class PipeError extends Error {
  constructor(override readonly cause: OsError) {
    super(`pipe error: ${cause.reason}`);
  }
}

function makePipe(shell: Shell): [number, number] {
  try {
    return shell.port.pipe();
  } catch (e) {
    throw e instanceof OsError ? new PipeError(e) : e;
  }
}

/** bash: a pipe that fails is status 1, a fork that fails 126 (EX_NOEXEC). */
function launchFailure(e: unknown): LaunchFailed {
  if (e instanceof PipeError) return new LaunchFailed(null, e.message, 1);
  if (e instanceof OsError) return new LaunchFailed(null, `fork: ${e.reason}`, 126);
  throw e;
}

/** The stages that started go, as in bash: SIGTERM (and SIGCONT, should one be stopped). */
function terminate(shell: Shell, job: Job): void {
  for (const signal of job.jobControl ? [SIG.TERM, SIG.CONT] : [SIG.TERM]) {
    try {
      shell.control.signal(job, signal);
    } catch {
      // Gone already; the wait will say so.
    }
  }
}

/**
 * Spawns each stage with a pipe to the next, recording each one that starts in `started`.
 * Whatever fails, every pipe end this made is closed on the way out.
 */
function spawnStages(shell: Shell, stages: readonly StagePlan[], o: LaunchOptions, barrier: number | undefined, started: Started): void {
  // POSIX 2.9.3.1: without job control a background job ignores SIGINT and SIGQUIT (a ^C
  // meant for the foreground must not reach it), and reads /dev/null unless redirected.
  // Every child ignores what a trap ignores (XCU 2.14 trap).
  const unattached = o.background && !shell.control.enabled;
  let stdin = unattached ? shell.port.open('/dev/null', 'read') : shell.stdio[0];
  // stdin is an fd of ours (to close): /dev/null, or a pipe's read end from the second stage on.
  let ownStdin = unattached;
  try {
    for (let i = 0; i < stages.length; i++) {
      const last = i === stages.length - 1;
      const [readEnd, writeEnd] = last ? [-1, shell.stdio[1]] : makePipe(shell);
      const place: Placement = {
        group: !shell.control.enabled ? { kind: 'inherit' } : i === 0 ? { kind: 'lead' } : { kind: 'join', pgid: started.pgid },
        takeTerminal: shell.control.enabled && !o.background && i === 0 && shell.terminal.fd !== null,
        hold: i === 0 ? barrier : undefined,
        ignore: unattached ? [SIG.INT, SIG.QUIT, ...shell.traps.ignored] : shell.traps.ignored,
      };
      try {
        const pid = spawnStage(shell, stages[i]!, stageFds(shell, stdin, writeEnd), place, o);
        if (i === 0) started.pgid = shell.control.enabled ? pid : shell.terminal.pgid;
        started.processes.push({ pid, command: stages[i]!.text, status: RUNNING });
      } catch (e) {
        if (!last) shell.port.close(readEnd);
        throw e;
      } finally {
        if (ownStdin) shell.port.close(stdin);
        ownStdin = false;
        if (!last) shell.port.close(writeEnd);
      }
      stdin = readEnd;
      ownStdin = !last;
    }
  } finally {
    // Only when a pipe() failed after a stage started: its reader is not needed any more.
    if (ownStdin) shell.port.close(stdin);
  }
}

/** A stage's fds before its redirections: its pipe ends, and the shell's others (`exec 3>f`). */
function stageFds(shell: Shell, stdin: number, stdout: number): number[] {
  const fds = [stdin, stdout, shell.stdio[2]];
  for (let i = 3; i < shell.stdio.length; i++) fds.push(shell.stdio[i]!);
  return fds;
}

interface Placement {
  readonly group: GroupPolicy;
  readonly takeTerminal: boolean;
  readonly hold: number | undefined;
  /** Signals the stage starts with ignored. */
  readonly ignore: readonly number[];
}

function spawnStage(shell: Shell, stage: StagePlan, base: number[], place: Placement, o: LaunchOptions): number {
  if (stage.redirects.length === 0) return spawnOrReport(shell, stage, base, place, o);
  const { fds, error } = withRedirects(shell, base, stage.redirects);
  // A redirection that fails leaves the stage a process that reports it, as a bash child would.
  const plan = error === null ? stage : errorStage(shell, error, 1, stage.text);
  try {
    return spawnOrReport(shell, plan, fds.toArray(), place, o);
  } finally {
    fds.close(shell);
  }
}

/**
 * A command remembered on PATH whose file is gone: forget it and look again, so that a
 * program that moved (or was reinstalled elsewhere) is found. Returns the new path, or null.
 */
function relocated(shell: Shell, name: string, oldPath: string): string | null {
  if (shell.commands.remembered(name) !== oldPath) return null;
  shell.commands.forget(name);
  const found = shell.commands.lookup(shell, name);
  return found.kind === 'found' && found.path !== oldPath ? found.path : null;
}

/** Codes that mean no process could be made (or given its fds): not the program's fault. */
const NO_PROCESS = new Set(['EAGAIN', 'EMFILE', 'ENFILE', 'EBADF']);

/** Spawns; an exec that fails becomes a stage reporting the failure (126/127, as bash). */
function spawnOrReport(shell: Shell, plan: StagePlan, fds: number[], place: Placement, o: LaunchOptions): number {
  const request = (program: Program) => ({
    program, fds, cwd: shell.cwd, group: place.group,
    ...(place.takeTerminal ? { foregroundOn: shell.terminal.fd! } : {}),
    ...(place.hold !== undefined ? { holdUntil: place.hold } : {}),
    ...(place.ignore.length > 0 ? { ignoreSignals: place.ignore } : {}),
  });
  try {
    return shell.port.spawn(request(plan.program));
  } catch (e) {
    if (!(e instanceof OsError) || plan.program.kind !== 'exec' || NO_PROCESS.has(e.code)) throw e;
    const program = plan.program;
    const moved = e.code === 'ENOENT' ? relocated(shell, program.argv[0]!, program.path) : null;
    if (moved) return spawnOrReport(shell, { ...plan, program: { ...program, path: moved } }, fds, place, o);
    if (o.onExecFailure) return shell.port.spawn(request(o.onExecFailure(program.argv)));
    if (e.code === 'ENOEXEC') {
      // A file with no #! line: run it with a POSIX shell, as bash runs it with itself.
      return shell.port.spawn(request({ ...program, path: '/bin/sh', argv: ['sh', program.path, ...program.argv.slice(1)] }));
    }
    const { message, status } = explainExecError(shell, program.path, e.code, e.reason);
    return shell.port.spawn(request(errorStage(shell, `${program.argv[0]}: ${message}`, status, plan.text).program));
  }
}
