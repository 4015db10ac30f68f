// Two ways to run a builtin: in the shell itself (its output goes straight to the command's
// fds), or captured on a copy of the shell (bash's forked subshell) so that a process of the
// job can deliver the output.

import { isPromise, type Maybe } from '../../lang/maybe.js';
import type { OutputChunk } from '../../os/port.js';
import { ExitRequest, LineAbandoned } from '../errors.js';
import { FunctionReturn, LoopControl } from '../flow.js';
import type { FdTable } from '../redirect.js';
import type { Shell } from '../shell.js';
import { findBuiltin } from './registry.js';
import type { Builtin, BuiltinContext, BuiltinIO } from './types.js';

const encoder = new TextEncoder();

/** A class, not an object of closures: one is made for every builtin run, in loops too. */
class Context implements BuiltinContext {
  constructor(
    readonly shell: Shell,
    readonly argv: readonly string[],
    readonly io: BuiltinIO,
    private readonly fds?: FdTable,
  ) {}

  get captured(): boolean {
    return this.fds === undefined;
  }

  fd(n: number): number | undefined {
    return this.fds?.get(n);
  }

  error(message: string): void {
    this.io.err(`${this.shell.errorPrefix()}${this.argv[0]!}: ${message}\n`);
  }

  usage(text: string): void {
    this.io.err(`${this.argv[0]!}: usage: ${text}\n`);
  }

  isBuiltin(word: string): boolean {
    return findBuiltin(word) !== undefined;
  }

  runBuiltin(argv: readonly string[]): Maybe<number> | undefined {
    const builtin = findBuiltin(argv[0]!);
    return builtin?.(new Context(this.shell, argv, this.io, this.fds));
  }
}

/** Writes of a builtin run in the shell go to the fds of its table, in order. */
class WriteTo implements BuiltinIO {
  /** Why output was lost: stdout closed (`echo x >&-`), or a write that failed (a full disk). */
  failure: string | null = null;

  constructor(private readonly shell: Shell, private readonly fds: FdTable) {}

  out(text: string | Uint8Array): void {
    if (text.length === 0) return;
    const fd = this.fds.get(1);
    if (fd === undefined) {
      this.failure = 'Bad file descriptor';
      return;
    }
    write(this.shell, fd, text);
    // only a write made at once can fail here; a queued one is the host's to report
    this.failure = this.shell.out.takeFailure()?.reason ?? this.failure;
  }

  err(text: string): void {
    write(this.shell, this.fds.get(2), text);
  }
}

export function runBuiltinHere(shell: Shell, builtin: Builtin, argv: readonly string[], fds: FdTable): Maybe<number> {
  const io = new WriteTo(shell, fds);
  const status = builtin(new Context(shell, argv, io, fds));
  return isPromise(status) ? status.then((s) => checkWritten(shell, argv, io, s)) : checkWritten(shell, argv, io, status);
}

/** As bash's sh_chkwrite: output that could not be written is an error, status 1. */
function checkWritten(shell: Shell, argv: readonly string[], io: WriteTo, status: number): number {
  if (io.failure === null) return status;
  io.err(`${shell.errorPrefix()}${argv[0]!}: write error: ${io.failure}\n`);
  return 1;
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
  const copy = shell.subshell(true);
  try {
    const status = await builtin(new Context(copy, argv, io));
    return { chunks, status };
  } catch (e) {
    if (e instanceof ExitRequest || e instanceof LineAbandoned || e instanceof FunctionReturn) return { chunks, status: e.status };
    // A copy of the shell has no loop of its own to leave (bash's subshell either).
    if (e instanceof LoopControl) return { chunks, status: 0 };
    throw e;
  }
}
