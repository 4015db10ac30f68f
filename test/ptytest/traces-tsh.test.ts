// The sixteen shell-lab traces played into `jcsh --compat=tsh`, checked against the CMU
// reference shell's (tshref) messages as the conformance scenarios list them (§4).
// Tests marked [needs --compat=tsh] check tshref's wording and grammar and pass only with
// compat mode; the others check process states and hold for plain jcsh as well.

import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { CliResult } from './cli-support.js';
import { line, outputsOf, PS_PROGRAM, psStates, runTrace } from './trace-support.js';

/** Traces 11–13 look at their processes with procps' ps; without it they cannot be checked. */
const hasPs = existsSync(PS_PROGRAM);
const withPs = (name: string): string => (hasPs ? name : `${name} (skipped: ${PS_PROGRAM} from procps is not installed)`);

const TSH = 'jcsh --compat=tsh';
const runs = new Map<string, Promise<CliResult>>();

/** Play trace NN into jcsh --compat=tsh once, however many tests look at it. */
async function tsh(number: string, extra: readonly string[] = []): Promise<string> {
  const key = [number, ...extra].join(' ');
  if (!runs.has(key)) runs.set(key, runTrace(number, TSH, extra));
  const r = await runs.get(key)!;
  expect(r.err).toBe('');
  expect(r.status, r.out).toBe(0);
  return r.out;
}

/** A tshref message that follows the echoed ^C or ^Z on the same line (tsh prints no newline first). */
function afterKey(key: '^C' | '^Z', message: string): RegExp {
  return new RegExp(`^${key.replace('^', '\\^')}${line(message).source.slice(1)}`, 'm');
}

describe.concurrent('shell-lab traces against jcsh --compat=tsh', () => {
  test('trace01: EOF (CLOSE) ends the shell with status 0', async () => {
    expect(await tsh('01')).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace01: tsh prints nothing at EOF [needs --compat=tsh]', async () => {
    // bash prints `exit`; jcsh in bash mode prints it after the prompt.
    expect(await tsh('01')).not.toMatch(/^(?:(?:pty\$|tsh>) )?exit$/m);
  });

  test('trace02: quit ends the shell [needs --compat=tsh]', async () => {
    expect(await tsh('02')).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace03: a foreground job, then quit [needs --compat=tsh]', async () => {
    const out = await tsh('03');
    expect(outputsOf(out, '/bin/echo hello from a foreground job')).toEqual([['hello from a foreground job']]);
    expect(out).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace04: [1] (pid) cmdline for a background job [needs --compat=tsh]', async () => {
    expect(await tsh('04')).toMatch(line('[1] (<pid>) ./spin 1 &'));
  });

  test('trace05: jobs lists [jid] (pid) Running cmdline [needs --compat=tsh]', async () => {
    const out = await tsh('05');
    expect(outputsOf(out, './spin 30 &')).toEqual([[expect.stringMatching(line('[2] (<pid>) ./spin 30 &'))]]);
    const [jobs] = outputsOf(out, 'jobs');
    expect(jobs).toHaveLength(2);
    expect(jobs![0]).toMatch(line('[1] (<pid>) Running ./spin 20 &'));
    expect(jobs![1]).toMatch(line('[2] (<pid>) Running ./spin 30 &'));
  });

  test('trace06: ^C ends the foreground job; nothing is left', async () => {
    expect(outputsOf(await tsh('06'), 'jobs')).toEqual([[]]);
  });

  test('trace06: Job [1] (pid) terminated by signal 2 [needs --compat=tsh]', async () => {
    expect(await tsh('06')).toMatch(afterKey('^C', 'Job [1] (<pid>) terminated by signal 2'));
  });

  test('trace07: ^C ends only the foreground job [needs --compat=tsh]', async () => {
    const out = await tsh('07');
    expect(out).toMatch(afterKey('^C', 'Job [2] (<pid>) terminated by signal 2'));
    expect(outputsOf(out, 'jobs')).toEqual([[expect.stringMatching(line('[1] (<pid>) Running ./spin 40 &'))]]);
  });

  test('trace08: ^Z stops only the foreground job [needs --compat=tsh]', async () => {
    const out = await tsh('08');
    expect(out).toMatch(afterKey('^Z', 'Job [2] (<pid>) stopped by signal 20'));
    const [jobs] = outputsOf(out, 'jobs');
    expect(jobs).toHaveLength(2);
    expect(jobs![0]).toMatch(line('[1] (<pid>) Running ./spin 40 &'));
    expect(jobs![1]).toMatch(line('[2] (<pid>) Stopped ./spin 50'));
  });

  test('trace09: bg %2 prints [2] (pid) cmdline and the job runs [needs --compat=tsh]', async () => {
    const out = await tsh('09');
    expect(outputsOf(out, 'bg %2')).toEqual([[expect.stringMatching(line('[2] (<pid>) ./spin 50'))]]);
    expect(outputsOf(out, 'jobs').at(-1)![1]).toMatch(line('[2] (<pid>) Running ./spin 50'));
  });

  test('trace10: fg %1 is silent; ^Z; the job is Stopped; fg %1 runs it to its end [needs --compat=tsh]', async () => {
    const out = await tsh('10');
    const [stopped, finished] = outputsOf(out, 'fg %1');
    expect(stopped).toEqual([expect.stringMatching(afterKey('^Z', 'Job [1] (<pid>) stopped by signal 20'))]);
    expect(finished).toEqual([]);
    const jobs = outputsOf(out, 'jobs');
    expect(jobs[0]).toEqual([expect.stringMatching(line('[1] (<pid>) Stopped ./spin 5 &'))]);
    expect(jobs[1]).toEqual([]);
  });

  test.skipIf(!hasPs)(withPs('trace11: ^C reaches both processes of split'), async () => {
    expect(psStates(await tsh('11'), 'split')).toEqual([[]]);
  });

  test('trace11: Job [1] (pid) terminated by signal 2 [needs --compat=tsh]', async () => {
    expect(await tsh('11')).toMatch(afterKey('^C', 'Job [1] (<pid>) terminated by signal 2'));
  });

  test.skipIf(!hasPs)(withPs('trace12: ^Z stops both processes of split'), async () => {
    expect(psStates(await tsh('12'), 'split')).toEqual([['T', 'T']]);
  });

  test('trace12: stopped by signal 20, jobs says Stopped [needs --compat=tsh]', async () => {
    const out = await tsh('12');
    expect(out).toMatch(afterKey('^Z', 'Job [1] (<pid>) stopped by signal 20'));
    expect(outputsOf(out, 'jobs')).toEqual([[expect.stringMatching(line('[1] (<pid>) Stopped ./split 40'))]]);
  });

  test.skipIf(!hasPs)(withPs('trace13: fg %1 continues both processes, which then finish'), async () => {
    expect(psStates(await tsh('13'), 'split')).toEqual([['T', 'T'], []]);
  });

  test('trace13: fg %1 prints nothing [needs --compat=tsh]', async () => {
    expect(outputsOf(await tsh('13'), 'fg %1')).toEqual([[]]);
  });

  test('trace14: tshref\'s error messages; a bare number is a pid [needs --compat=tsh]', async () => {
    const out = await tsh('14');
    const expected: [string, string][] = [
      ['./bogus', './bogus: Command not found'],
      ['fg', 'fg command requires PID or %jobid argument'],
      ['bg', 'bg command requires PID or %jobid argument'],
      ['./spin 40 &', '[1] (<pid>) ./spin 40 &'],
      ['fg a', 'fg: argument must be a PID or %jobid'],
      ['bg a', 'bg: argument must be a PID or %jobid'],
      ['fg 9999999', '(9999999): No such process'],
      ['bg 9999999', '(9999999): No such process'],
      ['fg %2', '%2: No such job'],
      ['bg %2', '%2: No such job'],
      ['bg %1', '[1] (<pid>) ./spin 40 &'],
      ['jobs', '[1] (<pid>) Running ./spin 40 &'],
    ];
    for (const [command, message] of expected) {
      expect(outputsOf(out, command), command).toEqual([[expect.stringMatching(line(message))]]);
    }
    expect(outputsOf(out, 'fg %1')).toEqual([[expect.stringMatching(afterKey('^Z', 'Job [1] (<pid>) stopped by signal 20'))]]);
  });

  test('trace15: all together, as tshref.out shows it [needs --compat=tsh]', async () => {
    const out = await tsh('15');
    expect(outputsOf(out, './bogus')).toEqual([['./bogus: Command not found']]);
    expect(out).toMatch(afterKey('^C', 'Job [1] (<pid>) terminated by signal 2'));
    expect(out).toMatch(afterKey('^Z', 'Job [1] (<pid>) stopped by signal 20'));
    expect(outputsOf(out, 'bg %3')).toEqual([['%3: No such job']]);
    const jobs = outputsOf(out, 'jobs');
    expect(jobs[1]![0]).toMatch(line('[1] (<pid>) Stopped ./spin 5 &'));
    expect(jobs[2]![0]).toMatch(line('[1] (<pid>) Running ./spin 5 &'));
    expect(outputsOf(out, 'fg %1').at(-1)).toEqual([]);
    expect(out).toMatch(line('[the shell exited with status 0]'));
  });

  test('trace16: stop and interrupt sent by the job itself [needs --compat=tsh]', async () => {
    const out = await tsh('16');
    expect(outputsOf(out, './selfstop 2')).toEqual([[expect.stringMatching(line('Job [1] (<pid>) stopped by signal 20'))]]);
    expect(outputsOf(out, 'jobs')).toEqual([[expect.stringMatching(line('[1] (<pid>) Stopped ./selfstop 2'))]]);
    expect(outputsOf(out, './selfint 2')).toEqual([[expect.stringMatching(line('Job [2] (<pid>) terminated by signal 2'))]]);
  });
});

describe.concurrent('signals to the shell\'s pid are forwarded, as sdriver expects (--signal-shell)', () => {
  test('trace06: SIGINT to the shell ends the foreground job [needs --compat=tsh]', async () => {
    const out = await tsh('06', ['--signal-shell']);
    expect(out).toMatch(line('Job [1] (<pid>) terminated by signal 2'));
    expect(out).not.toContain('^C');
  });

  test('trace08: SIGTSTP to the shell stops the foreground job only [needs --compat=tsh]', async () => {
    const out = await tsh('08', ['--signal-shell']);
    expect(out).toMatch(line('Job [2] (<pid>) stopped by signal 20'));
    expect(outputsOf(out, 'jobs')[0]![0]).toMatch(line('[1] (<pid>) Running ./spin 40 &'));
  });
});
