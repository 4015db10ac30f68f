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

const PS = '/bin/ps T -o stat=,comm=';

/**
 * The states of the live `comm` processes each time the trace ran `ps`. Zombies
 * are left out: in some sandboxes init is slow to reap reparented orphans.
 */
export function psStates(transcript: string, comm: string): string[][] {
  return outputsOf(transcript, PS).map((block) =>
    block
      .map((l) => l.trim().split(/\s+/))
      .filter(([stat, name]) => name === comm && !stat!.startsWith('Z'))
      .map(([stat]) => stat!.charAt(0)),
  );
}
