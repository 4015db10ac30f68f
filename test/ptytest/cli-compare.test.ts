// --compare: the same script or trace against two shells, normalized transcripts diffed.

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BASH, cli, IN_HELPERS_DIR, tempFile } from './cli-support.js';

const TRACES = join(import.meta.dirname, '..', 'traces');

describe('run --compare', () => {
  test('equal transcripts (pids and job columns differ, normalized away): exit 0', async () => {
    // `kill %1` alone races the prompt: a shell reports the Terminated job at the first prompt
    // after it has reaped it, which is the prompt right after kill or the one after that,
    // depending on how fast the job dies (bash is usually faster to prompt). `wait` reaps it
    // before the prompt in both shells, so the notice has one place.
    const file = tempFile('same.script', 'prompt\nsend ./spin 5 &\nprompt\nsend jobs\nprompt\nsend kill %1; wait\nprompt\n');
    const r = await cli(['run', file, '--shell', BASH, '--compare', 'jcsh', ...IN_HELPERS_DIR]);
    expect(r.out).toContain('PASSED: 7 steps.');
    expect(r.out).toContain('Normalized transcripts are equal: bash --norc --noprofile -i | jcsh');
    expect(r.status).toBe(0);
  });

  test('different transcripts: the unified diff, exit 1 even though every step passed', async () => {
    const file = tempFile('differ.script', 'prompt\nsend no-such-command\nprompt\n');
    const r = await cli(['run', file, '--shell', BASH, '--compare', 'jcsh']);
    expect(r.out).not.toContain('✗');
    expect(r.out).toContain(
      [
        'Normalized transcripts differ (- bash --norc --noprofile -i, + jcsh):',
        '--- bash --norc --noprofile -i',
        '+++ jcsh',
        '@@ -1,3 +1,3 @@',
        ' <prompt> no-such-command',
        '-bash: no-such-command: command not found',
        '+jcsh: no-such-command: command not found',
        ' <prompt>',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });
});

describe('trace --compare', () => {
  test('trace08 (^Z to the foreground job only): bash and jcsh agree', async () => {
    const r = await cli(['trace', join(TRACES, 'trace08.txt'), '--shell', BASH, '--compare', 'jcsh', ...IN_HELPERS_DIR]);
    expect(r.out).toBe('Normalized transcripts are equal: bash --norc --noprofile -i | jcsh\n');
    expect(r.status).toBe(0);
  });

  test('trace05 against bash and jcsh --compat=tsh: the job lines differ, pids as placeholders', async () => {
    const r = await cli(['trace', join(TRACES, 'trace05.txt'), '--shell', BASH, '--compare', 'jcsh --compat=tsh', ...IN_HELPERS_DIR]);
    expect(r.out).toContain('-[1] <pid1>\n');
    expect(r.out).toContain('+[1] (<pid1>) ./spin 20 &\n');
    expect(r.out).toContain('-[1]- Running ./spin 20 &\n');
    expect(r.out).toContain('+[1] (<pid1>) Running ./spin 20 &\n');
    expect(r.status).toBe(1);
  });

  test('a trace of the same shell twice is equal with itself', async () => {
    // long enough to be Running at `jobs` however slow the machine; the hang-up at the end ends it
    const trace = tempFile('t.txt', '# two runs\n./spin 30 &\njobs\n');
    const r = await cli(['trace', trace, '--shell', BASH, '--compare', BASH, ...IN_HELPERS_DIR]);
    expect(r.out).toContain('Normalized transcripts are equal');
    expect(r.status).toBe(0);
  });
});
