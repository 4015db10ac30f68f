// Arithmetic expansion cost: 100,000 evaluations of `i=$((i+1))`, through the evaluator
// alone and through word expansion (parse of the word once, expansion each time), against
// bash running the same assignments in a loop. Usage: npm run compile && node bench/arith.mjs
// (jcsh -c has no loop executor yet, so no end-to-end figure here).

import { execFileSync } from 'node:child_process';
import { evaluateArith } from '../dist/lang/arith/evaluate.js';
import { expandWord } from '../dist/lang/expand.js';
import { parse } from '../dist/lang/parser.js';

const N = 100_000;

function timed(label, fn) {
  const t0 = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label}: ${ms.toFixed(1)} ms`);
  return ms;
}

function evaluatorAlone() {
  const vars = new Map([['i', '0']]);
  const env = { get: (n) => vars.get(n), set: (n, v) => vars.set(n, v) };
  for (let k = 0; k < N; k++) vars.set('i', String(evaluateArith('i+1', env)));
  if (vars.get('i') !== String(N)) throw new Error('wrong count');
}

async function throughExpansion() {
  const vars = new Map([['i', '0']]);
  const ctx = {
    get: (n) => vars.get(n), set: (n, v) => vars.set(n, v), positional: () => [],
    commandSubstitution: async () => '', home: () => null, readdir: () => null, cwd: () => '/', noglob: () => false, nounset: () => false,
  };
  const word = parse('i=$((i+1))').items[0].first.commands[0].assignments[0].value;
  for (let k = 0; k < N; k++) vars.set('i', await expandWord(word, ctx));
  if (vars.get('i') !== String(N)) throw new Error('wrong count');
}

timed('evaluator alone, 100k i+1', evaluatorAlone);
const t0 = process.hrtime.bigint();
await throughExpansion();
console.log(`expandWord of i=$((i+1)), 100k: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);
const loop = `i=0; n=0; while [ $n -lt ${N} ]; do n=$((n+1)); i=$((i+1)); done`;
const empty = `i=0; n=0; while [ $n -lt ${N} ]; do n=$((n+1)); done`;
// the machine is shared: the best of three runs of each
const best = (script) => Math.min(...[0, 1, 2].map(() => timed('  bash run', () => execFileSync('bash', ['--norc', '-c', script]))));
const full = best(loop);
const base = best(empty);
console.log(`bash loop with i=$((i+1)): ${full.toFixed(0)} ms, without it: ${base.toFixed(0)} ms`);
console.log(`bash's own cost of 100k i=$((i+1)): about ${(full - base).toFixed(0)} ms`);
