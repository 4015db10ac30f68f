// Every lab, by name (sorted): what `jcsh --lab` lists and `--lab NAME` looks up.

import { doublefork } from './defs/doublefork.js';
import { execdemo } from './defs/execdemo.js';
import { ignchld } from './defs/ignchld.js';
import { orphan } from './defs/orphan.js';
import { orphanpgrp } from './defs/orphanpgrp.js';
import { pgrp } from './defs/pgrp.js';
import { reaper } from './defs/reaper.js';
import { tostop } from './defs/tostop.js';
import { ttin } from './defs/ttin.js';
import { waitstatus } from './defs/waitstatus.js';
import { zombie } from './defs/zombie.js';
import type { Lab } from './types.js';

export const LABS: readonly Lab[] = [doublefork, execdemo, ignchld, orphan, orphanpgrp, pgrp, reaper, tostop, ttin, waitstatus, zombie];

export function findLab(name: string): Lab | undefined {
  return LABS.find((lab) => lab.name === name);
}
