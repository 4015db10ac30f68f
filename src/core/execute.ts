// Running parsed command lines: lists, and-or lists and pipelines. A lone builtin runs inside
// the shell; everything else becomes a job of spawned processes. A builtin that is part of a
// pipeline or runs in the background runs on a copy of the shell, and a process delivers its
// output, so it is a real member of the job's process group (as a forked bash child would be).

import type { AndOr, Command, CompoundCommand, List, Pipeline, SimpleCommand } from '../lang/ast.js';
import { each, isPromise, andThen, type Maybe } from '../lang/maybe.js';
import { findBuiltin } from './builtins/registry.js';
import { runBuiltinCaptured } from './builtins/run.js';
import { expansionAssigns } from './assigning.js';
import { expandCommand, type ExpandedCommand, type Expansion } from './command.js';
import { LineAbandoned } from './errors.js';
import { waitForeground } from './foreground-job.js';
import type { Job } from './job.js';
import { errorStage, LaunchFailed, launchJob, type LaunchOptions, type StagePlan } from './launch.js';
import type { Shell } from './shell.js';
import { printCommand, printJob } from '../lang/print.js';
import { commandBypass } from './builtins/command.js';
import { assignOnly, notFound, runBuiltinAlone, runFunctionHere } from './run-here.js';
import { singleQuoted } from './builtins/lib/quote.js';
import { runCompound } from './compound.js';
import { testing } from './testing.js';
import { defineFunction, functionsPrelude } from './functions.js';
import { isSpecialBuiltin } from './special.js';
import { runsAsProcess } from './process-builtins.js';
import { encodeSubshellState } from './subshell-state.js';
import { prefixAssignments } from './prefix-assign.js';
import { execStageArgv } from './builtins/exec.js';
import { traceCommand } from './xtrace.js';
import { runPendingTraps } from './trap-run.js';
import { commandFailed } from './condition-traps.js';
import { ERR } from './traps.js';

// The sync path of these functions makes no closures: they run for every command of a loop.
export function runList(shell: Shell, list: List): Maybe<number> {
  const ran = each(list.items, runItem, shell);
  return isPromise(ran) ? ran.then(() => shell.lastStatus) : shell.lastStatus;
}

function runItem(item: AndOr, _index: number, shell: Shell): Maybe<void> {
  // set -n: commands are read (and checked) but not run; an interactive shell ignores it
  if (shell.options.isOn('noexec') && !shell.interactive) return undefined;
  shell.lineno = item.pos.line;
  if (!shell.interactive && shell.control.hasChildren()) shell.control.update();
  return runAndOr(shell, item);
}

function runAndOr(shell: Shell, item: AndOr): Maybe<void> {
  const spec = jobSpecCommand(item);
  if (spec) return runPipeline(shell, withBuiltin(spec, item.background ? 'bg' : 'fg'), false);
  if (item.background) return runBackground(shell, item);
  const first = runChecked(shell, item.first, item.rest.length > 0);
  if (item.rest.length === 0) return first;
  return isPromise(first) ? first.then(() => runRest(shell, item)) : runRest(shell, item);
}

/** The `&&` and `||` operands after the first. */
function runRest(shell: Shell, item: AndOr): Maybe<void> {
  const last = item.rest.length - 1;
  return each(item.rest, ({ op, pipeline }, i) => {
    if ((op === '&&') !== (shell.lastStatus === 0)) return undefined;
    return runChecked(shell, pipeline, i < last);
  }, null);
}

/** A pipeline of an and-or list; an exempt one (not the last, or under `!`) runs with `set -e` ignored throughout. */
function runChecked(shell: Shell, pipeline: Pipeline, notLast: boolean): Maybe<void> {
  const exempt = notLast || pipeline.bang;
  if (exempt) return andThen(testing(shell, () => andThen(runPipeline(shell, pipeline, false), () => shell.lastStatus)), () => afterPipeline(shell, pipeline, true));
  const ran = runPipeline(shell, pipeline, false);
  return isPromise(ran) ? ran.then(() => afterPipeline(shell, pipeline, false)) : afterPipeline(shell, pipeline, false);
}

/** A safe point: signals caught meanwhile run their traps (bash: after each command), then `set -e`. */
function afterPipeline(shell: Shell, pipeline: Pipeline, exempt: boolean): Maybe<void> {
  if (shell.traps.catching) return runPendingTraps(shell).then(() => errexit(shell, pipeline, exempt));
  return errexit(shell, pipeline, exempt);
}

/**
 * `set -e`: a pipeline that fails ends the shell, except where POSIX and bash exempt it: an
 * operand of `&&` or `||` but the last (`exempt`), a pipeline under `!`, anything run while
 * an if, while or until tests its condition (shell.errexitSuspended), a compound command other
 * than a subshell, `((…))` or `[[…]]` (its own commands were checked as they ran), and a job that stopped.
 */
function errexit(shell: Shell, pipeline: Pipeline, exempt: boolean): Maybe<void> {
  if (exempt || pipeline.bang || shell.lastStatus === 0 || shell.errexitSuspended > 0 || shell.lastStopped) return;
  if (!shell.options.isOn('errexit') && !shell.traps.action(ERR)) return;
  const only = pipeline.commands.length === 1 ? pipeline.commands[0]! : null;
  if (only && only.kind === 'compound' && ((only.body.kind !== 'subshell' && only.body.kind !== 'arith' && only.body.kind !== 'cond') || only === shell.unwrappedSubshell)) return;
  if (only && only.kind === 'function') return;
  return commandFailed(shell);
}

async function runBackground(shell: Shell, item: AndOr): Promise<void> {
  if (item.rest.length === 0 && !item.first.bang) {
    await runPipeline(shell, item.first, true);
    return;
  }
  // `a && b &` runs the whole list in a subshell: a copy of the shell as one process.
  started(shell, await launch(shell, [subshellStage(shell, item.source, printJob(item))], { background: true }));
}

function runPipeline(shell: Shell, pipeline: Pipeline, background: boolean): Maybe<void> {
  const single = pipeline.commands.length === 1 && !background;
  const ran = single ? runAlone(shell, pipeline.commands[0]!) : runJob(shell, pipeline, background);
  if (isPromise(ran)) return ran.then((status) => settle(shell, pipeline, background, status));
  return settle(shell, pipeline, background, ran);
}

function settle(shell: Shell, pipeline: Pipeline, background: boolean, status: number): void {
  shell.lastStatus = pipeline.bang && !background ? (status === 0 ? 1 : 0) : status;
}

/** A command on its own in the foreground: the shell runs it itself unless it is a program or a subshell. */
function runAlone(shell: Shell, cmd: Command): Maybe<number> {
  if (cmd.kind !== 'simple') return runShellCommand(shell, cmd);
  const e = expandCommand(shell, cmd, runList);
  return isPromise(e) ? e.then((x) => runExpanded(shell, x)) : runExpanded(shell, e);
}

function runExpanded(shell: Shell, e: Expansion): Maybe<number> {
  // As bash: an expansion error abandons the line; a fatal one (`${x?}`) ends a script.
  if (e.kind === 'error') throw abandon(shell, e.message, e.fatal);
  if (shell.options.isOn('xtrace')) return andThen(traceCommand(shell, e.command), () => runSingle(shell, e.command));
  return runSingle(shell, e.command);
}

/** A pipeline, or a command in the background: a job of processes. */
async function runJob(shell: Shell, pipeline: Pipeline, background: boolean): Promise<number> {
  const plans: StagePlan[] = [];
  for (const cmd of pipeline.commands) {
    if (cmd.kind !== 'simple') {
      plans.push(subshellStage(shell, cmd.source, printCommand(cmd), isSubshell(cmd)));
      continue;
    }
    // A stage of a pipeline or a background command expands in its own copy of the shell, as
    // in bash's forked child: `${x=1} | cat` leaves x unset here.
    const here = !expansionAssigns(cmd) ? shell : shell.subshell(true);
    const e = await expandCommand(here, cmd, runList);
    if (e.kind === 'error') {
      plans.push(errorStage(shell, e.message, 1, e.text));
      continue;
    }
    if (shell.options.isOn('xtrace')) await traceCommand(shell, e.command);
    plans.push(await planStage(shell, here, e.command));
  }
  shell.control.previousCommand = '';
  const job = await launch(shell, plans, { background });
  if (background) {
    started(shell, job);
    return 0;
  }
  return waitForeground(shell, job);
}

/** A function definition or a compound command on its own in the foreground. */
function runShellCommand(shell: Shell, cmd: Exclude<Command, SimpleCommand>): Maybe<number> {
  if (cmd.kind === 'function') return defineFunction(shell, cmd);
  return runCompound(shell, cmd, runList, runSubshell);
}

/** `( list )` in the foreground: a copy of the shell as a process of its own, and a job. */
async function runSubshell(shell: Shell, cmd: CompoundCommand): Promise<number> {
  const job = await launch(shell, [subshellStage(shell, cmd.source, printCommand(cmd), true)], { background: false });
  return waitForeground(shell, job);
}

/**
 * A stage that a copy of the shell runs as a process of its own: a compound command or a
 * function call in a pipeline or in the background. It gets the functions too.
 */
function subshellStage(shell: Shell, source: string, text: string, unwrap = false): StagePlan {
  const prelude = functionsPrelude(shell);
  return {
    program: { kind: 'subshell', source: prelude + source, state: encodeSubshellState(shell, unwrap, prelude), env: shell.vars.environ() },
    redirects: [], text,
  };
}

/** A command on its own in the foreground: builtins, functions and assignments run in the shell. */
function runSingle(shell: Shell, written: ExpandedCommand): Maybe<number> {
  // `command name …` runs name with functions skipped, and a special builtin as a regular one.
  const bypass = commandBypass(written.argv);
  const argv = bypass ? bypass.argv : written.argv;
  const name = argv[0];
  if (name === undefined) return assignOnly(shell, written);
  // bash outside POSIX mode finds a function before a special builtin of the same name
  const fn = bypass ? undefined : shell.functions.get(name);
  const special = !bypass && !fn && isSpecialBuiltin(name);
  const assignments = prefixAssignments(shell, special && name !== 'exec', written.assignments);
  const cmd = argv === written.argv && assignments === written.assignments ? written : { ...written, argv, assignments, text: written.text };
  if (fn) return runFunctionHere(shell, fn, cmd, runBody);
  const builtin = findBuiltin(name);
  if (builtin) return runBuiltinAlone(shell, builtin, cmd, special, bypass !== null);
  shell.control.previousCommand = name;
  const found = shell.commands.lookup(shell, name);
  if (found.kind === 'error') return notFound(shell, cmd, found.message, found.status);
  return runProgram(shell, execStage(shell, cmd, found.path));
}

const runBody = (shell: Shell, body: CompoundCommand): Maybe<number> => runCompound(shell, body, runList, runSubshell);

async function runProgram(shell: Shell, stage: StagePlan): Promise<number> {
  return waitForeground(shell, await launch(shell, [stage], { background: false }));
}

/** `stage` is the copy of the shell the stage expanded in (or the shell itself). */
async function planStage(shell: Shell, stage: Shell, cmd: ExpandedCommand): Promise<StagePlan> {
  const name = cmd.argv[0];
  if (name === undefined) {
    return { program: { kind: 'emit', chunks: [], status: 0 }, redirects: cmd.redirects, text: cmd.text };
  }
  const replaced = name === 'exec' ? execStageArgv(cmd.argv) : null;
  if (replaced) return planStage(shell, stage, { ...cmd, argv: replaced, text: cmd.text });
  const builtin = findBuiltin(name);
  if (shell.functions.has(name) || (builtin && runsAsProcess(cmd.argv))) {
    const call = [...[...cmd.assignments].map(([k, v]) => `${k}=${singleQuoted(v)}`), ...cmd.argv.map(singleQuoted)].join(' ');
    return { ...subshellStage(stage, call, cmd.text), redirects: cmd.redirects };
  }
  if (builtin) {
    const { chunks, status } = await runBuiltinCaptured(stage, builtin, cmd.argv);
    return { program: { kind: 'emit', chunks, status }, redirects: cmd.redirects, text: cmd.text };
  }
  // The shell's own table remembers where commands are (a copy would look them up again).
  const found = shell.commands.lookup(shell, name);
  // made after the stage's redirections, as in bash's child: `nosuchcmd 2>/dev/null | cat` is silent
  if (found.kind === 'error') return errorStage(shell, found.message, found.status, cmd.text, cmd.redirects);
  return execStage(stage, cmd, found.path);
}

function isSubshell(cmd: Command): boolean {
  return cmd.kind === 'compound' && cmd.body.kind === 'subshell';
}

function execStage(shell: Shell, cmd: ExpandedCommand, path: string): StagePlan {
  const env = shell.vars.environ(cmd.assignments);
  return { program: { kind: 'exec', path, argv: cmd.argv, env }, redirects: cmd.redirects, text: cmd.text };
}

/**
 * Starts a job. When a stage cannot be started (no process or pipe to be had), the error is one
 * line, the stages that did start are waited for, and the rest of the line is abandoned, as
 * bash's throw_to_top_level after "fork: …" or "pipe error: …".
 */
async function launch(shell: Shell, plans: readonly StagePlan[], o: LaunchOptions): Promise<Job> {
  try {
    return launchJob(shell, plans, o);
  } catch (e) {
    if (!(e instanceof LaunchFailed)) throw e;
    await shell.diag(e.message);
    if (e.job) {
      await shell.control.runInForeground(e.job, false);
      e.job.notified = true;
      shell.control.jobs.remove(e.job);
    }
    throw new LineAbandoned(e.status);
  }
}

function started(shell: Shell, job: Job): void {
  shell.lastBackgroundPid = job.lastPid;
  if (shell.interactive && shell.control.enabled) void shell.out.write(shell.stdio[2], shell.format.launched(job));
}

function abandon(shell: Shell, message: string, fatal: boolean): LineAbandoned {
  report(shell, message, 1);
  return new LineAbandoned(1, fatal, !fatal);
}

function report(shell: Shell, message: string, status: number): number {
  void shell.diag(message);
  return status;
}

/** `%1` alone means `fg %1`; `%1 &` means `bg %1`. */
function jobSpecCommand(item: AndOr): Pipeline | null {
  if (item.rest.length > 0 || item.first.bang || item.first.commands.length !== 1) return null;
  const cmd = item.first.commands[0]!;
  if (cmd.kind !== 'simple') return null;
  const first = cmd.words[0];
  if (!first || !first.source.startsWith('%') || cmd.assignments.length > 0) return null;
  return item.first;
}

function withBuiltin(p: Pipeline, name: 'fg' | 'bg'): Pipeline {
  const cmd = p.commands[0] as SimpleCommand;
  const word = { parts: [{ kind: 'literal' as const, text: name, quoted: false }], source: name, pos: cmd.pos };
  const rewritten: SimpleCommand = { ...cmd, words: [word, ...cmd.words] };
  return { ...p, commands: [rewritten] };
}
