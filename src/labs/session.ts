// The shell core as the session leader of a simulated machine, with nothing of Node: what the
// labs, the browser page and `jcsh --sim` share. An interactive shell prompting on the
// simulated terminal, and the kernel's hook that runs a subshell's copy of the shell.

import { interactiveLoop } from '../core/repl.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { copyOptions, decodeSubshellState, inheritState } from '../core/subshell-state.js';
import { SIG } from '../os/signals.js';
import type { Kernel } from '../os/sim/kernel.js';
import type { Machine } from '../os/sim/machine.js';
import { ProcessGone, SimPort, type SimPortOptions } from '../os/sim/port.js';
import type { Proc } from '../os/sim/process.js';
import type { WaitStatus } from '../os/status.js';
import { SimLineReader } from './simreader.js';

/** Runs `body` for a simulated process; the process's exit ends its code (ProcessGone) quietly. */
export function runInProcess(body: () => Promise<unknown>): void {
  void body().catch((e: unknown) => {
    if (!(e instanceof ProcessGone)) throw e;
  });
}

/** The kernel's hook for `a && b &`: a copy of the shell, with the parent's state, in the child. */
export function subshellRunner(portOptions: SimPortOptions) {
  return (k: Kernel, child: Proc, source: string, state: string): void => {
    const port = new SimPort(k, child, portOptions);
    queueMicrotask(() =>
      runInProcess(async () => {
        const parent = decodeSubshellState(state);
        const shell = new Shell({
          port, name: parent.name, args: parent.positional, interactive: false, monitor: false, ...copyOptions(parent),
          ...(parent.scriptName !== undefined ? { scriptName: parent.scriptName } : {}),
        });
        inheritState(shell, parent);
        port.exit(await runScript(shell, source, parent.firstLine));
      }),
    );
  };
}

export interface SessionOptions {
  readonly env: readonly string[];
  readonly cwd: string;
  readonly port: SimPortOptions;
  /** Sees the shell once it exists (for its job table). */
  readonly onShell?: (shell: Shell) => void;
  readonly onExit?: (s: WaitStatus) => void;
}

/** An interactive jcsh (job control on) as the terminal's session leader. */
export function startShellSession(machine: Machine, o: SessionOptions): Proc {
  const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env: o.env, cwd: o.cwd, onExit: o.onExit ?? (() => {}) });
  const port = new SimPort(machine.kernel, proc, { ...o.port, subshell: subshellRunner(o.port) });
  runInProcess(async () => {
    const shell = new Shell({ port, name: 'jcsh', args: [], interactive: true, monitor: true });
    o.onShell?.(shell);
    const start = initJobControl(shell);
    const reader = new SimLineReader(port, shell.terminal.fd ?? 0, true);
    port.onSignal(SIG.INT, () => {
      shell.control.interrupt();
      reader.interrupt();
    });
    const status = await interactiveLoop(shell, reader);
    endJobControl(shell, start);
    return port.exit(status);
  });
  return proc;
}
