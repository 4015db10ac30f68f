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
export function errorStage(shell: Shell, message: string, status: number, text: string): StagePlan {
  const chunks: OutputChunk[] = [{ fd: 2, data: encoder.encode(`${shell.errorPrefix()}${message}\n`) }];
  return { program: { kind: 'emit', chunks, status }, redirects: [], text };
}

export function launchJob(shell: Shell, stages: readonly StagePlan[], o: LaunchOptions): Job {
  const jobControl = shell.jobControl;
  // The leader waits at a barrier until the other stages have joined its group (see holdUntil).
  const barrier = jobControl && stages.length > 1 ? shell.port.pipe() : null;
  let started: { pgid: number; processes: JobProcess[] };
  try {
    started = spawnStages(shell, stages, o, barrier?.[0]);
  } finally {
    barrier?.forEach((fd) => shell.port.close(fd));
  }
  return shell.jobs.add({ ...started, foreground: !o.background, jobControl, wd: shell.cwd });
}

function spawnStages(shell: Shell, stages: readonly StagePlan[], o: LaunchOptions, barrier: number | undefined) {
  const processes: JobProcess[] = [];
  let pgid = 0;
  // POSIX 2.9.3.1: without job control a background job ignores SIGINT and SIGQUIT (a ^C
  // meant for the foreground must not reach it), and reads /dev/null unless redirected.
  const unattached = o.background && !shell.jobControl;
  let stdin = unattached ? shell.port.open('/dev/null', 'read') : shell.stdio[0];
  for (let i = 0; i < stages.length; i++) {
    const last = i === stages.length - 1;
    const [readEnd, writeEnd] = last ? [-1, shell.stdio[1]] : shell.port.pipe();
    const place: Placement = {
      group: !shell.jobControl ? { kind: 'inherit' } : i === 0 ? { kind: 'lead' } : { kind: 'join', pgid },
      takeTerminal: shell.jobControl && !o.background && i === 0 && shell.tty !== null,
      hold: i === 0 ? barrier : undefined,
      ignore: unattached ? [SIG.INT, SIG.QUIT] : [],
    };
    try {
      const pid = spawnStage(shell, stages[i]!, [stdin, writeEnd, shell.stdio[2]], place, o);
      if (i === 0) pgid = shell.jobControl ? pid : shell.pgid;
      processes.push({ pid, command: stages[i]!.text, status: RUNNING });
    } finally {
      if (i > 0 || unattached) shell.port.close(stdin);
      if (!last) shell.port.close(writeEnd);
    }
    stdin = readEnd;
  }
  return { pgid, processes };
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

/** Spawns; an exec that fails becomes a stage reporting the failure (126/127, as bash). */
function spawnOrReport(shell: Shell, plan: StagePlan, fds: number[], place: Placement, o: LaunchOptions): number {
  const request = (program: Program) => ({
    program, fds, cwd: shell.cwd, group: place.group,
    ...(place.takeTerminal ? { foregroundOn: shell.tty! } : {}),
    ...(place.hold !== undefined ? { holdUntil: place.hold } : {}),
    ...(place.ignore.length > 0 ? { ignoreSignals: place.ignore } : {}),
  });
  try {
    return shell.port.spawn(request(plan.program));
  } catch (e) {
    if (!(e instanceof OsError) || plan.program.kind !== 'exec') throw e;
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
