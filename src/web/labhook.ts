// The labs the page offers and how it plays one: the same registry and runner as the terminal
// UI's lab mode (src/labs), which are pure TypeScript and run in the page as they are.

import { LABS } from '../labs/registry.js';
import { LabRun } from '../labs/runner.js';
import type { LabStarter } from './lab.js';

export const labs = LABS;
export const startLab: LabStarter = (lab, o) => new LabRun(lab, o);
