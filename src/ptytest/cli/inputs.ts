// Turning the command line's options into what the runners need: the files' text, the
// shells, the launch settings. Every problem here is a UsageError or an InputError (exit 2).

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pattern } from '../match.js';
import { InputError, UsageError } from './errors.js';
import type { CommonOptions } from './options.js';
import { checkRunnable, DEFAULT_PROMPT, PS1, shellSpec, type LaunchOptions, type ShellSpec } from './target.js';

const REASONS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
};

/** The text of a script or trace; a file that cannot be read is an InputError. */
export function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError(file, null, `cannot read: ${REASONS[code] ?? code}`);
  }
}

/** Launch settings from the options; `defaultTimeout` differs per command. */
export function launchOptions(options: CommonOptions, defaultTimeout: number): LaunchOptions {
  const cwd = resolve(options.cwd ?? process.cwd());
  let isDir = false;
  try {
    isDir = statSync(cwd).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`--cwd: not a directory: ${cwd}`);
  return {
    cols: options.cols,
    rows: options.rows,
    timeout: options.timeout ?? defaultTimeout,
    prompt: options.prompt ?? DEFAULT_PROMPT,
    env: options.env,
    cwd,
  };
}

/** The shell to test and, with --compare, the second one; both checked before anything runs. */
export function shellsOf(options: CommonOptions, launch: LaunchOptions): ShellSpec[] {
  const specs = [shellSpec(options.shell)];
  if (options.compare !== null) specs.push(shellSpec(options.compare));
  const pathVar = launch.env.PATH ?? process.env.PATH ?? '';
  for (const spec of specs) checkRunnable(spec.argv[0]!, pathVar, launch.cwd);
  return specs;
}

/** Prompts that normalizing replaces: the one waited for, and the PS1 we set. */
export function promptsOf(launch: LaunchOptions): Pattern[] {
  return [launch.prompt, PS1];
}
