// `wait [-fn] [-p var] [id ...]` (builtins/wait.def, jobs.c wait_for_single_pid,
// wait_for_job, wait_for_background_pids, wait_for_any_job), as bash 5.2 does it:
// - bare `wait` waits for every running background job, warns about stopped ones instead of
//   hanging on them, returns 0 and then forgets all finished jobs and pids;
// - `wait id ...` returns the status of the last operand: 128+signal for a job that stops,
//   127 for an unknown pid or job, 1 for a word that is neither;
// - `wait -n` returns the status of the next job to finish, 127 when none can.
// A job waited for is reported (interactive shells print its Done line) and leaves the table;
// its last pid stays known, so `wait $!` can be asked again. ^C ends any of these waits, and
// so does a signal a trap catches (status 128+signal; the trap runs when wait has returned).

import { shellStatus } from '../../os/status.js';
import type { Job } from '../job.js';
import { notifyJobs } from '../notify.js';
import type { Shell } from '../shell.js';
import { isValidName } from '../vars.js';
import { TrapInterrupt, waitUntil } from './lib/childwait.js';
import { jobArg } from './lib/jobargs.js';
import { legalPid } from './lib/numbers.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'wait [-fn] [-p var] [id ...]';

interface Outcome {
  readonly status: number;
  /** The pid the status belongs to, for -p. */
  readonly pid?: number;
}

interface WaitFlags {
  /** -f: with job control, keep waiting through stops until the job is dead. */
  readonly force: boolean;
}

export const waitBuiltin: Builtin = async (ctx) => {
  const parsed = parseOptions(ctx, 'fnp:', USAGE);
  if (!parsed) return 2;
  const shell = ctx.shell;
  const next = parsed.options.some((o) => o.name === 'n');
  const flags: WaitFlags = { force: parsed.options.some((o) => o.name === 'f') && shell.control.enabled };
  const variable = parsed.options.filter((o) => o.name === 'p').at(-1)?.arg;
  if (variable !== undefined) {
    if (!isValidName(variable)) {
      ctx.error(`\`${variable}': not a valid identifier`);
      return 1;
    }
    shell.vars.unset(variable);
  }
  // bash's job states are current when a builtin starts (its SIGCHLD handler reaps at once).
  shell.control.update();
  let outcome: Outcome;
  try {
    if (next) outcome = await waitForNext(ctx, parsed.operands);
    else if (parsed.operands.length === 0) outcome = await waitForAll(ctx);
    else outcome = await waitForEach(ctx, parsed.operands, flags);
  } catch (e) {
    if (!(e instanceof TrapInterrupt)) throw e;
    return 128 + e.signal;
  }
  if (variable !== undefined && outcome.pid !== undefined) shell.vars.set(variable, String(outcome.pid));
  return outcome.status;
};

/** A copy of the shell running in a pipeline or in the background has no children of its own. */
function jobsOf(shell: Shell): Job[] {
  return shell.inSubshell ? [] : shell.control.jobs.all();
}

function stillRunning(job: Job, flags: WaitFlags): boolean {
  return flags.force ? job.state !== 'dead' : job.state === 'running';
}

/** The status of a job that is no longer running (wait_for's termination_state). */
function jobStatus(shell: Shell, job: Job): number {
  if (job.state === 'stopped') return 128 + job.stopSignal();
  const last = job.pipelineStatus(shell.options.isOn('pipefail'));
  return last.kind === 'running' ? 0 : shellStatus(last);
}

/** After a job was waited for: report what changed, then forget the job if it is over. */
function settle(shell: Shell, job: Job): void {
  notifyJobs(shell);
  if (job.state !== 'dead') return;
  job.notified = true;
  shell.control.jobs.remove(job);
}

async function waitForJob(shell: Shell, job: Job, flags: WaitFlags): Promise<number> {
  await waitUntil(shell, () => !stillRunning(job, flags));
  const status = jobStatus(shell, job);
  settle(shell, job);
  return status;
}

async function waitForEach(ctx: BuiltinContext, operands: readonly string[], flags: WaitFlags): Promise<Outcome> {
  let outcome: Outcome = { status: 0 };
  for (const word of operands) {
    if (/^\d/.test(word)) {
      const pid = legalPid(word);
      if (pid === null) {
        // bash gives up on the remaining operands here.
        ctx.error(`\`${word}': not a pid or valid job spec`);
        return { status: 1 };
      }
      outcome = await waitForPid(ctx, pid, flags);
    } else if (word.startsWith('%')) {
      outcome = await waitForSpec(ctx, word, flags);
    } else {
      ctx.error(`\`${word}': not a pid or valid job spec`);
      outcome = { status: 1 };
    }
  }
  return outcome;
}

async function waitForPid(ctx: BuiltinContext, pid: number, flags: WaitFlags): Promise<Outcome> {
  const shell = ctx.shell;
  const job = jobsOf(shell).find((j) => j.hasProcess(pid));
  if (job) return { status: await waitForJob(shell, job, flags), pid };
  const finished = shell.inSubshell ? undefined : shell.control.finishedPids.get(pid);
  if (finished) return { status: shellStatus(finished), pid };
  ctx.error(`pid ${pid} is not a child of this shell`);
  return { status: 127 };
}

async function waitForSpec(ctx: BuiltinContext, word: string, flags: WaitFlags): Promise<Outcome> {
  const shell = ctx.shell;
  const r = shell.inSubshell ? { kind: 'error' as const, message: `${word}: no such job` } : jobArg(shell, word);
  if (r.kind === 'error') {
    ctx.error(r.message);
    return { status: 127 };
  }
  const job = r.job;
  // An internal warning in bash, so it names no builtin.
  if (job.state === 'stopped') ctx.io.err(`${shell.errorPrefix()}warning: wait_for_job: job ${job.id} is stopped\n`);
  return { status: await waitForJob(shell, job, flags), pid: job.lastPid };
}

/** Bare `wait`: every running background job, in job order, re-scanning after each one. */
async function waitForAll(ctx: BuiltinContext): Promise<Outcome> {
  const shell = ctx.shell;
  for (;;) {
    let target: Job | undefined;
    for (const job of jobsOf(shell)) {
      if (job.state === 'stopped') ctx.error(`warning: job ${job.id}[${job.lastPid}] stopped`);
      if (job.state === 'running' && !job.foreground) {
        target = job;
        break;
      }
    }
    if (!target) break;
    const job = target;
    await waitUntil(shell, () => job.state !== 'running');
    settle(shell, job);
  }
  // Jobs that ended before wait looked are reported too: in bash the SIGCHLD usually comes
  // while it waits. Then POSIX lets a bare wait discard every finished job and pid.
  if (!shell.inSubshell) notifyJobs(shell);
  for (const job of jobsOf(shell)) {
    if (job.state === 'dead') {
      job.notified = true;
      shell.control.jobs.remove(job);
    }
  }
  if (!shell.inSubshell) shell.control.finishedPids.clear();
  return { status: 0 };
}

/** `wait -n [id ...]`: the first of the (given) background jobs to finish. */
async function waitForNext(ctx: BuiltinContext, operands: readonly string[]): Promise<Outcome> {
  const shell = ctx.shell;
  let wanted: Set<Job> | undefined;
  if (operands.length > 0) {
    wanted = new Set();
    for (const word of operands) {
      const job = waitListJob(shell, word);
      if (job) wanted.add(job);
      else ctx.error(`${word}: no such job`);
    }
    if (wanted.size === 0) return { status: 127 };
  }
  const candidates = (): Job[] => jobsOf(shell).filter((j) => !wanted || wanted.has(j));
  const finished = (): Job | undefined => candidates().find((j) => j.state === 'dead' && !j.notified && !j.foreground);
  const running = (): boolean => candidates().some((j) => j.state === 'running' && !j.foreground);
  await waitUntil(shell, () => finished() !== undefined || !running());
  const job = finished();
  if (!job) return { status: 127 };
  const status = jobStatus(shell, job);
  settle(shell, job);
  return { status, pid: job.lastPid };
}

/** An operand of `wait -n`: a pid of one of the jobs, or a job spec. */
function waitListJob(shell: Shell, word: string): Job | undefined {
  if (shell.inSubshell) return undefined;
  const pid = legalPid(word);
  if (pid !== null) return shell.control.jobs.findByPid(pid);
  const r = jobArg(shell, word);
  return r.kind === 'job' ? r.job : undefined;
}
