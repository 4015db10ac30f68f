// jcsh-pty trace itself: the transcript, lab-style lines, and traces that cannot finish.

import { describe, expect, test } from 'vitest';
import { BASH, cli, IN_HELPERS_DIR, tempFile } from './cli-support.js';

describe('jcsh-pty trace', () => {
  test('prints the comments first, then what the terminal showed', async () => {
    const trace = tempFile('t.txt', '#\n# t.txt - two commands\n#\n./spin 3 &\nSLEEP 0.1\njobs\n');
    const r = await cli(['trace', trace, '--shell', BASH, ...IN_HELPERS_DIR]);
    expect(r.out).toMatch(/^#\n# t\.txt - two commands\n#\npty\$ \.\/spin 3 &\n\[1\] \d+\npty\$ jobs\n\[1\]\+ +Running +\.\/spin 3 &\npty\$\n$/);
    expect(r.status).toBe(0);
  });

  test('the lab\'s `/bin/echo -e tsh> ./myspin 4 \\046` lines are commands like any other [needs --compat=tsh]', async () => {
    const trace = tempFile('echo.txt', '/bin/echo -e tsh> ./spin 1 \\046\n./spin 1 &\n');
    const r = await cli(['trace', trace, '--shell', 'jcsh --compat=tsh', ...IN_HELPERS_DIR]);
    expect(r.out).toMatch(/^tsh> \/bin\/echo -e tsh> \.\/spin 1 \\046\ntsh> \.\/spin 1 &\ntsh> \.\/spin 1 &\n\[1\] \(\d+\) \.\/spin 1 &\n/m);
    expect(r.status).toBe(0);
  });

  test('a shell that exits early: its status, the transcript so far, exit 1', async () => {
    const trace = tempFile('early.txt', 'jobs\njobs\n');
    const r = await cli(['trace', trace, '--shell', `sh -c 'echo leaving; exit 5'`]);
    expect(r.out).toContain('leaving\n[the shell exited with status 5]\n');
    expect(r.out).toMatch(/early\.txt:1: jobs: failed with sh -c 'echo leaving; exit 5'\nprocess exited with status 5 while waiting for/);
    expect(r.status).toBe(1);
  });

  test('a command that never gives the prompt back: the timeout report, no hang', async () => {
    const trace = tempFile('hang.txt', './spin 30\njobs\n');
    const r = await cli(['trace', trace, '--shell', BASH, '--timeout', '400', ...IN_HELPERS_DIR]);
    expect(r.out).toMatch(/hang\.txt:2: jobs: failed with bash/);
    expect(r.out).toContain('timed out after 400 ms waiting for /pty\\$ |tsh> / on the stream');
    expect(r.out).toMatch(/ S\+ +\.\/spin 30\n/); // the processes section: the job still runs, in the foreground
    expect(r.status).toBe(1);
  });

  test('a bad directive: FILE:LINE on stderr, exit 2', async () => {
    const trace = tempFile('bad.txt', '# fine\njobs\nSLEEP soon\n');
    const r = await cli(['trace', trace]);
    expect(r.err).toBe(`jcsh-pty: ${trace}:3: SLEEP takes a number of seconds, not "soon"\n`);
    expect(r.out).toBe('');
    expect(r.status).toBe(2);
  });
});
