// Running tsh command lines (tsh.c eval). A builtin runs in the shell, even with `&`. Anything
// else is executed by its own name, without a PATH search (tsh calls execve(argv[0])), as a
// job of one process in a group of its own; if it cannot be executed, the child says
// "Command not found" and exits 0, as tsh's child does. A background job is announced with the
// line as typed; the shell waits for a foreground one, and the reaper tells how it ended.

import type { AndOr, List, SimpleCommand } from '../../../lang/ast.js';
import { literalText } from '../../../lang/tsh-parser.js';
import type { Program } from '../../../os/port.js';
import { runBuiltinHere } from '../../builtins/run.js';
import type { Builtin } from '../../builtins/types.js';
import { launchJob, type StagePlan } from '../../launch.js';
import { absolute } from '../../lookup.js';
import { FdTable } from '../../redirect.js';
import type { Shell } from '../../shell.js';
import { waitTshForeground } from './foreground.js';
import { findTshBuiltin } from './registry.js';

/** tsh.c MAXJOBS. */
export const MAX_JOBS = 16;

const encoder = new TextEncoder();

/** Runs each line in turn; tsh has no `$?`, so the status is always 0. */
export async function runTshList(shell: Shell, list: List): Promise<number> {
  for (const item of list.items) {
    shell.lineno = item.pos.line;
    // Between the lines of a script nothing else reaps: tell about earlier jobs first.
    shell.control.update();
    await runTshLine(shell, item);
  }
  return 0;
}

async function runTshLine(shell: Shell, item: AndOr): Promise<void> {
  // The tsh grammar (tsh-parser.ts) makes simple commands only.
  const argv = (item.first.commands[0] as SimpleCommand).words.map(literalText);
  const builtin = findTshBuiltin(argv[0]!);
  if (builtin) return runHere(shell, builtin, argv);
  if (shell.control.jobs.size >= MAX_JOBS) {
    // tshref starts the program anyway and loses track of it; refusing leaves no stray child.
    await shell.out.write(shell.stdio[1], 'Tried to create too many jobs\n');
    return;
  }
  const job = launchJob(shell, [stage(shell, argv, item.source)], { background: item.background, onExecFailure: notFound });
  if (!item.background) return waitTshForeground(shell, job, false);
  shell.lastBackgroundPid = job.lastPid;
  await shell.out.write(shell.stdio[1], shell.format.launched(job));
}

function stage(shell: Shell, argv: string[], line: string): StagePlan {
  const path = absolute(shell, argv[0]!);
  return { program: { kind: 'exec', path, argv, env: shell.vars.environ() }, redirects: [], text: line };
}

function notFound(argv: readonly string[]): Program {
  const data = encoder.encode(`${argv[0]}: Command not found\n`);
  return { kind: 'emit', chunks: [{ fd: 1, data }], status: 0 };
}

async function runHere(shell: Shell, builtin: Builtin, argv: string[]): Promise<void> {
  const fds = new FdTable(shell.stdio);
  try {
    await runBuiltinHere(shell, builtin, argv, fds);
  } finally {
    await shell.out.drain();
    fds.close(shell);
  }
}
