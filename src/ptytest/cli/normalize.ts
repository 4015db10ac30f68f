// Making two shells' transcripts comparable: pids become <pid1>, <pid2>… in order of first
// appearance, prompts become <prompt>, and runs of blanks in job lines fold to one.

import type { Pattern } from '../match.js';
import { escapeRegExp } from './regexp.js';

export interface NormalizeOptions {
  /** Pids and process-group ids known to have existed in the session. */
  readonly pids: ReadonlySet<number>;
  /** Prompts to replace at the start of a line. */
  readonly prompts: readonly Pattern[];
  /**
   * Replace known pids only where a pid stands (job lines, `jobs -l`, tsh's `(pid)`, a line
   * that is one number, a `ps` row), not anywhere. For a simulated kernel, whose pids are
   * small (100, 101, …) and so equal to statuses and to numbers typed in commands.
   */
  readonly strict?: boolean;
}

/** Places where a number is a pid whatever the sampler saw: tsh's `(pid)`, bash's `[n] pid` and `jobs -l`. */
const PID_CONTEXTS: readonly RegExp[] = [
  /^\[\d+\] \((\d+)\)/, // tsh: [1] (1234) cmd, [1] (1234) Running cmd
  /^(?:\^.)?Job \[\d+\] \((\d+)\)/, // tsh: Job [1] (1234) stopped by signal 20, after the echoed ^Z
  /^\[\d+\] (\d+)$/, // bash: [1] 1234
  /^\[\d+\][+\- ]? +(\d+) /, // bash jobs -l: [1]+  1234 Running … (pid in %5d)
  /^ +(\d+) +\| /, // bash jobs -l, later pipeline members
  /^\S+: wait: warning: job \d+\[(\d+)\] stopped/, // bash/jcsh: wait with stopped jobs
];

/** Where a known pid stands in strict mode, beyond the contexts above: every group of these. */
const STRICT_PLACES: readonly RegExp[] = [
  /^(\d+)$/, // echo $!, echo $$, jobs -p, pgrp
  /^[RSDTZ][a-zA-Z+<]* +(\d+) +(\d+) +\S+$/, // ps -o stat=,pid=,ppid=,comm=
];

/** Job lines, whose status column is padded to a width that differs between shells. */
const JOB_LINE = /^(\[\d+\]|Job \[\d+\]| +\d+ +\| )/;

function promptRegex(prompt: Pattern): RegExp {
  if (typeof prompt === 'string') return new RegExp(`^(?:${escapeRegExp(prompt)})`);
  return new RegExp(`^(?:${prompt.source})`, prompt.flags.replace(/[gymd]/g, ''));
}

/** Replace leading prompts (screens trim the blank a prompt ends with, so compare with one added). */
function normalizePrompt(line: string, prompts: readonly RegExp[]): string {
  const padded = `${line} `;
  for (const prompt of prompts) {
    const found = prompt.exec(padded);
    if (found && found[0].length > 0) return `<prompt> ${padded.slice(found[0].length)}`.trimEnd();
  }
  return line;
}

function contextPids(lines: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (const line of lines) {
    for (const context of PID_CONTEXTS) {
      const match = context.exec(line);
      if (match) found.add(Number(match[1]));
    }
  }
  return found;
}

/** Normalize `text` for comparison with another shell's transcript of the same script. */
export function normalizeTranscript(text: string, options: NormalizeOptions): string {
  const prompts = options.prompts.map(promptRegex);
  const lines = text.split('\n').map((line) => normalizePrompt(line.trimEnd(), prompts));
  const pids = new Set([...options.pids, ...contextPids(lines)]);
  const names = new Map<string, string>();
  // Strict mode replaces only where a pid stands, so there any number is one, seen by the
  // sampler or not (a `ps` that came and went between two samples).
  const placeholder = (digits: string): string => {
    if (!options.strict && !pids.has(Number(digits))) return digits;
    if (!names.has(digits)) names.set(digits, `<pid${names.size + 1}>`);
    return names.get(digits)!;
  };
  const places = [...PID_CONTEXTS, ...STRICT_PLACES];
  const replace = (line: string): string => {
    if (!options.strict) return line.replace(/(?<![\w.%-])\d+(?![\w.])/g, placeholder);
    const at = pidPlaces(line, places);
    return line.replace(/(?<![\w.%-])\d+(?![\w.])/g, (digits, offset: number) => (at.has(offset) ? placeholder(digits) : digits));
  };
  // A simulated kernel's pids are shorter than Linux's: where one was replaced, the padding
  // around it (ps columns, `jobs -l`) says nothing and is folded too.
  const fold = (line: string): string => (options.strict && line.includes('<pid') ? line.replace(/ {2,}/g, ' ').replace(/^ /, '') : line);
  return lines
    .map((line) => (JOB_LINE.test(line) ? line.replace(/ {2,}/g, ' ') : line))
    .map(replace)
    .map(fold)
    .join('\n');
}

/** The offsets in `line` where the groups of `contexts` put a pid. */
function pidPlaces(line: string, contexts: readonly RegExp[]): Set<number> {
  const offsets = new Set<number>();
  for (const context of contexts) {
    const match = new RegExp(context.source, `${context.flags.replace('d', '')}d`).exec(line);
    const indices = match?.indices;
    if (indices) for (let g = 1; g < indices.length; g++) if (indices[g]) offsets.add(indices[g]![0]);
  }
  return offsets;
}
