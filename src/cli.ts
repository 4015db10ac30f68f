// Entry point: picks a mode from the command line. Any failure is one line on stderr and a
// status, never a stack trace.
//
// fds 0-2 are only ever used with plain read(2)/write(2) and isatty(3): Node's
// process.stdin/stdout/stderr would make them non-blocking (libuv does so for pipes, and for a
// terminal it even replaces fd 0 with a non-blocking reopening), and children share those
// file descriptions: `cat` would fail with EAGAIN (trap 3).

import fs from 'node:fs';
import { isatty } from 'node:tty';
import { parseArgs, USAGE, UsageError, type Options } from './cli/args.js';
import { readSubshellInput } from './cli/subshell.js';

export const VERSION = '0.1.0';

export async function main(argv: readonly string[]): Promise<void> {
  let o;
  try {
    o = parseArgs(argv, isatty(0));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(`jcsh: ${e.message}\n${USAGE.split('\n')[0]}`, 2);
  }
  if (o.mode.kind === 'labs' || o.lab !== null) {
    const labs = await import('./host/labs.js');
    if (o.mode.kind === 'labs') return labs.listLabs();
    const lab = labs.labOrExit(o.lab!);
    if (o.sim && !wantsUi(o)) return labs.labTranscript(lab, o);
    if (!o.sim) labs.introduceRealLab(lab, !wantsUi(o));
  }
  // An engine jcsh-launch started for this process (src/host/tui/launched.ts, JCSH_UI_ENGINE).
  const handover = process.env['JCSH_UI_ENGINE'] === undefined ? null : await import('./host/tui/launched.js');
  if (wantsUi(o)) {
    // A lab may put its twin's folder in PATH: the engine started before that would not see it.
    const launched = o.sim || o.lab ? null : handover?.takeLaunchedEngine() ?? null;
    handover?.discardLaunchedEngine();
    // Loaded on demand: scripts and the plain shell never pay for the UI.
    const { runTui } = await import('./host/tui/start.js');
    // The session is over: whatever it left (a timer of the simulator) must not keep the UI.
    process.exit(await runTui(o, launched));
  }
  handover?.discardLaunchedEngine();
  if (o.sim && o.mode.kind !== 'help' && o.mode.kind !== 'version') {
    // The simulator is loaded on demand: the real shell never pays for it.
    const { runSim } = await import('./host/sim.js');
    await runSim(o);
    return;
  }
  switch (o.mode.kind) {
    case 'help':
      fs.writeSync(1, USAGE);
      return;
    case 'version':
      fs.writeSync(1, `jcsh ${VERSION}\n`);
      return;
    case 'interactive': {
      // Loaded on demand: scripts never pay for the line editor.
      const { runInteractive } = await import('./host/interactive.js');
      await runInteractive(o);
      return;
    }
    case 'command':
      await (await scripts()).runNonInteractive(o, o.mode.source);
      return;
    case 'script':
      await (await scripts()).runNonInteractive(o, readScript(o.mode.path), { scriptName: o.mode.path });
      return;
    case 'subshell': {
      const input = readSubshellInput(o.mode.fd);
      await (await scripts()).runNonInteractive(o, input.source, { parentState: input.state });
      return;
    }
    case 'stdin':
      await (await scripts()).runNonInteractive(o, 'stdin');
  }
}

/**
 * The UI is for a person at a terminal: an interactive bash-dialect shell whose input and
 * output are both terminals, unless --plain. tsh's dialect is for the lab's driver.
 */
function wantsUi(o: Options): boolean {
  return o.mode.kind === 'interactive' && !o.plain && o.compat === 'bash' && isatty(0) && isatty(1);
}

/** The script host, loaded on demand: the UI's process, which starts the engine, needs none of it. */
function scripts() {
  return import('./host/noninteractive.js');
}

function readScript(file: string): string {
  try {
    // A "#!" first line is a comment to the shell; nothing to strip.
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : code === 'EACCES' ? 'Permission denied' : String(code);
    return fail(`jcsh: ${file}: ${reason}`, code === 'ENOENT' ? 127 : 126);
  }
}

function fail(message: string, status: number): never {
  fs.writeSync(2, `${message}\n`);
  process.exit(status);
}
