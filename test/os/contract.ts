// The OS-interface contract: one suite that every kernel behind OsPort must pass, the real
// one (linux-port.test.ts) and the simulated one. It asserts behaviour seen through the
// port, never how a kernel does it. A kernel's test file calls portContract(fixture).

import { describe } from 'vitest';
import type { ContractFixture } from './contract-helpers.js';
import { ioContract } from './contract-io.js';
import { processContract } from './contract-processes.js';

export type { ContractFixture } from './contract-helpers.js';

export function portContract(fixture: ContractFixture): void {
  describe(`OsPort contract: ${fixture.name}`, () => {
    describe('processes', () => processContract(fixture));
    describe('i/o', () => ioContract(fixture));
  });
}
