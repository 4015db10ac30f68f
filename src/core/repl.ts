// The interactive loop: report job changes, make sure the shell owns the terminal, prompt,
// read a complete command (PS2 while it is unfinished), run it. Reading lines is the host's
// business (a line editor on a real tty, a simulated terminal elsewhere).

import { SyntaxError as ShellSyntaxError, type List } from '../lang/ast.js';
import { ExitRequest, failureLine, Interrupted, LineAbandoned } from './errors.js';
import { ensureForeground } from './foreground.js';
import { DEFAULT_PS2, expandPrompt } from './prompt.js';
import { hasChildren, reapAll } from './reap.js';
import type { Shell } from './shell.js';

export type ReadResult =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'eof' }
  | { readonly kind: 'interrupt' };

export interface LineReader {
  read(prompt: string): Promise<ReadResult>;
  /** Records a complete command in the history. */
  remember(command: string): void;
}

/** Runs the interactive loop until the shell is asked to leave; returns the exit status. */
export async function interactiveLoop(shell: Shell, reader: LineReader): Promise<number> {
  const stopReaper = startReaper(shell);
  try {
    for (;;) {
      const status = await oneCommand(shell, reader);
      if (status !== null) return status;
    }
  } finally {
    stopReaper();
  }
}

/** Reads and runs one command; returns an exit status when the shell should leave. */
async function oneCommand(shell: Shell, reader: LineReader): Promise<number | null> {
  reapAll(shell);
  shell.dialect.notify(shell);
  ensureForeground(shell);
  await shell.out.drain();
  const input = await readCommand(shell, reader);
  if (input.kind === 'eof') return shell.dialect.endOfInput(shell);
  if (input.kind === 'none') return null;
  reader.remember(input.source);
  try {
    shell.interrupted = false;
    await shell.dialect.run(shell, input.list);
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof Interrupted || e instanceof LineAbandoned) shell.lastStatus = e.status;
    else await internalError(shell, e);
  }
  return null;
}

type Command =
  | { readonly kind: 'command'; readonly source: string; readonly list: List }
  | { readonly kind: 'none' }
  | { readonly kind: 'eof' };

async function readCommand(shell: Shell, reader: LineReader): Promise<Command> {
  let source = '';
  for (;;) {
    const ps = source === '' ? shell.vars.get('PS1') ?? shell.dialect.prompt : shell.vars.get('PS2') ?? DEFAULT_PS2;
    const r = await reader.read(expandPrompt(ps, shell));
    if (r.kind === 'interrupt') {
      shell.lastStatus = 130;
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

function tryParse(shell: Shell, source: string): List | ShellSyntaxError | 'incomplete' {
  try {
    return shell.dialect.parse(source);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return e.incomplete ? 'incomplete' : e;
  }
}

/** Reaps children as soon as they change, so no zombie waits for the next prompt (J02). */
function startReaper(shell: Shell): () => void {
  let running = true;
  void (async () => {
    while (running) {
      await shell.port.childEvent();
      if (running && hasChildren(shell)) reapAll(shell);
    }
  })();
  return () => {
    running = false;
  };
}

export async function internalError(shell: Shell, e: unknown): Promise<void> {
  await shell.diag(failureLine(e));
}
