// The shell under test: which command, started how (fixed prompt, no history, a private
// HOME), and cleaned up after.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pattern } from '../match.js';
import { spawnPty, type PtySession } from '../session.js';
import { SimView } from '../simview.js';
import { UsageError } from './errors.js';
import { findOnPath, isExecutableFile } from './path-search.js';
import { splitWords } from './shellwords.js';

/** The prompt every shell under test gets through PS1: fixed, short and unusual. */
export const PS1 = 'pty$ ';

/** What counts as the prompt unless --prompt says otherwise: ours, or the shell lab's fixed one. */
export const DEFAULT_PROMPT: Pattern = /pty\$ |tsh> /;

/** A shell command line, split, with the text to show in reports. */
export interface ShellSpec {
  readonly argv: readonly string[];
  readonly label: string;
}

/** This package's directory: the same three levels up from src/ptytest/cli and dist/ptytest/cli. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/** This package's jcsh, run by the node that runs us, in plain mode without rc files. */
function jcshArgv(): string[] {
  return [process.execPath, join(packageRoot(), 'bin', 'jcsh.js'), '--plain', '--norc'];
}

/**
 * `--shell` as given, or this package's jcsh when it is null. A first word of
 * `jcsh` also means this package's jcsh, so `--shell 'jcsh --compat=tsh'` works
 * without installing it.
 */
export function shellSpec(text: string | null): ShellSpec {
  if (text === null) return { argv: jcshArgv(), label: 'jcsh --plain --norc' };
  let words: string[];
  try {
    words = splitWords(text);
  } catch (error) {
    throw new UsageError(`--shell: ${(error as Error).message}`);
  }
  if (words.length === 0) throw new UsageError('--shell: empty command');
  if (words[0] === 'jcsh') return { argv: [...jcshArgv(), ...words.slice(1)], label: text };
  return { argv: words, label: text };
}

/** Refuse a command that cannot start: node-pty would only say so in the pty, as output. */
export function checkRunnable(command: string, pathVar: string, cwd: string): void {
  const found = command.includes('/')
    ? isExecutableFile(isAbsolute(command) ? command : resolve(cwd, command))
    : findOnPath(command, pathVar) !== null;
  if (!found) throw new UsageError(`cannot run ${JSON.stringify(command)}: no such executable file`);
}

/** How to start the shell. */
export interface LaunchOptions {
  readonly cols: number;
  readonly rows: number;
  readonly timeout: number;
  readonly prompt: Pattern;
  /** Added to the environment after ours (PS1, HOME, HISTFILE), so it can override them. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
}

/** A started shell; {@link close} ends it and removes its private HOME. */
export interface ShellRun {
  readonly session: PtySession;
  readonly spec: ShellSpec;
  readonly prompt: Pattern;
  readonly timeout: number;
  /** The shell's PATH. */
  readonly path: string;
  close(): Promise<void>;
}

/** This package's jcsh on its simulated kernel: its processes are read from its event stream, not /proc. */
export function isSimulated(spec: ShellSpec): boolean {
  return spec.argv[1] === jcshArgv()[1] && spec.argv.includes('--sim');
}

/** `--events FILE` right after `--sim`, so that the stream is written where the view reads it. */
function withEvents(spec: ShellSpec, file: string): ShellSpec {
  const at = spec.argv.indexOf('--sim') + 1;
  return { ...spec, argv: [...spec.argv.slice(0, at), '--events', file, ...spec.argv.slice(at)] };
}

/** Start `spec` in a fresh pty. */
export function launchShell(spec: ShellSpec, options: LaunchOptions): ShellRun {
  const home = mkdtempSync(join(tmpdir(), 'jcsh-pty-home-'));
  const events = isSimulated(spec) ? join(home, 'sim-events.jsonl') : null;
  const argv = events === null ? spec.argv : withEvents(spec, events).argv;
  // A shell in tsh mode keeps its own "tsh> ", so transcripts look like the lab's.
  const ps1: Record<string, string> = spec.argv.includes('--compat=tsh') ? {} : { PS1 };
  const env: Record<string, string> = { ...ps1, HOME: home, HISTFILE: '/dev/null', ...options.env };
  const path = env.PATH ?? process.env.PATH ?? '';
  checkRunnable(argv[0]!, path, options.cwd);
  const session = spawnPty(argv[0]!, argv.slice(1), {
    cols: options.cols,
    rows: options.rows,
    env,
    cwd: options.cwd,
    prompt: options.prompt,
    timeout: options.timeout,
    ...(events === null ? {} : { processes: (pid: number) => new SimView(events, pid) }),
  });
  const close = async (): Promise<void> => {
    await session.close();
    rmSync(home, { recursive: true, force: true });
  };
  return { session, spec, prompt: options.prompt, timeout: options.timeout, path, close };
}
