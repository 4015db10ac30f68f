// The plain interactive shell on the real kernel: the user's own terminal, a readline prompt,
// and the shell core over the Linux port.

import fs from 'node:fs';
import path from 'node:path';
import type { Options } from '../cli/args.js';
import { complete } from '../core/complete.js';
import { startTsh, tshDialect } from '../core/compat/tsh/index.js';
import { terminateStoppedJobs } from '../core/leave.js';
import { interactiveLoop, reportFailure, type LineReader } from '../core/repl.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { SIG } from '../os/signals.js';
import { createLinuxPort } from '../os/linux/index.js';
import type { OsPort } from '../os/port.js';
import { hangingUp, hangUp } from './hangup.js';
import { HistoryFile } from './history.js';
import { ReadlineReader } from './lineeditor.js';
import { PlainReader } from './plainreader.js';
import { openUiChannel } from './tui/engine.js';

export async function runInteractive(o: Options): Promise<never> {
  // Under the UI: taken out of the environment before the port copies it for the jobs.
  const ui = openUiChannel();
  // Named as the user knows it in the Session panel and in `ps` in the pane, not `node …/jcsh.js`.
  if (ui) process.title = 'jcsh';
  const linux = createLinuxPort({ blockingWait: false });
  const port = ui ? ui.observe(linux) : linux;
  const tsh = o.compat === 'tsh';
  const shell = new Shell({
    port, name: o.name, args: o.args, interactive: true, monitor: o.monitor ?? true, set: o.set,
    ...(tsh ? { dialect: tshDialect } : {}),
  });
  ui?.attach(shell);
  shell.options.invocation = 's';
  // tsh never touches the terminal; on pipes (the lab's driver) neither do we: no one types there.
  const start = tsh && !port.isatty(0) ? null : initJobControl(shell);
  // Closing the terminal, however the shell hears of it first: the SIGHUP the kernel sends, end
  // of file at the prompt, or EIO writing to the terminal (bash's hangup_all_jobs, B10.8).
  const reader = makeReader(shell, port, () => hangUp(shell, start, reader));
  port.onSignal(SIG.HUP, () => hangUp(shell, start, reader));
  shell.out.onFailure = (fd, code) => {
    if (code === 'EIO' && fd === shell.terminal.fd) hangUp(shell, start, reader);
  };
  const leave = (status: number): never => {
    terminateStoppedJobs(shell);
    endJobControl(shell, start);
    return port.exit(status);
  };
  // tsh passes SIGINT (and SIGTSTP) on to the foreground job; bash stops what it is doing.
  if (tsh) startTsh(shell, leave);
  else port.onSignal(SIG.INT, () => shell.control.interrupt());
  if (o.noPrompt) shell.vars.set('PS1', '');
  // tsh has no start-up file, and a bash-flavoured one would mean nothing to its grammar.
  if (!o.norc && !tsh) await sourceRc(shell, port);
  const status = await interactiveLoop(shell, reader);
  // A hang-up under way ends the process by the signal (hangup.ts), not by exit.
  if (hangingUp()) return new Promise<never>(() => {});
  return leave(status);
}

/** The line reader, and how it lets go of the terminal when the shell must die at once. */
export type Reader = LineReader & { release(): void };

function makeReader(shell: Shell, port: OsPort, onHangup: () => void): Reader {
  // bash prompts on stderr when its input is not a terminal; tsh printf()s its prompt.
  if (!port.isatty(0) || shell.terminal.fd === null) {
    const plain = new PlainReader(0, shell.dialect.name === 'tsh' ? 1 : 2, (fd) => port.read(fd));
    return Object.assign(plain, { release: () => {} });
  }
  const home = shell.vars.get('HOME');
  const file = shell.vars.get('HISTFILE') ?? (home ? path.join(home, '.jcsh_history') : null);
  return new ReadlineReader({
    ttyPath: '/dev/tty',
    history: new HistoryFile(file || null),
    completer: (line: string) => complete(shell, line),
    newlineAtEof: shell.dialect.name === 'bash',
    onHangup,
  });
}

async function sourceRc(shell: Shell, port: OsPort): Promise<void> {
  const home = shell.vars.get('HOME');
  if (!home) return;
  const rc = path.join(home, '.jcshrc');
  if (!fs.existsSync(rc)) return;
  try {
    await runScript(shell, port.readFile(rc));
  } catch (e) {
    await reportFailure(shell, e);
  }
}
