// The shell core as a process of the simulated kernel: interactive (prompting on the simulated
// terminal), non-interactive (-c, a script, commands on stdin) and as a subshell's copy. The
// core is the same as on Linux; only the port and the line reader differ.

import type { Options } from '../cli/args.js';
import { startTsh, tshDialect } from '../core/compat/tsh/index.js';
import { terminateStoppedJobs } from '../core/leave.js';
import { interactiveLoop } from '../core/repl.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { SIG } from '../os/signals.js';
import type { SimPort } from '../os/sim/port.js';
import { SimLineReader } from '../labs/simreader.js';
import { hangUp } from './hangup.js';

export { runInProcess, subshellRunner } from '../labs/session.js';

/** `onShell` sees the shell once it exists (the UI's backend reads its job table). */
export async function interactiveShell(port: SimPort, o: Options, onShell?: (shell: Shell) => void): Promise<never> {
  const tsh = o.compat === 'tsh';
  const shell = new Shell({
    port, name: o.name, args: o.args, interactive: true, monitor: o.monitor ?? true, set: o.set,
    ...(tsh ? { dialect: tshDialect } : {}),
  });
  onShell?.(shell);
  const start = initJobControl(shell);
  const reader = new SimLineReader(port, shell.terminal.fd ?? 0, shell.dialect.name === 'bash');
  const release = { release: () => {} };
  port.onSignal(SIG.HUP, () => hangUp(shell, start, release));
  const leave = (status: number): never => {
    terminateStoppedJobs(shell);
    endJobControl(shell, start);
    return port.exit(status);
  };
  if (tsh) startTsh(shell, leave);
  else {
    port.onSignal(SIG.INT, () => {
      shell.control.interrupt();
      reader.interrupt();
    });
  }
  if (o.noPrompt) shell.vars.set('PS1', '');
  return leave(await interactiveLoop(shell, reader));
}

export async function scriptShell(port: SimPort, o: Options, text: string | 'stdin', scriptName?: string): Promise<never> {
  const tsh = o.compat === 'tsh' ? await import('../core/compat/tsh/index.js') : null;
  const source = text === 'stdin' ? await readAll(port, 0) : text;
  const shell = new Shell({
    port, name: o.name, args: o.args, interactive: false, monitor: o.monitor ?? false, set: o.set, numberedErrors: true,
    ...(scriptName !== undefined ? { scriptName } : {}),
    ...(tsh ? { dialect: tsh.tshDialect } : {}),
  });
  const start = shell.control.enabled ? initJobControl(shell) : null;
  const leave = (status: number): never => {
    endJobControl(shell, start);
    return port.exit(status);
  };
  tsh?.startTsh(shell, leave);
  return leave(await runScript(shell, source));
}

async function readAll(port: SimPort, fd: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await port.read(fd); chunk !== null; chunk = await port.read(fd)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
