// The shell without a prompt on the real kernel: -c, a script file, commands on stdin, or a
// copy of a shell for a subshell. Nothing interactive is loaded here, so that scripts start fast.

import type { Options } from '../cli/args.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { copyOptions, decodeSubshellState, inheritState } from '../core/subshell-state.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { createLinuxPort } from '../os/linux/index.js';
import type { OsPort } from '../os/port.js';

export interface NonInteractiveOptions {
  /** $0 and the name in messages of a script file. */
  readonly scriptName?: string;
  /** The parent's state, when this shell is a copy made for a subshell. */
  readonly parentState?: string;
}

/** -c, a script file, or commands on stdin: no prompt, and (unless -m) no job control. */
export async function runNonInteractive(o: Options, source: string | 'stdin', more: NonInteractiveOptions = {}): Promise<never> {
  const tsh = o.compat === 'tsh' ? await import('../core/compat/tsh/index.js') : null;
  // tsh forwards signals while it waits, so it must not block in waitpid.
  const port = createLinuxPort({ blockingWait: tsh === null });
  const text = source === 'stdin' ? await readAll(port, 0) : source;
  const parent = more.parentState === undefined ? null : decodeSubshellState(more.parentState);
  const shell = new Shell({
    port, name: parent?.name ?? o.name, args: parent?.positional ?? o.args, interactive: false, monitor: o.monitor ?? false, set: o.set,
    ...(more.scriptName !== undefined ? { scriptName: more.scriptName } : parent?.scriptName !== undefined ? { scriptName: parent.scriptName } : {}),
    ...(parent ? copyOptions(parent) : {}),
    ...(tsh ? { dialect: tsh.tshDialect } : {}),
  });
  if (parent) inheritState(shell, parent);
  else if (more.scriptName === undefined) shell.options.invocation = source === 'stdin' ? 's' : 'c';
  const start = shell.control.enabled ? initJobControl(shell) : null;
  const leave = (status: number): never => {
    endJobControl(shell, start);
    return port.exit(status);
  };
  tsh?.startTsh(shell, leave);
  return leave(await runScript(shell, text, parent?.firstLine));
}

/** All of fd through the port's read, which waits on an fd it was handed non-blocking. */
async function readAll(port: OsPort, fd: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await port.read(fd); chunk !== null; chunk = await port.read(fd)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
