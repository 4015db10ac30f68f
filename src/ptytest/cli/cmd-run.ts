// `jcsh-pty run SCRIPT`: run a scenario script, print the step report, optionally compare.

import { describeExit } from '../errors.js';
import { compareSides, renderComparison, type Side } from './compare.js';
import { launchOptions, promptsOf, readInput, shellsOf } from './inputs.js';
import { isSimulated } from './target.js';
import type { CliIo } from './io.js';
import type { Command } from './options.js';
import { passed, renderReport } from './report.js';
import { parseScript } from './script-parse.js';
import { runScript, type ScriptOutcome } from './script-run.js';

const DEFAULT_TIMEOUT_MS = 5000;

function side(outcome: ScriptOutcome): Side {
  const exit = outcome.exit ? `\n[the shell ${describeExit(outcome.exit)}]` : '';
  return { label: outcome.label, text: outcome.terminal + exit, pids: outcome.pids };
}

function transcriptBlock(outcome: ScriptOutcome): string {
  return `\nTranscript (${outcome.label}):\n${outcome.terminal.replace(/^/gm, '  | ')}\n`;
}

export async function commandRun(command: Extract<Command, { kind: 'run' }>, io: CliIo): Promise<number> {
  const steps = parseScript(readInput(command.file), command.file);
  const launch = launchOptions(command.options, DEFAULT_TIMEOUT_MS);
  const shells = shellsOf(command.options, launch);
  const outcomes: ScriptOutcome[] = [];
  for (const [index, spec] of shells.entries()) {
    const outcome = await runScript(steps, spec, launch);
    outcomes.push(outcome);
    io.out(`${index > 0 ? '\n' : ''}${renderReport(command.file, outcome)}`);
    if (command.transcript) io.out(transcriptBlock(outcome));
  }
  const allPassed = outcomes.every(passed);
  const [first, second] = outcomes;
  if (second === undefined) return allPassed ? 0 : 1;
  const a = side(first!);
  const b = side(second);
  const comparison = compareSides(a, b, promptsOf(launch), shells.some(isSimulated));
  io.out(`\n${renderComparison(comparison, a, b)}`);
  return allPassed && comparison.equal ? 0 : 1;
}
