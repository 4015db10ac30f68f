// Judging outcomes against a case's expectations, the known-failures list, and the table of
// pass counts per area.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Case, Expectation } from './format.js';
import type { Outcome, Outcomes, ShellName } from './run.js';
import { SHELL_NAMES } from './run.js';

export const KNOWN_FAILURES = join(import.meta.dirname, 'known-failures.txt');

/**
 * What `shell` must produce for `c`: dash's own when the case says dash differs, else bash's;
 * jcsh's is bash's unless the case says jcsh follows dash.
 */
export function expectationFor(c: Case, shell: ShellName): Expectation {
  const dashs = shell === 'dash' || (shell === 'jcsh' && c.jcshFollowsDash !== null);
  return dashs && c.dash ? c.dash.expect : c.expect;
}

/** Why `outcome` misses `want`, or null when it meets it. */
export function mismatch(want: Expectation, outcome: Outcome): string | null {
  const problems: string[] = [];
  if (outcome.timedOut) problems.push('timed out');
  if (outcome.stdout !== want.stdout) problems.push(`stdout ${JSON.stringify(outcome.stdout)}, expected ${JSON.stringify(want.stdout)}`);
  if (outcome.status !== want.status) problems.push(`status ${outcome.status}, expected ${want.status}`);
  if (want.stderrContains !== null && !outcome.stderr.includes(want.stderrContains)) {
    problems.push(`stderr lacks ${JSON.stringify(want.stderrContains)}`);
  }
  if (problems.length === 0) return null;
  const stderr = outcome.stderr.trim() === '' ? '' : `\n  stderr: ${outcome.stderr.trim().split('\n').slice(0, 4).join('\n          ')}`;
  return problems.join('; ') + stderr;
}

export function passes(c: Case, shell: ShellName, outcome: Outcome): boolean {
  return mismatch(expectationFor(c, shell), outcome) === null;
}

/** The case names listed in known-failures.txt (comments and blank lines skipped). */
export function readKnownFailures(file = KNOWN_FAILURES): Set<string> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  return new Set(text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}

/** Rewrite known-failures.txt: the cases jcsh fails now, grouped by area. */
export function writeKnownFailures(cases: readonly Case[], outcomes: Outcomes, file = KNOWN_FAILURES): number {
  const lines = [
    '# Corpus cases jcsh fails today, one case title a line, grouped by area.',
    '# The corpus test fails if a case listed here passes on jcsh (the list only shrinks).',
    '# Regenerate with: npm run corpus -- --update-known',
  ];
  let count = 0;
  let area = '';
  for (const c of cases) {
    if (passes(c, 'jcsh', outcomes.get(c)!.jcsh)) continue;
    if (c.area !== area) {
      area = c.area;
      lines.push('', `# ${area}`);
    }
    lines.push(c.name);
    count++;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return count;
}

/** Per area: how many cases, how many each shell passes; a total row last. */
export function table(cases: readonly Case[], outcomes: Outcomes): string {
  const rows = new Map<string, { cases: number } & Record<ShellName, number>>();
  const total = { cases: 0, jcsh: 0, bash: 0, dash: 0 };
  for (const c of cases) {
    const row = rows.get(c.area) ?? { cases: 0, jcsh: 0, bash: 0, dash: 0 };
    row.cases++;
    total.cases++;
    for (const shell of SHELL_NAMES) {
      const outcome = outcomes.get(c)?.[shell];
      if (outcome && passes(c, shell, outcome)) {
        row[shell]++;
        total[shell]++;
      }
    }
    rows.set(c.area, row);
  }
  const width = Math.max(5, ...[...rows.keys()].map((k) => k.length));
  const line = (name: string, r: { cases: number } & Record<ShellName, number>): string =>
    `${name.padEnd(width)}  ${String(r.cases).padStart(5)}  ${String(r.jcsh).padStart(5)}  ${String(r.bash).padStart(5)}  ${String(r.dash).padStart(5)}`;
  const header = `${'area'.padEnd(width)}  cases   jcsh   bash   dash`;
  return [header, ...[...rows].map(([name, r]) => line(name, r)), line('total', total)].join('\n');
}
