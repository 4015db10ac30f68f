// The sixteen shell-lab traces of test/traces, played by `jcsh-pty trace` into bash: the
// reference for what the traces mean. bash's messages are not tsh's, so these check process
// states and bash's own job lines.

import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bashVersion, REFERENCE_BASH } from '../helpers/tools.js';
import { BASH, BASH_QUIT, cli, IN_HELPERS_DIR, tempFile } from './cli-support.js';
import { bashJob, line, outputsOf, PS_PROGRAM, psStates, runTrace } from './trace-support.js';

/** Traces 11–13 look at their processes with procps' ps; without it they cannot be checked. */
const hasPs = existsSync(PS_PROGRAM);
const withPs = (name: string): string => (hasPs ? name : `${name} (skipped: ${PS_PROGRAM} from procps is not installed)`);

/** The error messages quoted below are bash 5.2's; other versions word some differently. */
const bashHere = bashVersion();
const isReference = bashHere === REFERENCE_BASH;
const withReference = (name: string): string => (isReference ? name : `${name} (skipped: bash here is ${bashHere ?? 'missing'}, the messages are bash ${REFERENCE_BASH}'s)`);

/** Play trace NN into bash (which gets a `quit` function); the run itself must succeed. */
async function bash(number: string): Promise<string> {
  const r = await runTrace(number, BASH, BASH_QUIT);
  expect(r.err).toBe('');
  expect(r.status, r.out).toBe(0);
  return r.out;
}

describe.concurrent('shell-lab traces against bash', () => {
  test('trace01: EOF (CLOSE) ends the shell with status 0', async () => {
    const out = await bash('01');
    expect(out).toMatch(line('exit'));
    expect(out).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace02: quit ends the shell', async () => {
    expect(await bash('02')).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace03: a foreground job runs, then quit', async () => {
    const out = await bash('03');
    expect(out).toMatch(line('hello from a foreground job'));
    expect(out).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace04: a background job is announced and the prompt returns', async () => {
    const out = await bash('04');
    expect(out).toMatch(line('[1] <pid>'));
    expect(out.trimEnd().endsWith('pty$')).toBe(true);
  });

  test('trace05: jobs lists two running background jobs', async () => {
    const out = await bash('05');
    expect(out).toMatch(line('[2] <pid>'));
    expect(out).toMatch(bashJob(1, '-', 'Running', './spin 20 &'));
    expect(out).toMatch(bashJob(2, '+', 'Running', './spin 30 &'));
  });

  test('trace06: ^C ends the foreground job', async () => {
    const out = await bash('06');
    expect(out).toMatch(line('^C'));
    expect(outputsOf(out, 'jobs')).toEqual([[]]);
  });

  test('trace07: ^C ends only the foreground job', async () => {
    const out = await bash('07');
    expect(outputsOf(out, 'jobs')).toEqual([['[1]+  Running                 ./spin 40 &']]);
  });

  test('trace08: ^Z stops only the foreground job', async () => {
    const out = await bash('08');
    expect(out).toMatch(line('^Z'));
    const [jobs] = outputsOf(out, 'jobs');
    expect(jobs).toHaveLength(2);
    expect(jobs!.join('\n')).toMatch(bashJob(1, '-', 'Running', './spin 40 &'));
    expect(jobs!.join('\n')).toMatch(bashJob(2, '+', 'Stopped', './spin 50'));
  });

  test('trace09: bg %2 resumes the stopped job in the background', async () => {
    const out = await bash('09');
    expect(outputsOf(out, 'bg %2')).toEqual([['[2]+ ./spin 50 &']]);
    const last = outputsOf(out, 'jobs').at(-1)!.join('\n');
    expect(last).toMatch(bashJob(1, '-', 'Running', './spin 40 &'));
    expect(last).toMatch(bashJob(2, '+', 'Running', './spin 50 &'));
  });

  test('trace10: fg %1 brings a background job to the foreground; ^Z; fg %1 runs it to its end', async () => {
    const out = await bash('10');
    const [stopped, finished] = outputsOf(out, 'fg %1');
    expect(stopped!.join('\n')).toMatch(bashJob(1, '+', 'Stopped', './spin 5'));
    expect(finished).toEqual(['./spin 5']);
    expect(outputsOf(out, 'jobs').at(-1)).toEqual([]);
  });

  test.skipIf(!hasPs)(withPs('trace11: ^C reaches both processes of split'), async () => {
    expect(psStates(await bash('11'), 'split')).toEqual([[]]);
  });

  test.skipIf(!hasPs)(withPs('trace12: ^Z stops both processes of split'), async () => {
    const out = await bash('12');
    expect(outputsOf(out, 'jobs')).toEqual([['[1]+  Stopped                 ./split 40']]);
    expect(psStates(out, 'split')).toEqual([['T', 'T']]);
  });

  test.skipIf(!hasPs)(withPs('trace13: fg %1 continues both stopped processes, which then finish'), async () => {
    expect(psStates(await bash('13'), 'split')).toEqual([['T', 'T'], []]);
  });

  test.skipIf(!isReference)(withReference('trace14: errors of fg, bg and commands (bash wording)'), async () => {
    const out = await bash('14');
    for (const message of ['bash: ./bogus: No such file or directory', 'bash: fg: current: no such job', 'bash: bg: current: no such job',
      'bash: fg: a: no such job', 'bash: bg: a: no such job', 'bash: fg: 9999999: no such job', 'bash: bg: 9999999: no such job',
      'bash: fg: %2: no such job', 'bash: bg: %2: no such job', '[1]+ ./spin 40 &']) {
      expect(out).toMatch(line(message));
    }
    expect(out).toMatch(bashJob(1, '+', 'Stopped', './spin 40'));
    expect(outputsOf(out, 'jobs')).toEqual([['[1]+  Running                 ./spin 40 &']]);
  });

  test.skipIf(!isReference)(withReference('trace15: all together'), async () => {
    const out = await bash('15');
    expect(out).toMatch(line('bash: ./bogus: No such file or directory'));
    expect(out).toMatch(line('bash: bg: %3: no such job'));
    const jobs = outputsOf(out, 'jobs').map((block) => block.join('\n'));
    expect(jobs[1]).toMatch(bashJob(1, '+', 'Stopped', './spin 5'));
    expect(jobs[2]).toMatch(bashJob(1, '-', 'Running', './spin 5 &'));
    expect(out).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace16: a job stopping itself with SIGTSTP is Stopped; one sending itself SIGINT dies', async () => {
    const out = await bash('16');
    expect(outputsOf(out, './selfstop 2')).toEqual([['', '[1]+  Stopped                 ./selfstop 2']]);
    expect(outputsOf(out, 'jobs')).toEqual([['[1]+  Stopped                 ./selfstop 2']]);
    expect(outputsOf(out, './selfint 2')).toEqual([['']]);
  });
});

describe('INT as a key or as a signal to the shell (--signal-shell)', () => {
  const trace = tempFile('int.txt', `sh -c 'trap "echo got INT; exit 0" INT; sleep 2 & wait'\nSLEEP 0.5\nINT\n`);

  test('as ^C it reaches the foreground job', async () => {
    const r = await cli(['trace', trace, '--shell', BASH, ...IN_HELPERS_DIR]);
    expect(r.out).toMatch(/^(\^C)?got INT$/m);
    expect(r.status).toBe(0);
  });

  test('as a signal to its pid bash does not forward it: the job runs to its end', async () => {
    const r = await cli(['trace', trace, '--shell', BASH, '--signal-shell', ...IN_HELPERS_DIR]);
    expect(r.out).not.toMatch(/^(\^C)?got INT$/m);
    expect(r.out).not.toContain('^C');
    expect(r.status).toBe(0);
  });
});
