// sh: a small stand-in for dash, enough for `sh -c 'LINE' [name [args...]]`, `sh FILE` and
// commands on standard input. See sh-run.ts for what it runs and how.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { decode, err, readAll } from './lib.js';
import { Executor } from './sh-run.js';
import { ShellState } from './sh-state.js';

/** Commands from standard input, run as each read brings complete lines (dash reads in blocks). */
function* runInput(exec: Executor, sh: ShellState): Code<number> {
  let buffer = '';
  let line = 1;
  for (;;) {
    const r = yield* sys.read(0, 4096);
    if (r instanceof sys.SysError && r.errno === 'EINTR') continue;
    const done = r instanceof sys.SysError || r.length === 0;
    if (!done) buffer += decode(r);
    const cut = done ? buffer.length : buffer.lastIndexOf('\n') + 1;
    if (cut > 0) {
      const chunk = buffer.slice(0, cut);
      buffer = buffer.slice(cut);
      yield* exec.runSource(chunk, line);
      line += chunk.split('\n').length - 1;
      if (sh.exiting !== null) return sh.exiting;
    }
    if (done) return sh.status;
  }
}

function* runExitTrap(exec: Executor, sh: ShellState, status: number): Code<number> {
  const action = sh.traps.get(0);
  if (!action) return status;
  sh.traps.delete(0);
  sh.status = status;
  sh.exiting = null;
  yield* exec.runSource(action);
  return sh.exiting ?? status;
}

export const sh: Program = function* (argv, env) {
  const name = argv[0] ?? 'sh';
  const args = argv.slice(1);
  const option = args[0];
  if (option !== undefined && option.startsWith('-') && option !== '-c' && option !== '-' && option !== '--') {
    yield* err(`${name}: 0: Illegal option ${option.slice(0, 2)}\n`);
    return 2;
  }
  const pid = yield* sys.getpid();
  let source: string | null = null;
  let state: ShellState;
  if (option === '-c') {
    if (args.length < 2) {
      yield* err(`${name}: 0: -c requires an argument\n`);
      return 2;
    }
    source = args[1]!;
    state = new ShellState(pid, args[2] ?? name, args.slice(3), env);
  } else if (option !== undefined && option !== '-') {
    const file = option === '--' ? args[1] : option;
    state = new ShellState(pid, file ?? name, args.slice(option === '--' ? 2 : 1), env);
    if (file !== undefined) {
      const fd = yield* sys.open(file, { read: true });
      const text = fd instanceof sys.SysError ? fd : yield* readAll(fd);
      if (text instanceof sys.SysError) {
        yield* err(`${name}: 0: cannot open ${file}: ${text.errno === 'ENOENT' ? 'No such file' : text.reason}\n`);
        return 2;
      }
      source = decode(text);
    }
  } else {
    state = new ShellState(pid, name, [], env);
  }
  // dash catches SIGINT when given -c (unless it came in ignored) and dies of it at a safe point.
  const int = yield* sys.sigaction(SIG.INT, null);
  if (option === '-c' && !(int instanceof sys.SysError) && int.handler !== 'ignore') {
    state.catchesInt = true;
    yield* sys.sigaction(SIG.INT, { handler: state.catcher(), flags: {}, mask: [] });
  }
  const exec = new Executor(state);
  const status = source === null ? yield* runInput(exec, state) : yield* exec.runSource(source);
  return yield* runExitTrap(exec, state, status);
};
