// Programs that exist twice, as a C helper run on Linux and as a simulated program, print the
// same: what the simulator does where the rule book is silent is checked against the kernel.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/os/sim/testing.js';
import { helper } from '../helpers/paths.js';

describe('the same program on Linux and on the simulator', () => {
  it('sigorder: SIGHUP and SIGCONT pending together run SIGCONT\'s handler first (frames stack)', async () => {
    const linux = execFileSync(helper('sigorder'), { encoding: 'utf8' });
    const sim = await runProgram(['/bin/sigorder']);
    expect(linux).toBe('CONT\nHUP\n');
    expect(sim.output.replace(/\r\n/g, '\n')).toBe(linux);
  });
});
