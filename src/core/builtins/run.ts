// Two ways to run a builtin: in the shell itself (its output goes straight to the command's
// fds), or captured on a copy of the shell (bash's forked subshell) so that a process of the
// job can deliver the output.

import type { OutputChunk } from '../../os/port.js';
import { ExitRequest, LineAbandoned } from '../errors.js';
import { FunctionReturn, LoopControl } from '../flow.js';
import type { FdTable } from '../redirect.js';
import type { Shell } from '../shell.js';
import { findBuiltin } from './registry.js';
import type { Builtin, BuiltinContext, BuiltinIO } from './types.js';

const encoder = new TextEncoder();

function context(shell: Shell, argv: readonly string[], io: BuiltinIO, fds?: FdTable): BuiltinContext {
  const name = argv[0]!;
  return {
    shell, argv, io,
    fd: (n) => fds?.get(n),
    captured: fds === undefined,
    error: (message) => io.err(`${shell.errorPrefix()}${name}: ${message}\n`),
    usage: (text) => io.err(`${name}: usage: ${text}\n`),
    isBuiltin: (word) => findBuiltin(word) !== undefined,
  };
}

export async function runBuiltinHere(shell: Shell, builtin: Builtin, argv: readonly string[], fds: FdTable): Promise<number> {
  const io: BuiltinIO = {
    out: (text) => write(shell, fds.get(1), text),
    err: (text) => write(shell, fds.get(2), text),
  };
  return builtin(context(shell, argv, io, fds));
}

function write(shell: Shell, fd: number | undefined, text: string | Uint8Array): void {
  if (fd !== undefined) void shell.out.write(fd, text);
}

export interface CapturedRun {
  readonly chunks: OutputChunk[];
  readonly status: number;
}

/** Runs a builtin on a copy of the shell; `exit` only ends that copy, as in a subshell. */
export async function runBuiltinCaptured(shell: Shell, builtin: Builtin, argv: readonly string[]): Promise<CapturedRun> {
  const chunks: OutputChunk[] = [];
  const io: BuiltinIO = {
    out: (text) => chunks.push({ fd: 1, data: typeof text === 'string' ? encoder.encode(text) : text }),
    err: (text) => chunks.push({ fd: 2, data: encoder.encode(text) }),
  };
  try {
    const status = await builtin(context(shell.subshell(true), argv, io));
    return { chunks, status };
  } catch (e) {
    if (e instanceof ExitRequest || e instanceof LineAbandoned || e instanceof FunctionReturn) return { chunks, status: e.status };
    // A copy of the shell has no loop of its own to leave (bash's subshell either).
    if (e instanceof LoopControl) return { chunks, status: 0 };
    throw e;
  }
}
