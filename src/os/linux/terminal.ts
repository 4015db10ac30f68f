// The controlling terminal, opened anew for the shell's jobs: a file description of its own,
// blocking, never the one behind the host's fds 0-2 (which Node may have made non-blocking,
// trap 3).

import { openSync, constants } from 'node:fs';

/** An fd for /dev/tty, or null when the process has no controlling terminal (ENXIO). */
export function openControllingTerminal(): number | null {
  try {
    return openSync('/dev/tty', constants.O_RDWR);
  } catch {
    return null;
  }
}
