// Running the shell-lab traces of test/traces through jcsh-pty, and reading their transcripts.

import { join } from 'node:path';
import { cli, IN_HELPERS_DIR, type CliResult } from './cli-support.js';

export const TRACES = join(import.meta.dirname, '..', 'traces');

/** `jcsh-pty trace test/traces/traceNN.txt --shell SHELL`, in the helpers' directory. */
export function runTrace(number: string, shell: string, extra: readonly string[] = []): Promise<CliResult> {
  return cli(['trace', join(TRACES, `trace${number}.txt`), '--shell', shell, ...IN_HELPERS_DIR, ...extra]);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A whole line of the transcript, `<pid>` standing for any number. */
export function line(text: string): RegExp {
  return new RegExp(`^${escape(text).replace(/<pid>/g, '\\d+')}$`, 'm');
}

/** bash's job line `[n]±  Status   command`, whatever the width of the status column. */
export function bashJob(job: number, mark: '+' | '-' | ' ', status: string, command: string): RegExp {
  return new RegExp(`^\\[${job}\\]${escape(mark)} +${escape(status)} +${escape(command)}$`, 'm');
}

/** The output of each run of `command` in the transcript: the lines up to the next prompt. */
export function outputsOf(transcript: string, command: string): string[][] {
  const lines = transcript.split('\n');
  const blocks: string[][] = [];
  lines.forEach((text, index) => {
    if (!/^(pty\$|tsh>) /.test(text) || text.replace(/^(pty\$|tsh>) /, '') !== command) return;
    const rest = lines.slice(index + 1);
    const end = rest.findIndex((l) => /^(pty\$|tsh>)( |$)/.test(l));
    blocks.push(end < 0 ? rest : rest.slice(0, end));
  });
  return blocks;
}

/** What traces 11–13 run to see the processes of their terminal (procps `ps`). */
export const PS_PROGRAM = '/bin/ps';
const PS = `${PS_PROGRAM} T -o stat=,pid=,ppid=,comm=`;

interface PsRow {
  readonly stat: string;
  readonly pid: number;
  readonly ppid: number;
  readonly comm: string;
}

/**
 * The states of the `comm` processes each time the trace ran `ps`, zombies included: a zombie
 * whose parent is a process of this terminal (the shell, or a job's own process) has not been
 * reaped, and shows as `Z`. Left out are only zombies whose parent is outside the terminal:
 * orphans handed to init (split's child when a signal ends its parent first), which no shell
 * can reap; init reaps them in its own time, slowly in some sandboxes.
 */
export function psStates(transcript: string, comm: string): string[][] {
  return outputsOf(transcript, PS).map((block) => {
    const rows = block.map(psRow).filter((r): r is PsRow => r !== null);
    // ps lists itself: a listing without it means ps did not run, and would prove nothing
    if (!rows.some((r) => r.comm === 'ps')) throw new Error(`no ps listing in:\n${block.join('\n')}`);
    const inTerminal = new Set(rows.map((r) => r.pid));
    return rows
      .filter((r) => r.comm === comm && !(r.stat.startsWith('Z') && !inTerminal.has(r.ppid)))
      .map((r) => r.stat.charAt(0));
  });
}

function psRow(text: string): PsRow | null {
  const m = /^\s*(\S+)\s+(\d+)\s+(\d+)\s+(.*?)\s*$/.exec(text);
  return m ? { stat: m[1]!, pid: Number(m[2]), ppid: Number(m[3]), comm: m[4]! } : null;
}
