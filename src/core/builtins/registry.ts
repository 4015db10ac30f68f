// Every builtin, one file each, listed here in sorted order.

import { aliasBuiltin } from './alias.js';
import { bgBuiltin } from './bg.js';
import { breakBuiltin } from './break.js';
import { builtinBuiltin } from './builtin.js';
import { cdBuiltin } from './cd.js';
import { colonBuiltin } from './colon.js';
import { commandBuiltin } from './command.js';
import { continueBuiltin } from './continue.js';
import { disownBuiltin } from './disown.js';
import { echoBuiltin } from './echo.js';
import { evalBuiltin } from './eval.js';
import { execBuiltin } from './exec.js';
import { exitBuiltin } from './exit.js';
import { exportBuiltin } from './export.js';
import { falseBuiltin } from './false.js';
import { fgBuiltin } from './fg.js';
import { getoptsBuiltin } from './getopts.js';
import { hashBuiltin } from './hash.js';
import { jobsBuiltin } from './jobs.js';
import { killBuiltin } from './kill.js';
import { letBuiltin } from './let.js';
import { localBuiltin } from './local.js';
import { printfBuiltin } from './printf.js';
import { pwdBuiltin } from './pwd.js';
import { readBuiltin } from './read.js';
import { readonlyBuiltin } from './readonly.js';
import { returnBuiltin } from './return.js';
import { setBuiltin } from './set.js';
import { shiftBuiltin } from './shift.js';
import { sourceBuiltin } from './source.js';
import { testBuiltin } from './test.js';
import { timesBuiltin } from './times.js';
import { trapBuiltin } from './trap.js';
import { trueBuiltin } from './true.js';
import { typeBuiltin } from './type.js';
import type { Builtin } from './types.js';
import { umaskBuiltin } from './umask.js';
import { unaliasBuiltin } from './unalias.js';
import { unsetBuiltin } from './unset.js';
import { waitBuiltin } from './wait.js';

const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['.', sourceBuiltin],
  [':', colonBuiltin],
  ['[', testBuiltin],
  ['alias', aliasBuiltin],
  ['bg', bgBuiltin],
  ['break', breakBuiltin],
  ['builtin', builtinBuiltin],
  ['cd', cdBuiltin],
  ['command', commandBuiltin],
  ['continue', continueBuiltin],
  ['disown', disownBuiltin],
  ['echo', echoBuiltin],
  ['eval', evalBuiltin],
  ['exec', execBuiltin],
  ['exit', exitBuiltin],
  ['export', exportBuiltin],
  ['false', falseBuiltin],
  ['fg', fgBuiltin],
  ['getopts', getoptsBuiltin],
  ['hash', hashBuiltin],
  ['jobs', jobsBuiltin],
  ['kill', killBuiltin],
  ['let', letBuiltin],
  ['local', localBuiltin],
  ['printf', printfBuiltin],
  ['pwd', pwdBuiltin],
  ['read', readBuiltin],
  ['readonly', readonlyBuiltin],
  ['return', returnBuiltin],
  ['set', setBuiltin],
  ['shift', shiftBuiltin],
  ['source', sourceBuiltin],
  ['test', testBuiltin],
  ['times', timesBuiltin],
  ['trap', trapBuiltin],
  ['true', trueBuiltin],
  ['type', typeBuiltin],
  ['umask', umaskBuiltin],
  ['unalias', unaliasBuiltin],
  ['unset', unsetBuiltin],
  ['wait', waitBuiltin],
]);

export function findBuiltin(name: string): Builtin | undefined {
  return BUILTINS.get(name);
}

export function builtinNames(): string[] {
  return [...BUILTINS.keys()];
}
