// The command history file (~/.jcsh_history): loaded at start, appended to as commands are
// entered, so history survives a crash and is shared by shells that ran one after another.

import fs from 'node:fs';

export const HISTORY_SIZE = 1000;

export class HistoryFile {
  /** Newest first, as node:readline keeps it. */
  readonly entries: string[] = [];

  constructor(private readonly path: string | null) {
    if (path) this.load(path);
  }

  private load(path: string): void {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch {
      return;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    this.entries.push(...lines.slice(-HISTORY_SIZE).reverse());
    // Appending forever would grow the file without bound; trim it now and then, as bash
    // trims HISTFILE to HISTFILESIZE.
    if (lines.length > 2 * HISTORY_SIZE) this.rewrite(path, lines.slice(-HISTORY_SIZE));
  }

  private rewrite(path: string, lines: string[]): void {
    try {
      fs.writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
    } catch {
      // Keep the long file rather than fail.
    }
  }

  add(command: string): void {
    const line = command.replace(/\n/g, ' ').trim();
    if (line === '' || this.entries[0] === line) return;
    this.entries.unshift(line);
    if (this.entries.length > HISTORY_SIZE) this.entries.length = HISTORY_SIZE;
    if (!this.path) return;
    try {
      fs.appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
    } catch {
      // A read-only home must not break the shell.
    }
  }
}
