// HOOK(lab): the labs the page offers and how it plays one. Empty until the labs engine
// (src/labs/registry.ts, src/labs/runner.ts) is on main; then this file becomes:
//
//   import { LABS } from '../labs/registry.js';
//   import { LabRun } from '../labs/runner.js';
//   import type { LabStarter } from './lab.js';
//   export const labs = LABS;
//   export const startLab: LabStarter = (lab, o) => new LabRun(lab, o);

import type { Lab } from '../labs/types.js';
import type { LabStarter } from './lab.js';

export const labs: readonly Lab[] = [];
export const startLab: LabStarter | null = null;
