// The shell without a prompt on the real kernel: -c, a script file, or commands on stdin.
// Nothing interactive is loaded here, so that scripts start fast.

import type { Options } from '../cli/args.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { decodeSubshellState } from '../core/subshell-state.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { createLinuxPort } from '../os/linux/index.js';

/** -c, a script file, or commands on stdin: no prompt, and (unless -m) no job control. */
export async function runNonInteractive(o: Options, source: string, scriptName?: string): Promise<never> {
  const tsh = o.compat === 'tsh' ? await import('../core/compat/tsh/index.js') : null;
  // tsh forwards signals while it waits, so it must not block in waitpid.
  const port = createLinuxPort({ blockingWait: tsh === null });
  const parent = o.subshellState === null ? null : decodeSubshellState(o.subshellState);
  const shell = new Shell({
    port, name: parent?.name ?? o.name, args: parent?.positional ?? o.args, interactive: false, monitor: o.monitor ?? false,
    ...(scriptName !== undefined ? { scriptName } : {}),
    ...(parent ? { vars: parent.vars } : {}),
    ...(tsh ? { dialect: tsh.tshDialect } : {}),
  });
  if (parent) shell.lastStatus = parent.status;
  const start = shell.jobControl ? initJobControl(shell) : null;
  const leave = (status: number): never => {
    endJobControl(shell, start);
    return port.exit(status);
  };
  tsh?.startTsh(shell, leave);
  return leave(await runScript(shell, source));
}
