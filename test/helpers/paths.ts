// Where the C helper programs are, for tests that run them in a pty.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of the built helpers (test/helpers/bin); global setup builds it. */
export const HELPERS_BIN = join(dirname(fileURLToPath(import.meta.url)), 'bin');

/** Absolute path of one helper program. */
export function helper(name: string): string {
  return join(HELPERS_BIN, name);
}

/** PATH with the helpers first, so a shell finds `spin`, `checkfg`, ... by name. */
export function pathWithHelpers(): string {
  return `${HELPERS_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`;
}
