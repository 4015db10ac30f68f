// Running a parsed script against one shell: every step in order, stopping at the first
// failure, keeping what the terminal showed.

import type { ExitStatus } from '../types.js';
import { PidSampler } from './pids.js';
import { ScriptContext } from './script-context.js';
import type { Step, StepAction } from './script-steps.js';
import { runCheck } from './steps-check.js';
import { runInput } from './steps-input.js';
import { launchShell, type LaunchOptions, type ShellSpec } from './target.js';

/** How one step went. */
export interface StepResult {
  readonly step: Step;
  readonly ok: boolean;
  readonly ms: number;
  /** Something worth showing: what matched, the screen for `show`, the exit status. */
  readonly detail: string | undefined;
  /** The failure report, for the failed step. */
  readonly error: string | undefined;
}

export interface ScriptOutcome {
  readonly label: string;
  readonly pid: number;
  readonly results: readonly StepResult[];
  /** Steps after a failure, not run. */
  readonly notRun: number;
  readonly terminal: string;
  readonly exit: ExitStatus | null;
  readonly pids: ReadonlySet<number>;
}

const INPUT_KINDS = new Set(['send', 'type', 'paste', 'press', 'signal', 'resize', 'sleep', 'timeout', 'show']);

function perform(ctx: ScriptContext, action: StepAction): Promise<string | undefined> {
  if (INPUT_KINDS.has(action.kind)) return runInput(ctx, action as Parameters<typeof runInput>[1]);
  return runCheck(ctx, action as Parameters<typeof runCheck>[1]);
}

async function runStep(ctx: ScriptContext, step: Step): Promise<StepResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const detail = await perform(ctx, step);
    return { step, ok: true, ms: elapsed(), detail, error: undefined };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { step, ok: false, ms: elapsed(), detail: undefined, error: text };
  }
}

/** Run `steps` against `spec`; failures are part of the outcome, never thrown. */
export async function runScript(steps: readonly Step[], spec: ShellSpec, launch: LaunchOptions): Promise<ScriptOutcome> {
  const run = launchShell(spec, launch);
  const sampler = new PidSampler(run.session);
  const ctx = new ScriptContext(run);
  const results: StepResult[] = [];
  for (const step of steps) {
    const result = await runStep(ctx, step);
    results.push(result);
    sampler.sample();
    if (!result.ok) break;
  }
  const terminal = await run.session.transcript();
  const exit = run.session.exitStatus;
  await run.close();
  return {
    label: spec.label,
    pid: run.session.pid,
    results,
    notRun: steps.length - results.length,
    terminal,
    exit,
    pids: sampler.stop(),
  };
}
