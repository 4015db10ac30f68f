// `jcsh-pty trace TRACE`: play a shell-lab trace, print the transcript, optionally compare.

import { compareSides, renderComparison, type Side } from './compare.js';
import { launchOptions, promptsOf, readInput, shellsOf } from './inputs.js';
import { isSimulated } from './target.js';
import type { CliIo } from './io.js';
import type { Command } from './options.js';
import { parseTrace } from './trace-parse.js';
import { renderTranscript, runTrace, type TraceOutcome } from './trace-run.js';

const DEFAULT_TIMEOUT_MS = 10000;

function failureText(file: string, outcome: TraceOutcome): string {
  const f = outcome.failure;
  if (f === null) return '';
  return `\n${file}:${f.line}: ${f.item}: failed with ${outcome.label}\n${f.report}\n`;
}

function side(outcome: TraceOutcome): Side {
  return { label: outcome.label, text: renderTranscript(outcome).trimEnd(), pids: outcome.pids };
}

export async function commandTrace(command: Extract<Command, { kind: 'trace' }>, io: CliIo): Promise<number> {
  const items = parseTrace(readInput(command.file), command.file);
  const launch = launchOptions(command.options, DEFAULT_TIMEOUT_MS);
  const shells = shellsOf(command.options, launch);
  const outcomes: TraceOutcome[] = [];
  for (const spec of shells) outcomes.push(await runTrace(items, spec, { launch, signalShell: command.signalShell, typeAhead: command.typeAhead }));
  const failed = outcomes.some((o) => o.failure !== null);
  const [first, second] = outcomes;
  if (second === undefined) {
    io.out(renderTranscript(first!));
    io.out(failureText(command.file, first!));
    return failed ? 1 : 0;
  }
  for (const outcome of outcomes) io.out(failureText(command.file, outcome));
  const a = side(first!);
  const b = side(second);
  const comparison = compareSides(a, b, promptsOf(launch), shells.some(isSimulated));
  io.out(renderComparison(comparison, a, b));
  return failed || !comparison.equal ? 1 : 0;
}
