// What `test` and `times` ask of the kernel: lstat/stat with access(2) checks, and the CPU
// times of the process and its children (from /proc, as Node has no times(2)).

import * as fs from 'node:fs';
import type { CpuTimes, FileDetails } from '../port.js';

export function inspectFile(path: string, follow: boolean): FileDetails | null {
  let st: fs.Stats | undefined;
  try {
    st = follow ? fs.statSync(path, { throwIfNoEntry: false }) : fs.lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (st === undefined) return null;
  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  return {
    type: typeOf(st), size: st.size, mtime: st.mtimeMs / 1000, identity: `${st.dev}:${st.ino}`,
    readable: can(path, fs.constants.R_OK), writable: can(path, fs.constants.W_OK), executable: can(path, fs.constants.X_OK),
    setuid: (st.mode & 0o4000) !== 0, setgid: (st.mode & 0o2000) !== 0, sticky: (st.mode & 0o1000) !== 0,
    owned: st.uid === uid, groupOwned: st.gid === gid || (process.getgroups?.() ?? []).includes(st.gid),
  };
}

function typeOf(st: fs.Stats): FileDetails['type'] {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isBlockDevice()) return 'block';
  if (st.isCharacterDevice()) return 'char';
  return 'file';
}

function can(path: string, mode: number): boolean {
  try {
    fs.accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Fields 14-17 of /proc/self/stat, in clock ticks (100 a second on Linux). */
export function processTimes(): CpuTimes {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = (i: number): number => Number(f[i - 3]) / 100;
    return { user: tick(14), system: tick(15), childUser: tick(16), childSystem: tick(17) };
  } catch {
    const u = process.cpuUsage();
    return { user: u.user / 1e6, system: u.system / 1e6, childUser: 0, childSystem: 0 };
  }
}
