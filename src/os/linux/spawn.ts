// Turns a SpawnRequest into the addon's spawn options. The three kinds of program all become
// an execve: a program on disk, jcsh-emit fed by a memfd, or a copy of the shell itself fed
// its source and state by a memfd (argv and the environment are readable by every user).

import { closeSync } from 'node:fs';
import type { GroupPolicy, Program, SpawnRequest } from '../port.js';
import { encodeEmitRecords } from './emit.js';
import { makeOsError } from './errors.js';
import type { NativeAddon, NativeSpawnOptions } from './native.js';

export interface SpawnPaths {
  /** build/Release/jcsh-emit */
  readonly emit: string;
  /** bin/jcsh.js */
  readonly shell: string;
  /** build/Release/jcsh-gate */
  readonly gate: string;
}

export interface PreparedSpawn {
  readonly options: NativeSpawnOptions;
  /** Frees what only the spawn needed (the emit memfd); call once spawn returned or threw. */
  release(): void;
}

function groupPgid(group: GroupPolicy): number | null {
  switch (group.kind) {
    case 'inherit': return null;
    case 'lead': return 0;
    case 'join':
      if (!Number.isInteger(group.pgid) || group.pgid <= 0) throw makeOsError('EINVAL', 'setpgid');
      return group.pgid;
  }
}

function checkFds(fds: readonly number[]): void {
  for (const fd of fds) if (!Number.isInteger(fd) || fd < -1) throw makeOsError('EBADF', 'spawn');
}

interface Executable {
  readonly path: string;
  readonly argv: readonly string[];
  readonly envp: readonly string[];
  /** Extra fds after the request's own, and what to free after the spawn. */
  readonly extraFds: readonly number[];
  readonly release: () => void;
}

const nothing = () => {};

/** A signal set as /proc shows SigIgn: hex, bit n-1 for signal n. */
export function signalMask(signals: readonly number[]): string {
  return signals.reduce((mask, sig) => mask | (1n << BigInt(sig - 1)), 0n).toString(16);
}

/** What a copy of the shell reads from its --subshell-fd (src/cli/subshell.ts decodes it). */
export function encodeSubshellInput(source: string, state: string): Uint8Array {
  return encoder.encode(JSON.stringify({ source, state }));
}

function executable(
  program: Program, nfds: number, native: NativeAddon, paths: SpawnPaths, ignore: readonly number[],
): Executable {
  switch (program.kind) {
    case 'exec':
      return { path: program.path, argv: program.argv, envp: program.env, extraFds: [], release: nothing };
    case 'emit': {
      // The records travel in a memfd that the child sees as its fd `nfds` (just above the
      // job's own fds); jcsh-emit reads and closes it before writing anything.
      const memfd = native.memfd(encodeEmitRecords(program.chunks));
      const argv = ['jcsh-emit', String(nfds), String(program.status & 0xff)];
      return { path: paths.emit, argv, envp: [], extraFds: [memfd], release: () => closeSync(memfd) };
    }
    case 'subshell': {
      // The copy reads its fd `nfds` (just above the job's own fds) and closes it at once.
      const memfd = native.memfd(encodeSubshellInput(program.source, program.state));
      const argv = [process.execPath, paths.shell, '--subshell-fd', String(nfds)];
      // Node would reset the signals the copy starts ignored: tell it, as bin/jcsh.js does.
      const ignored = [...new Set([...native.inheritedIgnored(), ...ignore])];
      const envp = [...program.env, `JCSH_SIGIGN=${signalMask(ignored)}`, ...threadPool(program.env)];
      return { path: process.execPath, argv, envp, extraFds: [memfd], release: () => closeSync(memfd) };
    }
  }
}

/** Runs the program through jcsh-gate, which execs it once the barrier pipe is closed. */
function gated(exe: Executable, nfds: number, barrier: number, paths: SpawnPaths): Executable {
  const gateFd = nfds + exe.extraFds.length;
  return {
    path: paths.gate,
    argv: ['jcsh-gate', String(gateFd), exe.path, ...exe.argv],
    envp: exe.envp,
    extraFds: [...exe.extraFds, barrier],
    release: exe.release,
  };
}

/**
 * The environment as one block of NUL-terminated strings, which the addon reads in place. The
 * shell hands the same array for as long as its environment does not change, so the block is
 * built once per change rather than once per spawn.
 */
const envBlocks = new WeakMap<readonly string[], Uint8Array>();
const encoder = new TextEncoder();

export function envBlock(envp: readonly string[]): Uint8Array {
  let block = envBlocks.get(envp);
  if (!block) {
    block = encoder.encode(envp.map((e) => `${e}\0`).join(''));
    envBlocks.set(envp, block);
  }
  return block;
}

export function prepareSpawn(
  req: SpawnRequest, native: NativeAddon, paths: SpawnPaths, useFork = false,
): PreparedSpawn {
  checkFds(req.fds);
  const pgid = groupPgid(req.group);
  const ignore = req.ignoreSignals ?? [];
  let exe = executable(req.program, req.fds.length, native, paths, ignore);
  if (req.holdUntil !== undefined) exe = gated(exe, req.fds.length, req.holdUntil, paths);
  const options: NativeSpawnOptions = {
    path: exe.path,
    argv: exe.argv,
    envp: envBlock(exe.envp),
    fds: [...req.fds, ...exe.extraFds],
    cwd: req.cwd,
    pgid,
    useFork,
    ...(req.foregroundOn === undefined ? {} : { ttyfd: req.foregroundOn }),
    ...(ignore.length === 0 ? {} : { ignore }),
  };
  return { options, release: exe.release };
}

/** The thread pool bin/jcsh.js gives the shell, for a copy (takeThreadPoolSize in port.ts). */
function threadPool(env: readonly string[]): string[] {
  if (env.some((e) => e.startsWith('UV_THREADPOOL_SIZE='))) return [];
  return ['UV_THREADPOOL_SIZE=64', 'JCSH_POOL=64'];
}
