// Script benchmarks: the same script run by jcsh, bash and dash, interleaved round by round
// so that a busy moment of the machine hits every shell alike.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, scriptShells, timeRun } from './shells.mjs';

/**
 * Runs `text` as a script file with each shell `rounds` times (after one warm-up run each).
 * `inputs` are files written beside the script first (name -> content); `text` may then be a
 * function of the directory that holds them.
 * Returns { rows: [{ name, wallMs, cpuMs, walls, cpus }], missing }.
 */
export function benchScript(text, rounds, inputs = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-bench-'));
  const script = path.join(dir, 'bench.sh');
  for (const [name, content] of Object.entries(inputs)) fs.writeFileSync(path.join(dir, name), content);
  fs.writeFileSync(script, typeof text === 'function' ? text(dir) : text);
  const { found, missing } = scriptShells();
  const runs = Object.fromEntries(found.map((s) => [s.name, []]));
  try {
    for (const s of found) timeRun(s.argv(script));
    for (let r = 0; r < rounds; r++) for (const s of found) runs[s.name].push(timeRun(s.argv(script)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows = found.map((s) => {
    const walls = runs[s.name].map((x) => x.wallMs);
    const cpus = runs[s.name].map((x) => x.cpuMs);
    return { name: s.name, wallMs: median(walls), cpuMs: median(cpus), walls, cpus };
  });
  return { rows, missing };
}

/** 2000 sequential /bin/true. */
export const sequentialTrue = (n) => '/bin/true\n'.repeat(n);

/** n background `true` then one `wait`. */
export const backgroundTrue = (n) => `${'true &\n'.repeat(n)}wait\n`;

/**
 * The language benchmark of issue 14: n iterations of a while loop with a test, arithmetic
 * expansions, assignments and a case, all done by the shell itself (no process is started).
 */
export const loopScript = (n) => `i=0 n=0 odd=0
while [ $n -lt ${n} ]; do
  n=$((n + 1))
  case $((n % 3)) in
    0) i=$((i + 2)) ;;
    1|2) odd=$((odd + 1)) ;;
  esac
done
echo "$n $i $odd"
`;

/** n lines of text, the input of readScript. */
export const readInput = (n) => Array.from({ length: n }, (_, i) => `line ${i + 1} of the input file\n`).join('');

/**
 * `read` in a loop over a file (the file readInput made, in `dir`): one line per `read`, the
 * rest left in the file for the next, as every shell must do it.
 */
export const readScript = (dir) => `n=0
while read -r line; do
  n=$((n + 1))
done < '${dir}/input.txt'
echo "$n"
`;

/** n `echo`s in a loop whose output goes down a pipe (to cat, to /dev/null). */
export const echoScript = (n) => `i=0
while [ $i -lt ${n} ]; do
  echo "line $i of the output"
  i=$((i + 1))
done | cat >/dev/null
`;
