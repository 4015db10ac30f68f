// Comparing two runs of the same script or trace: normalize both transcripts, diff them.

import type { Pattern } from '../match.js';
import { unifiedDiff } from './diff.js';
import { normalizeTranscript } from './normalize.js';

/** One side of a comparison. */
export interface Side {
  readonly label: string;
  readonly text: string;
  readonly pids: ReadonlySet<number>;
}

export interface Comparison {
  readonly equal: boolean;
  /** `diff -u` of the normalized transcripts ('' when equal). */
  readonly diff: string;
  readonly normalized: readonly [string, string];
}

/**
 * Diff `a` and `b` after normalizing each with its own pids and the given prompts; `strict`
 * replaces pids only where pids stand (see NormalizeOptions), as a simulated side needs.
 */
export function compareSides(a: Side, b: Side, prompts: readonly Pattern[], strict = false): Comparison {
  const left = normalizeTranscript(a.text, { pids: a.pids, prompts, strict });
  const right = normalizeTranscript(b.text, { pids: b.pids, prompts, strict });
  const [labelA, labelB] = a.label === b.label ? [`${a.label} (1st run)`, `${b.label} (2nd run)`] : [a.label, b.label];
  const diff = unifiedDiff(left.split('\n'), right.split('\n'), labelA, labelB);
  return { equal: diff === '', diff, normalized: [left, right] };
}

/** The lines printed after a comparison. */
export function renderComparison(comparison: Comparison, a: Side, b: Side): string {
  if (comparison.equal) return `Normalized transcripts are equal: ${a.label} | ${b.label}\n`;
  return `Normalized transcripts differ (- ${a.label}, + ${b.label}):\n${comparison.diff}`;
}
