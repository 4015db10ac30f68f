// Finding a program the way execvp would, for checks made before a shell is started.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The full path of `name` in the directories of `pathVar`, or null. */
export function findOnPath(name: string, pathVar: string): string | null {
  for (const dir of pathVar.split(delimiter)) {
    if (dir !== '' && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}
