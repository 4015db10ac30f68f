// The environment a spawned program sees unless a test says otherwise.

import { homedir } from 'node:os';

const FALLBACK_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * A small, predictable environment: the caller's PATH and HOME, an xterm
 * terminal type and a UTF-8 locale. Nothing else leaks in from the test
 * runner (no CI, no COLUMNS, no shell variables), then `extra` wins.
 */
export function defaultEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? FALLBACK_PATH,
    HOME: process.env.HOME ?? homedir(),
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    ...extra,
  };
}
