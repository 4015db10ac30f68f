// `jcsh --sim`: the shell core on the simulated kernel. The real terminal is the simulated
// terminal's master side: its keys (raw) go to the simulated line discipline, which turns ^C,
// ^Z and ^\ into signals; the simulated terminal's output is written to it. Real fds that are
// not terminals are connected as pipes. The real process ends with the simulated shell.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import tty from 'node:tty';
import type { Options } from '../cli/args.js';
import { explain } from '../labs/explain.js';
import { eventJson } from '../os/sim/events.js';
import { narrate } from '../os/sim/narrate.js';
import { HostInput, hostOutput } from '../os/sim/hoststream.js';
import { Machine } from '../os/sim/machine.js';
import { SimPort } from '../os/sim/port.js';
import { PROGRAMS } from '../os/sim/programs/index.js';
import type { WaitStatus } from '../os/status.js';
import { inheritedEnv, logEvents, mirrorWorkingDirectory, openLog, simPortOptions } from './simsetup.js';
import { interactiveShell, runInProcess, scriptShell, subshellRunner } from './simshell.js';

export async function runSim(o: Options): Promise<never> {
  const script = o.mode.kind === 'script' ? readScript(o.mode.path) : null;
  const programs = PROGRAMS;
  const keyboard = isTerminal(0) ? openKeyboard() : null;
  const env = inheritedEnv();
  const home = process.env['HOME'] ?? '/root';
  const cwd = process.cwd();
  const screenFd = isTerminal(1) ? 1 : isTerminal(2) ? 2 : null;
  const machine = new Machine({
    clock: keyboard && o.mode.kind === 'interactive' ? { kind: 'realtime', scale: o.sim!.clockScale } : { kind: 'jump' },
    programs, dirs: [cwd, home],
    size: keyboard?.size() ?? { rows: 24, cols: 80 },
    output: (bytes) => screenFd !== null && writeAll(screenFd, bytes),
  });
  mirrorWorkingDirectory(machine, cwd);
  if (o.sim!.events) logEvents(machine, openLog(o.sim!.events), eventJson);
  if (o.sim!.narrative) logEvents(machine, openLog(o.sim!.narrative), narrate);
  if (o.sim!.explain) logEvents(machine, openLog(o.sim!.explain), explain);
  const input = keyboard ? null : new HostInput(machine.kernel);
  const stdio = [input?.file() ?? null, ...[1, 2].map((fd) => (isTerminal(fd) ? null : hostOutput((b) => writeAll(fd, b))))];
  const finish = (s: WaitStatus): never => {
    keyboard?.restore();
    if (s.kind === 'signaled') dieOf(s.signal);
    process.exit(s.kind === 'exited' ? s.code : 128 + (s.kind === 'stopped' ? s.signal : 0));
  };
  const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env, cwd, stdio, onExit: finish });
  const portOptions = simPortOptions(home);
  const port = new SimPort(machine.kernel, proc, { ...portOptions, subshell: subshellRunner(portOptions) });
  connectOutside(machine, keyboard, input);
  runInProcess(() => {
    switch (o.mode.kind) {
      case 'interactive': return interactiveShell(port, o);
      case 'command': return scriptShell(port, o, o.mode.source);
      case 'script': return scriptShell(port, o, script!, o.mode.path);
      default: return scriptShell(port, o, 'stdin');
    }
  });
  // The simulated shell ends the real process (finish); until then, the keyboard and timers keep it alive.
  return new Promise<never>(() => {});
}

/**
 * The simulated shell died of a signal: the real process dies of the same one, so that whoever
 * started it sees "killed by signal n", as with jcsh on Linux. Node's own listeners go first;
 * a signal Node keeps ignored (SIGPIPE) falls through to exit(128 + n).
 */
function dieOf(signal: number): void {
  const name = Object.entries(os.constants.signals).find(([, n]) => n === signal)?.[0] as NodeJS.Signals | undefined;
  if (!name) return;
  process.removeAllListeners(name);
  try {
    process.kill(process.pid, name);
  } catch {
    // not a signal this process can send itself
  }
}

function isTerminal(fd: number): boolean {
  return tty.isatty(fd);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  try {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
  } catch {
    // The real terminal is gone; the hang-up path ends the shell.
  }
}

/**
 * The real terminal in raw mode, read through a description of its own (fd 0 stays as it
 * was). Raw as `stty raw -echo` makes it, output processing included: the simulated driver
 * already turned \n into \r\n, and libuv's raw mode would leave the real ONLCR on.
 */
function openKeyboard() {
  const fd = fs.openSync('/dev/tty', 'r+');
  const stty = (args: string[]) => execFileSync('stty', args, { stdio: [fd, 'pipe', 'ignore'] }).toString().trim();
  const saved = stty(['-g']);
  stty(['raw', '-echo']);
  const stream = new tty.ReadStream(fd);
  const writer = new tty.WriteStream(fs.openSync('/dev/tty', 'w'));
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      stty([saved]);
    } catch {
      // the terminal is gone
    }
  };
  process.on('exit', restore);
  return {
    stream,
    restore,
    size: () => {
      const [cols, rows] = writer.getWindowSize();
      return { rows, cols };
    },
    writer,
  };
}

function connectOutside(machine: Machine, keyboard: ReturnType<typeof openKeyboard> | null, input: HostInput | null): void {
  if (keyboard) {
    keyboard.stream.on('data', (data: Buffer) => machine.type(new Uint8Array(data)));
    keyboard.stream.on('end', () => machine.hangup());
    keyboard.stream.on('error', () => machine.hangup());
    process.on('SIGWINCH', () => {
      (keyboard.writer as unknown as { _refreshSize?: () => void })._refreshSize?.();
      machine.resize(keyboard.size());
    });
  } else if (input) {
    const stream = fs.createReadStream('', { fd: 0, autoClose: false });
    stream.on('data', (data) => input.push(new Uint8Array(data as Buffer)));
    stream.on('end', () => input.end());
    stream.on('error', () => input.end());
  }
  // The real terminal going away is the simulated terminal's hang-up.
  process.on('SIGHUP', () => machine.hangup());
  process.on('SIGTERM', () => machine.hangup());
}


function readScript(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fs.writeSync(2, `jcsh: ${file}: ${code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : 'Permission denied'}\n`);
    process.exit(code === 'ENOENT' ? 127 : 126);
  }
}

