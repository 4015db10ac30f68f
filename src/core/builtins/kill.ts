// `kill [-s sigspec | -n signum | -sigspec] pid | jobspec ...` and `kill -l|-L [sigspec ...]`
// (builtins/kill.def, jobs.c kill_pid). A job spec signals the job's process group; a stopped
// job that gets TERM or HUP is also continued so that the signal takes effect, and one that gets
// CONT is treated as if `bg` had resumed it (without a message). The status is 0 when at least
// one operand was signalled.

import { OsError } from '../../os/port.js';
import { SIG } from '../../os/signals.js';
import type { Job } from '../job.js';
import { jobArg } from './lib/jobargs.js';
import { legalNumber, legalPid } from './lib/numbers.js';
import { bashSignalName, decodeSignal, NSIG, signalTable } from './lib/signames.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

interface Request {
  listing: boolean;
  signal: number | undefined;
  spec: string;
  operands: string[];
}

export const killBuiltin: Builtin = (ctx) => {
  if (ctx.argv.length === 1) {
    ctx.usage(USAGE);
    return 2;
  }
  const request = readOptions(ctx);
  if (typeof request === 'number') return request;
  if (request.listing) return listSignals(ctx, request.operands);
  if (request.signal === undefined) {
    ctx.error(`${request.spec}: invalid signal specification`);
    return 1;
  }
  if (request.operands.length === 0) {
    ctx.usage(USAGE);
    return 2;
  }
  let succeeded = false;
  for (const word of request.operands) {
    if (signalOperand(ctx, word, request.signal, request.spec)) succeeded = true;
  }
  return succeeded ? 0 : 1;
};

/** kill's own option loop: only the first "-sigspec" is a signal, later "-N" are groups. */
function readOptions(ctx: BuiltinContext): Request | number {
  const words = ctx.argv.slice(1);
  const r: Request = { listing: false, signal: SIG.TERM, spec: 'TERM', operands: [] };
  let sawSignal = false;
  let i = 0;
  const use = (spec: string): void => {
    r.spec = spec;
    r.signal = decodeSignal(spec);
    sawSignal = true;
  };
  for (; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-l' || word === '-L') {
      r.listing = true;
    } else if (word === '-s' || word === '-n') {
      if (i + 1 >= words.length) {
        ctx.error(`${word}: option requires an argument`);
        return 1;
      }
      use(words[++i]!);
    } else if (/^-s[A-Za-z]/.test(word) || /^-n\d/.test(word)) {
      use(word.slice(2));
    } else if (word === '--') {
      i++;
      break;
    } else if (word === '-?') {
      ctx.usage(USAGE);
      return 2;
    } else if (word.startsWith('-') && !sawSignal) {
      use(word.slice(1));
    } else {
      break;
    }
  }
  r.operands = words.slice(i);
  return r;
}

/** Signals one pid or job; reports failures as bash does and returns true on success. */
function signalOperand(ctx: BuiltinContext, word: string, signal: number, spec: string): boolean {
  const shell = ctx.shell;
  const pid = (word.startsWith('-') ? word.length > 1 : word.length > 0) ? legalPid(word) : null;
  if (pid !== null) {
    // `kill -- -PGID` of one of our jobs is handled like its job spec.
    const job = pid < -1 ? shell.control.jobs.findByPid(-pid) : undefined;
    return attempt(ctx, spec, pid, () => (job?.jobControl ? signalJobAs(ctx, job, signal) : shell.port.kill(pid, signal)));
  }
  if (word === '') {
    ctx.error("`': not a pid or valid job spec");
    return false;
  }
  if (!word.startsWith('%')) {
    ctx.error(`${word}: arguments must be process or job IDs`);
    return false;
  }
  const r = jobArg(shell, word);
  if (r.kind === 'error') {
    ctx.error(r.message);
    return false;
  }
  const job = r.job;
  return attempt(ctx, spec, job.jobControl ? job.pgid : job.processes[0]!.pid, () => signalJobAs(ctx, job, signal));
}

function attempt(ctx: BuiltinContext, spec: string, target: number, send: () => void): boolean {
  try {
    send();
    return true;
  } catch (e) {
    if (!(e instanceof OsError)) throw e;
    if (e.code === 'EINVAL') ctx.error(`${spec}: invalid signal specification`);
    else ctx.error(`(${target}) - ${e.reason}`);
    return false;
  }
}

/** bash's kill_pid for a job: the group, then CONT where a stopped job needs it. */
function signalJobAs(ctx: BuiltinContext, job: Job, signal: number): void {
  // bash clears the job's notified flag, so a stopped job is listed again at the next prompt.
  job.notified = false;
  const stopped = job.state === 'stopped';
  ctx.shell.control.signal(job, signal);
  if (!stopped || !job.jobControl) return;
  if (signal === SIG.TERM || signal === SIG.HUP) {
    ctx.shell.control.signal(job, SIG.CONT);
  } else if (signal === SIG.CONT) {
    job.markContinued();
    job.foreground = false;
    job.notified = true;
  }
}

/** `kill -l`: the whole table, or each operand converted (numbers > 128 are exit statuses). */
function listSignals(ctx: BuiltinContext, operands: readonly string[]): number {
  if (operands.length === 0) {
    ctx.io.out(signalTable());
    return 0;
  }
  let status = 0;
  for (const word of operands) {
    const n = legalNumber(word);
    if (n === null) {
      const sig = decodeSignal(word);
      if (sig === undefined) {
        ctx.error(`${word}: invalid signal specification`);
        status = 1;
      } else {
        ctx.io.out(`${sig}\n`);
      }
      continue;
    }
    const sig = n > 128n ? n - 128n : n;
    if (sig < 0n || sig >= BigInt(NSIG)) {
      ctx.error(`${word}: invalid signal specification`);
      status = 1;
      continue;
    }
    const name = bashSignalName(Number(sig));
    if (name !== undefined) ctx.io.out(`${sig === 0n ? name : name.slice(3)}\n`);
  }
  return status;
}
