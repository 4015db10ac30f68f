// The terminal's modes as `stty -a -F <pts>` reports them: read from outside, without the
// master fd and without native code, so a test can ask what a program left behind.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What `stty -a` says about a terminal. */
export interface TerminalModes {
  /** Every on/off setting stty lists: `icanon: true` for `icanon`, `false` for `-icanon`. */
  readonly flags: Readonly<Record<string, boolean>>;
  /** Special characters and numeric settings, as stty prints them (`intr: '^C'`, `min: '1'`). */
  readonly settings: Readonly<Record<string, string>>;
  readonly rows: number;
  readonly cols: number;
  /** stty's output as it was. */
  readonly text: string;
}

/** Parse the output of `stty -a` (GNU coreutils' layout: `name = value;` pairs, then flags). */
export function parseStty(text: string): TerminalModes {
  const flags: Record<string, boolean> = {};
  const settings: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(/([a-z0-9]+) = ([^;]*);/g)) settings[name!] = value!.trim();
  const rows = /\brows (\d+);/.exec(text)?.[1];
  const cols = /\bcolumns (\d+);/.exec(text)?.[1];
  // Flags are the lines without `=` or `;`: words like `icanon` and `-echo`.
  for (const line of text.split('\n')) {
    if (line.includes(';') || line.includes('=')) continue;
    for (const word of line.trim().split(/\s+/)) {
      const found = /^(-?)([a-z][a-z0-9]*)$/.exec(word);
      if (found) flags[found[2]!] = found[1] === '';
    }
  }
  return { flags, settings, rows: Number(rows ?? 0), cols: Number(cols ?? 0), text };
}

/** Read the modes of the terminal at `ttyPath` (e.g. `/dev/pts/3`). */
export async function readTerminalModes(ttyPath: string): Promise<TerminalModes> {
  const { stdout } = await run('stty', ['-a', '-F', ttyPath], { encoding: 'utf8' });
  return parseStty(stdout);
}

/**
 * True for the modes a shell hands to the next program: canonical input
 * (line editing), echo, and signal keys (^C, ^Z, ^\) on.
 */
export function isCooked(modes: TerminalModes): boolean {
  return modes.flags.icanon === true && modes.flags.echo === true && modes.flags.isig === true;
}
