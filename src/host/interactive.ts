// The plain interactive shell on the real kernel: the user's own terminal, a readline prompt,
// and the shell core over the Linux port.

import fs from 'node:fs';
import path from 'node:path';
import type { Options } from '../cli/args.js';
import { complete } from '../core/complete.js';
import { startTsh, tshDialect } from '../core/compat/tsh/index.js';
import { hangupJobs, terminateStoppedJobs } from '../core/leave.js';
import { interactiveLoop, internalError, type LineReader } from '../core/repl.js';
import { runScript } from '../core/script.js';
import { Shell } from '../core/shell.js';
import { endJobControl, initJobControl } from '../core/startup.js';
import { SIG } from '../os/signals.js';
import { createLinuxPort } from '../os/linux/index.js';
import type { OsPort } from '../os/port.js';
import { HistoryFile } from './history.js';
import { PlainReader, ReadlineReader } from './lineeditor.js';

export async function runInteractive(o: Options): Promise<never> {
  const port = createLinuxPort({ blockingWait: false });
  const tsh = o.compat === 'tsh';
  const shell = new Shell({
    port, name: o.name, args: o.args, interactive: true, monitor: o.monitor ?? true,
    ...(tsh ? { dialect: tshDialect } : {}),
  });
  // tsh never touches the terminal; on pipes (the lab's driver) neither do we: no one types there.
  const start = tsh && !port.isatty(0) ? null : initJobControl(shell);
  const leave = (status: number): never => {
    terminateStoppedJobs(shell);
    endJobControl(shell, start);
    return port.exit(status);
  };
  // tsh passes SIGINT (and SIGTSTP) on to the foreground job; bash stops what it is doing.
  if (tsh) startTsh(shell, leave);
  else port.onSignal(SIG.INT, () => shell.interrupt());
  if (o.noPrompt) shell.vars.set('PS1', '');
  port.onSignal(SIG.HUP, () => {
    hangupJobs(shell);
    leave(128 + SIG.HUP);
  });
  // tsh has no start-up file, and a bash-flavoured one would mean nothing to its grammar.
  if (!o.norc && !tsh) await sourceRc(shell, port);
  const status = await interactiveLoop(shell, makeReader(shell, port));
  return leave(status);
}

function makeReader(shell: Shell, port: OsPort): LineReader {
  // bash prompts on stderr when its input is not a terminal; tsh printf()s its prompt.
  if (!port.isatty(0) || shell.tty === null) {
    return new PlainReader(0, shell.dialect.name === 'tsh' ? 1 : 2, (fd) => port.read(fd));
  }
  const home = shell.vars.get('HOME');
  const file = shell.vars.get('HISTFILE') ?? (home ? path.join(home, '.jcsh_history') : null);
  const completer = (line: string) => complete(shell, line);
  return new ReadlineReader('/dev/tty', new HistoryFile(file || null), completer, shell.dialect.name === 'bash');
}

async function sourceRc(shell: Shell, port: OsPort): Promise<void> {
  const home = shell.vars.get('HOME');
  if (!home) return;
  const rc = path.join(home, '.jcshrc');
  if (!fs.existsSync(rc)) return;
  try {
    await runScript(shell, port.readFile(rc));
  } catch (e) {
    await internalError(shell, e);
  }
}

