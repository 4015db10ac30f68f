// The engine jcsh-launch started before this process became the UI (native/launch.c): its pid,
// the pty master, the channel's listening socket, and the pane size it chose, handed over in
// JCSH_UI_ENGINE. Taken out of the environment at once, so no child of the UI (a restarted
// engine, or anything a plain shell runs) inherits a description of fds it does not have.

import fs from 'node:fs';
import { loadNative } from '../../os/linux/native.js';

export const LAUNCHED_VARIABLE = 'JCSH_UI_ENGINE';

export interface LaunchedEngine {
  readonly pid: number;
  /** The pty master: the engine's terminal. */
  readonly master: number;
  /** A Unix socket bound to `path` and listening; the engine connects to it. */
  readonly listener: number;
  readonly path: string;
  readonly cols: number;
  readonly rows: number;
}

/** The engine handed over, or null (none, or a description that does not hold: then it is let go). */
export function takeLaunchedEngine(): LaunchedEngine | null {
  const text = process.env[LAUNCHED_VARIABLE];
  delete process.env[LAUNCHED_VARIABLE];
  if (text === undefined) return null;
  const engine = parse(text);
  // A description that does not hold was not made for this process: its fds are not touched.
  if (engine === null || !holds(engine)) return null;
  const native = loadNative();
  native.closeOnExec(engine.master);
  native.closeOnExec(engine.listener);
  return engine;
}

/** A launched engine this process will not use (the UI is not wanted after all): it is hung up. */
export function discardLaunchedEngine(): void {
  const text = process.env[LAUNCHED_VARIABLE];
  delete process.env[LAUNCHED_VARIABLE];
  const engine = text === undefined ? null : parse(text);
  if (engine !== null && holds(engine)) discard(engine);
}

function parse(text: string): LaunchedEngine | null {
  const m = /^(\d+),(\d+),(\d+),(\d+),(\d+),(\/.+)$/.exec(text);
  if (!m) return null;
  const [pid, master, listener, cols, rows] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (pid <= 1 || master < 3 || listener < 3 || master === listener || cols < 1 || rows < 1) return null;
  return { pid, master, listener, cols, rows, path: m[6]! };
}

/** The pid is our child, the master a character device, the listener a socket. */
function holds(e: LaunchedEngine): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${e.pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === process.pid && fs.fstatSync(e.master).isCharacterDevice() && fs.fstatSync(e.listener).isSocket();
  } catch {
    return false;
  }
}

function discard(e: LaunchedEngine): void {
  // The engine has only just started and nobody has typed to it: it is ended at once and
  // reaped (it is this process's child, which nothing else here would collect).
  const native = loadNative();
  try {
    native.kill(e.pid, 9);
    native.waitpidBlocking(e.pid, 0);
  } catch {
    // Gone already.
  }
  for (const fd of [e.master, e.listener]) {
    try {
      fs.closeSync(fd);
    } catch {
      // Not ours after all: nothing to close.
    }
  }
  try {
    fs.unlinkSync(e.path);
    fs.rmdirSync(e.path.slice(0, e.path.lastIndexOf('/')));
  } catch {
    // Already gone.
  }
}
