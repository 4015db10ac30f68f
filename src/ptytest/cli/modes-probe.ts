// What terminal modes does the next program get? Run `cat` in the foreground and read the
// terminal's modes while it waits for input: the shell has set its own modes for it by then.
// (At the prompt a shell's line editor has the terminal raw, so looking there says nothing.)

import type { TerminalModes } from '../termios.js';
import { findOnPath } from './path-search.js';
import { endGroup, escalation } from './program-exit.js';
import { runningJob, skipReceived, waitReady } from './ready.js';
import type { ShellRun } from './target.js';

const PATIENCE_MS = 1500;

/** Run `cat` at the prompt, read the modes, end it (^D, else harder) and wait for the prompt. */
export async function probeModes(run: ShellRun): Promise<TerminalModes> {
  const s = run.session;
  await skipReceived(s);
  // By its full path: a tsh-like shell does not search PATH.
  s.sendLine(findOnPath('cat', run.path) ?? 'cat');
  const group = await s.waitUntil(() => runningJob(s, 'cat'), { timeout: run.timeout, description: 'cat to own the terminal' });
  const pgid = group[0]!.pgid;
  try {
    await s.waitIdle({ timeout: run.timeout });
    return await s.terminalModes();
  } finally {
    await endGroup(s, pgid, escalation([{ label: '^D', act: (t) => t.press('Ctrl+D') }]), PATIENCE_MS);
    await waitReady(s, run.prompt, run.timeout);
  }
}

/** `icanon echo isig` as stty would write them, with a `-` for the ones that are off. */
export function describeModes(modes: TerminalModes, names: readonly string[]): string {
  return names.map((name) => (modes.flags[name] ? name : `-${name}`)).join(' ');
}
