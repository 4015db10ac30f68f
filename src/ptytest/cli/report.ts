// The readable report of a script run: one line per step with ✓ or ✗, then the failing
// step's full report.

import { describeExit } from '../errors.js';
import type { ScriptOutcome, StepResult } from './script-run.js';

const SOURCE_WIDTH = 40;

function stepLine(result: StepResult): string {
  const mark = result.ok ? '✓' : '✗';
  const head = `  ${mark} ${String(result.step.line).padStart(4)}  `;
  const time = result.ms >= 100 || !result.ok ? `  (${result.ms} ms)` : '';
  const detail = result.detail;
  if (detail === undefined) return `${head}${result.step.source}${time}`;
  // A multi-line detail (the screen of `show`) goes under the step, indented.
  if (detail.includes('\n')) return `${head}${result.step.source}${time}${detail.replace(/\n/g, '\n      ')}`;
  return `${head}${result.step.source.padEnd(SOURCE_WIDTH)}  → ${detail}${time}`;
}

/** True when every step ran and passed. */
export function passed(outcome: ScriptOutcome): boolean {
  return outcome.notRun === 0 && outcome.results.every((r) => r.ok);
}

/** The whole report for one run of `file`. */
export function renderReport(file: string, outcome: ScriptOutcome): string {
  const lines = [`${file}: ${outcome.label} (pid ${outcome.pid})`, ...outcome.results.map(stepLine)];
  const failed = outcome.results.find((r) => !r.ok);
  const count = outcome.results.length + outcome.notRun;
  if (failed) {
    if (outcome.notRun > 0) lines.push(`  · ${outcome.notRun} more step${outcome.notRun === 1 ? '' : 's'} not run`);
    lines.push('', `${file}:${failed.step.line}: ${failed.step.source}: failed`, failed.error ?? '', '');
    const ok = outcome.results.filter((r) => r.ok).length;
    lines.push(`FAILED at line ${failed.step.line}: ${ok} of ${count} steps passed.`);
  } else {
    lines.push(`PASSED: ${count} step${count === 1 ? '' : 's'}.`);
  }
  if (outcome.exit) lines.push(`(the shell ${describeExit(outcome.exit)})`);
  return `${lines.join('\n')}\n`;
}
