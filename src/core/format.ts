// Every job message the shell prints, in one place, so that a compatibility mode (tsh) can
// swap the whole set. The default reproduces bash 5.2 (jobs.c print_pipeline,
// pretty_print_job, notify_of_job_status): status column padded to 24.

import { signalText } from '../os/signals.js';
import type { Job, JobProcess, ProcessStatus } from './job.js';
import type { JobTable } from './jobtable.js';

export type ListFormat = 'standard' | 'long' | 'pids';

/** Where the shell is: a job started elsewhere is shown with "(wd: …)", `~` for HOME. */
export interface Place {
  readonly cwd: string;
  readonly home: string | undefined;
}

export interface MessageFormat {
  /** After `cmd &`: "[1] 1234". */
  launched(job: Job): string;
  /** One job as `jobs` lists it (lines end with "\n"). */
  jobLine(job: Job, table: JobTable, format: ListFormat, place: Place): string;
  /** A foreground job stopped: printed at once. */
  stopped(job: Job, table: JobTable, place: Place): string;
  /** A background job changed (Done, Exit n, Terminated, Stopped): before the next prompt. */
  changed(job: Job, table: JobTable, place: Place): string;
  /** A foreground job died of a signal; "" for none (SIGINT gets just the newline). */
  foregroundKilled(job: Job): string;
  /** `fg` names the job it resumes. */
  resumedForeground(job: Job): string;
  /** `bg` names the job it resumes. */
  resumedBackground(job: Job, table: JobTable): string;
}

/** bash ≤ 5.2's LONGEST_SIGNAL_DESC. */
export const STATUS_WIDTH = 24;

/** The status word of a job (printable_job_status). `long` names the stop signal. */
export function statusWord(job: Job, shown: JobProcess, long: boolean): string {
  if (job.state === 'stopped' && !long) return 'Stopped';
  if (job.state === 'running') return 'Running';
  return statusText(shown.status);
}

export function statusText(s: ProcessStatus): string {
  switch (s.kind) {
    case 'running': return 'Running';
    case 'stopped': return signalText(s.signal);
    case 'signaled': return signalText(s.signal);
    case 'exited': return s.code === 0 ? 'Done' : `Exit ${s.code}`;
    case 'continued': return 'Running';
  }
}

function cored(s: ProcessStatus): string {
  return s.kind === 'signaled' && s.coreDumped ? '(core dumped) ' : '';
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

function sameStatus(a: ProcessStatus, b: ProcessStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The tail bash adds to the last stage: " &" for running background jobs, and "(wd: …)". */
function tail(job: Job, place: Place): string {
  let t = job.state === 'running' && !job.foreground ? ' &' : '';
  if (job.wd !== place.cwd) t += `  (wd: ${polite(job.wd, place.home)})`;
  return t;
}

/** bash's polite_directory_format: HOME at the start of a path is shown as `~`. */
export function polite(dir: string, home: string | undefined): string {
  if (!home || home === '/' || (dir !== home && !dir.startsWith(`${home}/`))) return dir;
  return `~${dir.slice(home.length)}`;
}

/** After a notice about a job started elsewhere, bash says where the shell is now. */
function wdNow(job: Job, place: Place): string {
  return job.wd === place.cwd ? '' : `(wd now: ${polite(place.cwd, place.home)})\n`;
}

function standardLine(job: Job, mark: string, place: Place): string {
  const last = job.processes[job.processes.length - 1]!;
  const word = statusWord(job, last, false);
  return `[${job.id}]${mark}  ${pad(word, STATUS_WIDTH)}${cored(last.status)}${job.command}${tail(job, place)}\n`;
}

function longLines(job: Job, mark: string, place: Place): string {
  const first = job.processes[0]!;
  return job.processes.map((p, i) => {
    const pid = String(p.pid).padStart(5);
    const last = i === job.processes.length - 1;
    const end = last ? tail(job, place) : '';
    if (i === 0) {
      const word = statusWord(job, p, true);
      return `[${job.id}]${mark} ${pid} ${pad(word, STATUS_WIDTH)}${cored(p.status)}${p.command}${end}\n`;
    }
    const word = sameStatus(p.status, first.status) ? '' : statusWord(job, p, true);
    const padded = word === '' ? ' '.repeat(STATUS_WIDTH - 2) : pad(word, STATUS_WIDTH) + cored(p.status);
    return `     ${pid} ${padded}| ${p.command}${end}\n`;
  }).join('');
}

export const bashFormat: MessageFormat = {
  launched: (job) => `[${job.id}] ${job.lastPid}\n`,
  jobLine(job, table, format, place) {
    if (format === 'pids') return `${job.pgid}\n`;
    const mark = table.mark(job);
    return format === 'long' ? longLines(job, mark, place) : standardLine(job, mark, place);
  },
  stopped: (job, table, place) => `\n${standardLine(job, table.mark(job), place)}${wdNow(job, place)}`,
  changed(job, table, place) {
    const line = standardLine(job, table.mark(job), place) + wdNow(job, place);
    return job.state === 'stopped' ? `\n${line}` : line;
  },
  foregroundKilled(job) {
    const s = job.lastStatus;
    if (s.kind !== 'signaled' || s.signal === 2 || s.signal === 13) return '';
    return `${signalText(s.signal)}${s.coreDumped ? ' (core dumped)' : ''}\n`;
  },
  resumedForeground: (job) => `${job.command}\n`,
  resumedBackground: (job, table) => `[${job.id}]${table.mark(job)} ${job.command} &\n`,
};
