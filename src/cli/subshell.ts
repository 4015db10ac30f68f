// A copy of the shell started for a subshell (`a && b &`) reads its source and its parent's
// state from an fd the parent filled (src/os/linux/spawn.ts encodes it): every variable,
// exported or not, travels there and never in argv or the environment, which every user can
// read in /proc, and which the kernel limits to 128 KiB a string. The fd is closed at once,
// so the subshell's own children never see it.

import fs from 'node:fs';

export interface SubshellInput {
  readonly source: string;
  readonly state: string;
}

export function readSubshellInput(fd: number): SubshellInput {
  let text: string;
  try {
    text = fs.readFileSync(fd, 'utf8');
    fs.closeSync(fd);
  } catch (e) {
    throw new Error(`--subshell-fd ${fd}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--subshell-fd ${fd}: not a subshell's input`);
  }
  const p = parsed as Partial<SubshellInput> | null;
  if (typeof p !== 'object' || p === null || typeof p.source !== 'string' || typeof p.state !== 'string') {
    throw new Error(`--subshell-fd ${fd}: not a subshell's input`);
  }
  return { source: p.source, state: p.state };
}
