// Running jcsh-pty in-process from tests, and the files and shells its tests use.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo, runCli } from '../../src/ptytest/cli/main.js';
import { HELPERS_BIN, pathWithHelpers } from '../helpers/paths.js';

/** bash as the reference shell: no rc files, interactive. */
export const BASH = 'bash --norc --noprofile -i';

/** The helper programs on PATH for the shell under test. */
export const HELPERS_ON_PATH = ['--env', `PATH=${pathWithHelpers()}`];

/**
 * Traces name the helpers as ./spin, like the lab's ./myspin (tsh has no PATH
 * search), so they run in the helpers' directory.
 */
export const IN_HELPERS_DIR = ['--cwd', HELPERS_BIN, ...HELPERS_ON_PATH];

/** bash has no `quit`; the traces use tsh's. An exported function gives bash one. */
export const BASH_QUIT = ['--env', 'BASH_FUNC_quit%%=() { exit; }'];

export interface CliResult {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** Run jcsh-pty with `args` in this process. */
export async function cli(args: readonly string[]): Promise<CliResult> {
  const io = bufferIo();
  const status = await runCli(args, io);
  return { status, out: io.stdout(), err: io.stderr() };
}

/** Write `text` to a new file called `name` in a fresh temporary directory. */
export function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jcsh-pty-test-')), name);
  writeFileSync(path, text);
  return path;
}
