// tsh's builtins (tsh.c builtin_cmd), one file each, in sorted order. Every other word,
// `exit` and `cd` included, names a program to execute.

import type { Builtin } from '../../builtins/types.js';
import { bgTsh } from './bg.js';
import { fgTsh } from './fg.js';
import { jobsTsh } from './jobs.js';
import { quitTsh } from './quit.js';

const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['bg', bgTsh],
  ['fg', fgTsh],
  ['jobs', jobsTsh],
  ['quit', quitTsh],
]);

export function findTshBuiltin(name: string): Builtin | undefined {
  return BUILTINS.get(name);
}
