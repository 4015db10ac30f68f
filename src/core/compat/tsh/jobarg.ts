// Which job `fg` and `bg` mean (tsh.c do_bgfg): a word starting with a digit is a PID, `%n` is
// a job id, anything else is an error; the number is read as atoi reads it. The error texts are
// tsh's, printed on stdout without any prefix.

import type { BuiltinContext } from '../../builtins/types.js';
import type { Job } from '../../job.js';
import type { Shell } from '../../shell.js';

export type TshJobArg =
  | { readonly kind: 'job'; readonly job: Job }
  | { readonly kind: 'error'; readonly message: string };

export function tshJobArg(shell: Shell, name: string, word: string | undefined): TshJobArg {
  if (word === undefined) return error(`${name} command requires PID or %jobid argument`);
  if (/^[0-9]/.test(word)) {
    const pid = atoi(word);
    return found(shell.control.jobs.findByPid(pid), `(${pid}): No such process`);
  }
  if (word.startsWith('%')) return found(shell.control.jobs.get(atoi(word.slice(1))), `${word}: No such job`);
  return error(`${name}: argument must be a PID or %jobid`);
}

/**
 * The job `fg`/`bg` name in their argument, after reaping what changed; prints tsh's error and
 * returns null when there is none.
 */
export function jobOfArgument(ctx: BuiltinContext): Job | null {
  ctx.shell.control.update();
  const r = tshJobArg(ctx.shell, ctx.argv[0]!, ctx.argv[1]);
  if (r.kind === 'job') return r.job;
  ctx.io.out(`${r.message}\n`);
  return null;
}

/** C's atoi: leading blanks, an optional sign, the digits that follow; 0 if there are none. */
export function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

function found(job: Job | undefined, message: string): TshJobArg {
  return job && job.state !== 'dead' ? { kind: 'job', job } : error(message);
}

function error(message: string): TshJobArg {
  return { kind: 'error', message };
}
