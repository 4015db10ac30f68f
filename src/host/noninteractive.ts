// The shell without a prompt on the real kernel: -c, a script file, or commands on stdin.
// Nothing interactive is loaded here, so that scripts start fast.

import type { Options } from '../cli/args.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { createLinuxPort } from '../os/linux/index.js';

/** -c, a script file, or commands on stdin: no prompt, and (unless -m) no job control. */
export async function runNonInteractive(o: Options, source: string, scriptName?: string): Promise<never> {
  const port = createLinuxPort({ blockingWait: true });
  const shell = new Shell({
    port, name: o.name, args: o.args, interactive: false, monitor: o.monitor ?? false,
    ...(scriptName !== undefined ? { scriptName } : {}),
    ...(o.subshellState ? subshellVars(o.subshellState) : {}),
  });
  if (o.subshellState) shell.lastStatus = JSON.parse(o.subshellState).status ?? 0;
  const start = shell.jobControl ? initJobControl(shell) : null;
  const status = await runScript(shell, source);
  endJobControl(shell, start);
  return port.exit(status);
}

function subshellVars(state: string) {
  const parsed = JSON.parse(state) as { vars: Record<string, { value: string; exported: boolean }> };
  return { vars: parsed.vars };
}
