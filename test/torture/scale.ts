// How hard the torture pushes. Inside `npm test` every check runs, on a small scale, so that
// the whole suite stays fast on two cores; `npm run torture` sets JCSH_TORTURE=full and runs
// the same checks at the issue's scale (10,000 jobs, 1,000 prompts, a million parser inputs).

import fs from 'node:fs';

export const FULL = process.env.JCSH_TORTURE === 'full';

/** `short` inside npm test, `full` under npm run torture. */
export function scale(short: number, full: number): number {
  return FULL ? full : short;
}

/** A test's timeout: generous in the full run, which does a hundred times more. */
export function budget(shortMs: number, fullMs: number): number {
  return FULL ? fullMs : shortMs;
}

/** Number of open file descriptors of a process, from /proc. */
export function openFds(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/** The open fds of a process with what each points to, for a failure message. */
export function describeFds(pid: number): string[] {
  return fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try {
      return `${fd} -> ${fs.readlinkSync(`/proc/${pid}/fd/${fd}`)}`;
    } catch {
      return `${fd} -> (gone)`;
    }
  });
}

/** Resident set size of a process in KiB (VmRSS in /proc/PID/status). */
export function rssKiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}

/**
 * Node options for a jcsh whose memory is measured. Without a cap V8 grows its heap long before
 * it collects, so resident memory climbs for thousands of commands with nothing leaking. Capped
 * (the shell's live heap is a few MiB), a leak ends the shell with "heap out of memory" and
 * resident memory must stay flat.
 */
export const MEASURED_HEAP = { NODE_OPTIONS: '--max-old-space-size=24 --max-semi-space-size=1' };
