// Entry point: picks a mode from the command line. Any failure is one line on stderr and a
// status, never a stack trace.

import fs from 'node:fs';
import { parseArgs, USAGE, UsageError } from './cli/args.js';
import { runNonInteractive } from './host/noninteractive.js';

export const VERSION = '0.1.0';

export async function main(argv: readonly string[]): Promise<void> {
  let o;
  try {
    o = parseArgs(argv, process.stdin.isTTY === true);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(`jcsh: ${e.message}\n${USAGE.split('\n')[0]}`, 2);
  }
  switch (o.mode.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return;
    case 'version':
      process.stdout.write(`jcsh ${VERSION}\n`);
      return;
    case 'interactive': {
      // Loaded on demand: scripts never pay for the line editor.
      const { runInteractive } = await import('./host/interactive.js');
      await runInteractive(o);
      return;
    }
    case 'command':
      await runNonInteractive(o, o.mode.source);
      return;
    case 'script':
      await runNonInteractive(o, readScript(o.mode.path), o.mode.path);
      return;
    case 'stdin':
      await runNonInteractive(o, fs.readFileSync(0, 'utf8'));
  }
}

function readScript(file: string): string {
  try {
    // A "#!" first line is a comment to the shell; nothing to strip.
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : code === 'EACCES' ? 'Permission denied' : String(code);
    return fail(`jcsh: ${file}: ${reason}`, code === 'ENOENT' ? 127 : 126);
  }
}

function fail(message: string, status: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}
