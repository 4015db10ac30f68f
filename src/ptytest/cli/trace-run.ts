// Running a whole trace against one shell and keeping what a person would have seen.

import { describeExit } from '../errors.js';
import type { ExitStatus } from '../types.js';
import { PidSampler } from './pids.js';
import { TraceDriver } from './trace-driver.js';
import type { TraceItem } from './trace-parse.js';
import { launchShell, type LaunchOptions, type ShellSpec } from './target.js';

/** Why a trace stopped early. */
export interface TraceFailure {
  readonly line: number;
  /** The trace line that could not be carried out, e.g. `jobs` or `INT`. */
  readonly item: string;
  /** The library's failure report (what was awaited, the screen, the processes). */
  readonly report: string;
}

/** Everything a run of a trace produced. */
export interface TraceOutcome {
  readonly label: string;
  /** The trace's comment lines, printed first as sdriver does. */
  readonly comments: readonly string[];
  /** The terminal's contents: prompts, echoed commands, output. */
  readonly terminal: string;
  /** Set when the shell had exited by the end. */
  readonly exit: ExitStatus | null;
  readonly failure: TraceFailure | null;
  /** Pids and process-group ids seen while it ran (for normalizing). */
  readonly pids: ReadonlySet<number>;
}

function describeItem(item: TraceItem): string {
  switch (item.kind) {
    case 'command':
    case 'comment':
      return item.text;
    case 'signal':
      return item.signal;
    case 'sleep':
      return `SLEEP ${item.seconds}`;
    case 'close':
      return 'CLOSE';
    case 'wait':
      return 'WAIT';
  }
}

async function play(driver: TraceDriver, item: TraceItem): Promise<void> {
  switch (item.kind) {
    case 'comment':
      return;
    case 'command':
      return driver.command(item.text);
    case 'signal':
      return driver.signal(item.signal);
    case 'sleep':
      return new Promise((resolve) => setTimeout(resolve, item.seconds * 1000));
    case 'close':
      return driver.close();
    case 'wait':
      return driver.wait();
  }
}

/** Let the last line finish: back at the prompt, or the shell has left (after quit, CLOSE). */
async function finish(driver: TraceDriver, exited: () => boolean): Promise<void> {
  if (exited()) return;
  try {
    await driver.ready();
  } catch (error) {
    if (!exited()) throw error;
  }
}

/** Run `items` against `spec`; failures are part of the outcome, never thrown. */
export async function runTrace(
  items: readonly TraceItem[],
  spec: ShellSpec,
  options: { readonly launch: LaunchOptions; readonly signalShell: boolean; readonly typeAhead?: boolean },
): Promise<TraceOutcome> {
  const run = launchShell(spec, options.launch);
  const sampler = new PidSampler(run.session);
  const driver = new TraceDriver(run, options.signalShell, options.typeAhead ?? false);
  let failure: TraceFailure | null = null;
  let current: TraceItem | null = null;
  try {
    for (const item of items) {
      current = item;
      await play(driver, item);
      sampler.sample();
    }
    current = null;
    await finish(driver, () => run.session.exitStatus !== null);
  } catch (error) {
    const where = current ?? items[items.length - 1];
    const item = current ? describeItem(current) : '(end of trace: waiting for the shell to finish)';
    failure = { line: where?.line ?? 0, item, report: error instanceof Error ? error.message : String(error) };
  }
  const terminal = await run.session.transcript();
  const exit = run.session.exitStatus;
  await run.close();
  const comments = items.filter((item) => item.kind === 'comment').map((item) => item.text);
  return { label: spec.label, comments, terminal, exit, failure, pids: sampler.stop() };
}

/** The transcript as printed: comments, the terminal, and how the shell ended if it did. */
export function renderTranscript(outcome: TraceOutcome): string {
  const parts = [...outcome.comments, outcome.terminal];
  if (outcome.exit) parts.push(`[the shell ${describeExit(outcome.exit)}]`);
  return `${parts.join('\n')}\n`;
}
