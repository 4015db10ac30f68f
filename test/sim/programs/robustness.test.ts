// No simulated program crashes (a JavaScript exception, which the kernel turns into SIGSEGV and
// a "crash" event) whatever its arguments: bad input gets one complaint and a status, as the
// real tools do.

import { expect, it } from 'vitest';
import { BY_NAME, PROGRAMS } from '../../../src/os/sim/programs/index.js';
import type { Program } from '../../../src/os/sim/types.js';
import { type Ran, run } from './run.js';

const ARGS: readonly (readonly string[])[] = [[], ['--'], ['-'], ['-x'], ['--bogus'], ['', ''], ['1', '2', '3', '4'], ['-n'], ['-l', ''], ['j', 'x']];
const SH_LINES = [
  'echo "unterminated', '> ', '&&', 'exec', 'trap', 'kill -l 999', '${', 'echo $1 ${#}', 'read', 'wait 999', 'cd /nonexistent',
  'case', 'case x in', 'f()', 'f() { return x; }; f', 'return', 'break 0', 'for', 'for x in; do done', 'if', 'while :; do break 9; done',
  'echo $((', 'echo $((1 +* 2))', 'echo ${x:?}', '[ 1 -lt ]', 'test ! ! !', 'set --', '( ( (', '{ }', ')',
];

// yes has no end by design.
const NAMES = [...BY_NAME.keys()].filter((n) => n !== 'yes');

const crashOf = (r: Ran) => r.events.find((e) => e.kind === 'syscall' && e.call === 'crash');

it('sees a crash when a program throws (the check below can fail)', async () => {
  const broken: Program = function* () {
    throw new Error('boom');
  };
  const r = await run(['/bin/broken'], { programs: new Map([...PROGRAMS, ['/bin/broken', broken]]) });
  expect(crashOf(r)).toBeDefined();
});

it.each(NAMES)('%s survives odd arguments without crashing', async (name) => {
  const argLists = name === 'sh' ? [...ARGS, ...SH_LINES.map((l) => ['-c', l])] : ARGS;
  for (const args of argLists) {
    const r = await run([`/bin/${name}`, ...args], { input: '\x04\x04\x04\x04' });
    const crash = crashOf(r);
    expect(crash === undefined ? null : { args, crash }).toBeNull();
  }
});
