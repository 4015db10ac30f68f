// Learning at once that a child exited. node-pty tells us only after the pty's
// read side closed, which (see drain.ts) is exactly what we must delay.

import { readProcess } from './procfs.js';

const watched = new Map<number, () => void>();

function exited(pid: number): boolean {
  const info = readProcess(pid);
  return info === null || info.state === 'Z' || info.state === 'X';
}

function check(): void {
  for (const [pid, callback] of [...watched]) {
    if (!exited(pid)) continue;
    watched.delete(pid);
    callback();
  }
  if (watched.size === 0) process.off('SIGCHLD', check);
}

/**
 * Call `callback` once when our child `pid` has exited (zombie or reaped),
 * checked on every SIGCHLD. Returns a function that cancels the watch.
 */
export function onChildExit(pid: number, callback: () => void): () => void {
  if (watched.size === 0) process.on('SIGCHLD', check);
  watched.set(pid, callback);
  // It may be gone already, before the listener existed.
  setImmediate(check);
  return () => {
    watched.delete(pid);
    if (watched.size === 0) process.off('SIGCHLD', check);
  };
}
