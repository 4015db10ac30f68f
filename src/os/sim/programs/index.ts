// The simulated programs by path. Debian merges /bin into /usr/bin, so every program stands in
// both, as `sh` does on a real Debian system; a name found on neither is "not found". The
// shell lab's names (myspin, mysplit, mystop, myint) are aliases of our helpers.

import type { Program } from '../types.js';
import { cat } from './cat.js';
import { checkfg } from './checkfg.js';
import { claimtty } from './claimtty.js';
import { doublefork } from './doublefork.js';
import { echo } from './echo.js';
import { execdemo } from './execdemo.js';
import { exitwith } from './exitwith.js';
import { falseProgram } from './false.js';
import { fgreport } from './fgreport.js';
import { grep } from './grep.js';
import { head } from './head.js';
import { hupimmune } from './hupimmune.js';
import { ignchld } from './ignchld.js';
import { kill } from './kill.js';
import { orphan } from './orphan.js';
import { orphanpgrp } from './orphanpgrp.js';
import { pgrep, pkill } from './pgrep.js';
import { pgrp } from './pgrp.js';
import { printf } from './printf.js';
import { ps } from './ps.js';
import { readecho } from './readecho.js';
import { reaper } from './reaper.js';
import { selfint } from './selfint.js';
import { selfkill } from './selfkill.js';
import { selfstop } from './selfstop.js';
import { sh } from './sh.js';
import { sigorder } from './sigorder.js';
import { sigreport } from './sigreport.js';
import { sleep } from './sleep.js';
import { spin } from './spin.js';
import { split } from './split.js';
import { stealtty } from './stealtty.js';
import { stopcont } from './stopcont.js';
import { stty } from './stty.js';
import { trueProgram } from './true.js';
import { waitstatus } from './waitstatus.js';
import { wc } from './wc.js';
import { yes } from './yes.js';
import { zombie } from './zombie.js';

/** Programs by name (what stands in each of /bin and /usr/bin). */
export const BY_NAME: ReadonlyMap<string, Program> = new Map<string, Program>([
  ['cat', cat],
  ['checkfg', checkfg],
  ['claimtty', claimtty],
  ['doublefork', doublefork],
  ['echo', echo],
  ['execdemo', execdemo],
  ['exitwith', exitwith],
  ['false', falseProgram],
  ['fgreport', fgreport],
  ['grep', grep],
  ['head', head],
  ['hupimmune', hupimmune],
  ['ignchld', ignchld],
  ['kill', kill],
  ['myint', selfint],
  ['myspin', spin],
  ['mysplit', split],
  ['mystop', selfstop],
  ['orphan', orphan],
  ['orphanpgrp', orphanpgrp],
  ['pgrep', pgrep],
  ['pgrp', pgrp],
  ['pkill', pkill],
  ['printf', printf],
  ['ps', ps],
  ['readecho', readecho],
  ['reaper', reaper],
  ['selfint', selfint],
  ['selfkill', selfkill],
  ['selfstop', selfstop],
  ['sh', sh],
  ['sigorder', sigorder],
  ['sigreport', sigreport],
  ['sleep', sleep],
  ['spin', spin],
  ['split', split],
  ['stealtty', stealtty],
  ['stopcont', stopcont],
  ['stty', stty],
  ['true', trueProgram],
  ['waitstatus', waitstatus],
  ['wc', wc],
  ['yes', yes],
  ['zombie', zombie],
]);

/** Programs keyed by absolute path in the simulated file system, sorted. */
export const PROGRAMS: ReadonlyMap<string, Program> = new Map(
  ['/bin', '/usr/bin'].flatMap((dir) => [...BY_NAME].map(([name, program]) => [`${dir}/${name}`, program] as const)).sort(([a], [b]) => (a < b ? -1 : 1)),
);
