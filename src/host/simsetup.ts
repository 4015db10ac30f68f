// What every simulated session takes from the real machine: part of the environment, the
// working directory (with stand-ins for the scenario helpers found there), the host and user
// names. Shared by `jcsh --sim` on a real terminal and by the UI's simulator backend.

import fs from 'node:fs';
import os from 'node:os';
import type { SimEvent } from '../os/sim/events.js';
import type { Machine } from '../os/sim/machine.js';
import type { SimPortOptions } from '../os/sim/port.js';

/** What the simulated shell inherits of the real environment. */
const INHERITED = ['PS1', 'PS2', 'PATH', 'HOME', 'TERM', 'LC_ALL', 'LANG', 'USER', 'LOGNAME', 'PWD'];

export function inheritedEnv(overrides: Readonly<Record<string, string>> = {}): string[] {
  const env = INHERITED.flatMap((name) => (process.env[name] !== undefined && !(name in overrides) ? [`${name}=${process.env[name]}`] : []));
  return [...env, ...Object.entries(overrides).map(([k, v]) => `${k}=${v}`)];
}

export function simPortOptions(home: string): SimPortOptions {
  return { hostname: os.hostname(), username: os.userInfo().username, uid: os.userInfo().uid, home };
}

/**
 * The real working directory's programs that the simulator has stand-ins for (`./spin` run from
 * the directory of the test helpers) are there in the simulated one too; nothing else is.
 */
export function mirrorWorkingDirectory(machine: Machine, cwd: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(cwd, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const program = machine.kernel.fs.get(`/bin/${e.name}`);
    if (!e.isFile() || program?.type !== 'program') continue;
    try {
      fs.accessSync(`${cwd}/${e.name}`, fs.constants.X_OK);
      machine.kernel.fs.put(`${cwd}/${e.name}`, program);
    } catch {
      // not executable here: not a program there either
    }
  }
}

/** Opens FILE for an event log; a file that cannot be written is a one-line error and status 2. */
export function openLog(file: string): number {
  try {
    return fs.openSync(file, 'w');
  } catch (e) {
    fs.writeSync(2, `jcsh: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : 'cannot write the event log'}\n`);
    process.exit(2);
  }
}

/** Every kernel event, one line each (JSON or a sentence), into the log `fd`. */
export function logEvents(machine: Machine, fd: number, line: (e: SimEvent) => string): void {
  machine.kernel.listen((e) => fs.writeSync(fd, `${line(e)}\n`));
}
