// What a builtin gets: its arguments, the shell, and two output streams. The streams either
// write to the shell's fds (a builtin run by the shell itself) or collect the bytes for a
// process that delivers them (a builtin in a pipeline or in the background).

import type { Shell } from '../shell.js';

export interface BuiltinIO {
  /** Text, or raw bytes (echo -e '\xff' makes bytes that are not UTF-8). */
  out(text: string | Uint8Array): void;
  err(text: string): void;
}

export interface BuiltinContext {
  readonly shell: Shell;
  /** argv[0] is the builtin's name. */
  readonly argv: readonly string[];
  readonly io: BuiltinIO;
  /** "jcsh: NAME: message" on stderr. */
  error(message: string): void;
  /** bash's usage line: "NAME: usage: …" on stderr. */
  usage(text: string): void;
  /**
   * The real descriptor behind the builtin's fd n (its redirections applied), or undefined when
   * it is closed or the builtin runs on a copy of the shell with no input of its own.
   */
  fd(n: number): number | undefined;
  /** Running on a copy of the shell for a pipeline or background job, its output collected. */
  readonly captured: boolean;
  /** True when NAME is a builtin (handed in, so that no builtin imports the registry). */
  isBuiltin(name: string): boolean;
  /**
   * Runs the builtin `argv[0]` with this one's streams and fds (bash's `builtin`); undefined
   * when there is no such builtin.
   */
  runBuiltin(argv: readonly string[]): number | Promise<number> | undefined;
}

export type Builtin = (ctx: BuiltinContext) => number | Promise<number>;
