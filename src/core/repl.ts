// The interactive loop: report job changes, make sure the shell owns the terminal, prompt,
// read a complete command (PS2 while it is unfinished), run it; leaving runs the EXIT trap.
// Reading lines is the host's business (a line editor on a real tty, a simulated terminal
// elsewhere).

import { SyntaxError as ShellSyntaxError, type List } from '../lang/ast.js';
import { OsError } from '../os/port.js';
import { ExitRequest, failureLine, Interrupted, LineAbandoned } from './errors.js';
import { DEFAULT_PS2, expandPrompt } from './prompt.js';
import type { Shell } from './shell.js';
import { SIG } from '../os/signals.js';
import { runExitTrap, runPendingTraps, runTrap } from './trap-run.js';

export type ReadResult =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'eof' }
  | { readonly kind: 'interrupt' }
  /** Nothing was read: the terminal was taken away (EIO); the loop takes it back and asks again. */
  | { readonly kind: 'lost' };

export interface LineReader {
  read(prompt: string): Promise<ReadResult>;
  /** Records a complete command in the history. */
  remember(command: string): void;
  /** Ends the read in progress as end of input (where the reader can be stopped). */
  cancel?(): void;
}

/**
 * Caught signals that end the prompt as end of input would (readline's rl_getc gives EOF for
 * SIGHUP and SIGTERM when bash traps them): bash says "exit", runs the trap, then leaves.
 */
const ENDS_INPUT: readonly number[] = [SIG.HUP, SIG.TERM];

/** Failures in a row after which the loop waits a little before it prompts again. */
const BACKOFF_AFTER = 2;
const MAX_BACKOFF_MS = 2000;

/**
 * Runs the interactive loop until the shell is asked to leave; returns the exit status. No
 * failure inside it ends the shell: it is reported in one line and the loop prompts again.
 */
export async function interactiveLoop(shell: Shell, reader: LineReader): Promise<number> {
  // Reaps children as soon as they change, so no zombie waits for the next prompt (J02).
  const stopReaper = shell.control.watch();
  let failures = 0;
  try {
    for (;;) {
      try {
        const status = await oneCommand(shell, reader);
        if (typeof status === 'number') return await runExitTrap(shell, status);
        // A terminal that keeps being taken away must not make the loop spin either.
        failures = status === 'lost' ? failures + 1 : 0;
      } catch (e) {
        // `exit` in a trap action run at the prompt (a signal caught there, ^C's trap)
        if (e instanceof ExitRequest) return await runExitTrap(shell, e.status);
        await reportFailure(shell, e);
        failures++;
      }
      // A failure that persists (no fd left to read the terminal with) must not spin.
      if (failures >= BACKOFF_AFTER) await pause(Math.min(MAX_BACKOFF_MS, 50 * 2 ** failures));
    }
  } finally {
    stopReaper();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads and runs one command; returns an exit status when the shell should leave, 'lost' when
 * the terminal was taken away before a line was read.
 */
async function oneCommand(shell: Shell, reader: LineReader): Promise<number | 'lost' | null> {
  shell.control.update();
  shell.control.notify();
  if (shell.control.enabled) shell.terminal.ensureForeground();
  await shell.out.drain();
  const input = await readCommand(shell, reader);
  // bash says "exit" before it runs the trap of a signal that ended the prompt.
  const leaving = input.kind === 'eof' ? await shell.dialect.endOfInput(shell) : null;
  // Signals caught while the prompt waited: their traps run before the line does.
  if (shell.traps.catching) await runPendingTraps(shell);
  if (input.kind === 'eof') return leaving;
  if (input.kind === 'none') return null;
  if (input.kind === 'lost') return 'lost';
  reader.remember(input.source);
  // set -v: the lines read, on stderr, before they run (bash echoes each line it reads)
  if (shell.options.isOn('verbose')) await shell.out.write(shell.stdio[2], `${input.source}\n`);
  try {
    shell.control.interrupted = false;
    await shell.dialect.run(shell, input.list);
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof Interrupted || e instanceof LineAbandoned) shell.lastStatus = e.status;
    else await reportFailure(shell, e);
  } finally {
    // What builtins wrote is still queued: `exit` must not end the shell before its "exit".
    await shell.out.drain();
  }
  return null;
}

type Command =
  | { readonly kind: 'command'; readonly source: string; readonly list: List }
  | { readonly kind: 'none' }
  | { readonly kind: 'lost' }
  | { readonly kind: 'eof' };

async function readCommand(shell: Shell, reader: LineReader): Promise<Command> {
  let source = '';
  for (;;) {
    const ps = source === '' ? shell.vars.get('PS1') ?? shell.dialect.prompt : shell.vars.get('PS2') ?? DEFAULT_PS2;
    const r = await readLine(shell, reader, expandPrompt(ps, shell));
    if (r.kind === 'lost') return { kind: 'lost' };
    if (r.kind === 'interrupt') {
      shell.lastStatus = 130;
      // ^C at the prompt is a key for the line editor, but bash runs the SIGINT trap for it.
      await runTrap(shell, SIG.INT);
      return { kind: 'none' };
    }
    if (r.kind === 'eof') {
      if (source === '') return { kind: 'eof' };
      await shell.diag('syntax error: unexpected end of file');
      shell.lastStatus = 2;
      return { kind: 'none' };
    }
    source = source === '' ? r.text : `${source}\n${r.text}`;
    const parsed = tryParse(shell, source);
    if (parsed === 'incomplete') continue;
    if (parsed instanceof ShellSyntaxError) {
      await shell.diag(parsed.message);
      reader.remember(source);
      shell.lastStatus = 2;
      return { kind: 'none' };
    }
    return parsed.items.length === 0 ? { kind: 'none' } : { kind: 'command', source, list: parsed };
  }
}

/** One line; a trapped SIGHUP or SIGTERM that comes meanwhile ends it as end of input. */
async function readLine(shell: Shell, reader: LineReader, prompt: string) {
  if (!reader.cancel || !shell.traps.catching) return reader.read(prompt);
  const stop = shell.traps.onArrival(() => {
    if (shell.traps.peekCaught(ENDS_INPUT) !== undefined) reader.cancel!();
  });
  try {
    return await reader.read(prompt);
  } finally {
    stop();
  }
}

function tryParse(shell: Shell, source: string): List | ShellSyntaxError | 'incomplete' {
  try {
    // More lines may follow: an unfinished here-document asks for them (PS2).
    return shell.dialect.parse(source, { alias: (name) => shell.aliases.get(name), partial: true });
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return e.incomplete ? 'incomplete' : e;
  }
}

/**
 * One line for a failure that escaped a command. A system call that failed (EMFILE, ENOSPC,
 * ...) is the user's world, not a bug: it is said as such, with status 1. Anything else is a
 * bug of the shell and says so.
 */
export async function reportFailure(shell: Shell, e: unknown): Promise<void> {
  if (e instanceof OsError) shell.lastStatus = 1;
  await shell.diag(failureLine(e));
}
