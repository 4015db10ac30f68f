// Torture: the parsers against generated input (fast-check). Whatever the text, parsing either
// gives a tree or throws the language's SyntaxError with a one-line message: no other
// exception, no hang. A sample of the rejected inputs then goes through the real shell
// (`jcsh -c`): one line on stderr, `jcsh: -c: line N: ...`, nothing on stdout, status 2, as
// bash. Only rejected inputs are run, so nothing generated is ever executed.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyntaxError as ShellSyntaxError } from '../../src/lang/ast.js';
import { parse, parseTsh } from '../../src/lang/index.js';
import { JCSH } from '../e2e/harness.js';
import { budget, scale } from './scale.js';

const INPUTS = scale(20_000, 1_000_000);
const THROUGH_SHELL = scale(12, 300);

/** Pieces of shell syntax, so that generated text reaches deep into the grammar. */
const TOKENS = [
  'echo', 'a', 'b', 'x=1', '$x', '$?', '$$', '${x}', '${x:-y}', '${x=}', '${', '${#x}', '$(', '$((', ')',
  '`', "'", '"', '\\', '|', '||', '&&', '&', ';', ';;', '\n', ' ', '\t', '<', '>', '>>', '2>&1', '<&-', '>|',
  '{', '}', '(', '$', '#', '*', '?', '[', ']', '!', '~', '~root', 'if', 'then', 'fi', 'for', 'in', 'do',
  'done', 'case', 'esac', '=', '%1', '%+', 'fg', 'bg', 'jobs', '\u00e9', '\u{1F600}', '\0', '\r',
];

const shellText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** What a parser does with `text`: a tree, or a SyntaxError with its one-line message. */
function outcome(parser: (text: string) => unknown, text: string): 'ok' | string {
  try {
    parser(text);
    return 'ok';
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return e.message;
  }
}

const run = promisify(execFile);

describe('torture: parser fuzzing', () => {
  const rejected = new Set<string>();

  it.each([['bash', parse], ['tsh', parseTsh]] as const)(
    `${INPUTS} generated inputs: the %s parser returns a tree or a one-line SyntaxError`,
    (_, parser) => {
      fc.assert(
        fc.property(shellText, (text) => {
          const result = outcome(parser, text);
          if (result === 'ok') return true;
          if (parser === parse && rejected.size < 10 * THROUGH_SHELL) rejected.add(text);
          return result.length > 0 && !result.includes('\n');
        }),
        { numRuns: INPUTS },
      );
    },
    budget(20_000, 600_000),
  );

  it(`${THROUGH_SHELL} rejected inputs through jcsh -c: one-line errors on stderr, the syntax error last, status 2`, async () => {
    // The parser tests above collected rejected inputs; run alone, this test finds its own.
    // argv cannot carry a NUL, so those are left out.
    const usable = (t: string) => !t.includes('\0') && outcome(parse, t) !== 'ok';
    while ([...rejected].filter(usable).length < THROUGH_SHELL) {
      for (const t of fc.sample(shellText, 1000)) if (usable(t)) rejected.add(t);
    }
    const sample = [...rejected].filter(usable).slice(0, THROUGH_SHELL);
    const check = async (text: string) => {
      // Parsed as it runs (XCU 2.10): the commands before the error run, so in a directory of their own.
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-fuzz-'));
      const r = await run(process.execPath, [JCSH, '-c', text], { encoding: 'utf8', timeout: 10_000, cwd })
        .then(() => ({ code: 0, stdout: '', stderr: '' }))
        .catch((e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
      // Every error is one line of the shell's (a quoted line may hold newlines of the input),
      // and the run ends with the syntax error's status.
      expect.soft(r, JSON.stringify(text)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^jcsh: [^]*\n$/) });
      expect.soft(r.stderr, JSON.stringify(text)).toMatch(/(^|\n)jcsh: -c: line \d+: [^\n]+\n(jcsh: -c: line \d+: `[^]*'\n)?$/);
      expect.soft(r.stderr, JSON.stringify(text)).not.toMatch(/internal error|a bug in jcsh|\n\s+at /);
      fs.rmSync(cwd, { recursive: true, force: true });
    };
    // Two at a time: the machine has two cores.
    for (let i = 0; i < sample.length; i += 2) await Promise.all(sample.slice(i, i + 2).map(check));
  }, budget(30_000, 600_000));
});
