// Property: for random expressions built from the whole operator table over small integers
// and two variables, the evaluator gives what bash gives for $((…)): the value, the variables
// afterwards, or the error message. bash runs once, each expression in its own subshell.

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArithError } from '../../src/lang/arith/error.js';
import { evaluateArith } from '../../src/lang/arith/evaluate.js';
import { bashVersion, REFERENCE_BASH } from '../helpers/tools.js';

const BINARY = ['+', '-', '*', '/', '%', '**', '<<', '>>', '<', '<=', '>', '>=', '==', '!=', '&', '^', '|', '&&', '||', ','];
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|='];
const VARS = { x: '3', y: '-2' };

const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 20 }).map(String),
    fc.constantFrom('x', 'y', '0x1f', '010', '2#101', '9223372036854775807'),
    fc.tuple(tie('e'), fc.constantFrom(...BINARY), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '+', '!', '~'), tie('e')).map(([op, a]) => `${op}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(fc.constantFrom('x', 'y'), fc.constantFrom(...ASSIGN), tie('e')).map(([v, op, a]) => `${v} ${op} (${a})`),
    fc.tuple(fc.constantFrom('x', 'y'), fc.constantFrom('++', '--'), fc.boolean()).map(([v, op, pre]) => (pre ? `${op}${v}` : `${v}${op}`)),
  ),
})).e;

function jcsh(src: string): string {
  const vars = new Map(Object.entries(VARS));
  try {
    const value = evaluateArith(src, { get: (n) => vars.get(n), set: (n, v) => void vars.set(n, v) });
    return `${value} ${vars.get('x')} ${vars.get('y')}`;
  } catch (e) {
    if (e instanceof ArithError) return `ERR ${e.message}`;
    throw e;
  }
}

function bash(sources: readonly string[]): string[] {
  // an arithmetic error ends only the subshell; its message, prefix dropped, is the answer
  const script = sources
    .map((s) => `(x=${VARS.x} y=${VARS.y}; r=$((${s})); echo "$r $x $y") 2>&1`)
    .join('\n');
  const r = spawnSync('bash', ['--norc', '-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
  return r.stdout.split('\n').slice(0, sources.length).map((line) => line.replace(/^bash: line \d+: /, 'ERR '));
}

const haveBash = bashVersion() === REFERENCE_BASH;

describe('the evaluator against bash', () => {
  it.skipIf(!haveBash)('agrees on random expressions (bash 5.2 on PATH)', () => {
    const seed = Date.now();
    const sources = fc.sample(expression, { numRuns: 400, seed });
    const expected = bash(sources);
    const differences = sources.flatMap((s, i) => (jcsh(s) === expected[i] ? [] : [{ s, jcsh: jcsh(s), bash: expected[i] }]));
    expect(differences, `seed ${seed}`).toEqual([]);
    // the sample is worth something only if it has values and errors of every kind
    expect(expected.filter((line) => line.startsWith('ERR')).length).toBeGreaterThan(10);
    expect(new Set(expected).size).toBeGreaterThan(100);
  });
});
