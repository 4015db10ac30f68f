// Terminal probe: exercises LinuxPort's terminal calls from a process whose controlling
// terminal is a pty (linux-terminal.test.ts runs it under node-pty), or from one with no
// terminal at all (run after setsid). It imports the compiled port from dist/, because it
// runs under plain node. Results go as JSON to the file named by argv[2], never to the
// terminal: a write from the background with TOSTOP set would stop the probe itself.
//
// usage: node terminal-probe.mjs RESULT-FILE

import { readFileSync, writeFileSync } from 'node:fs';

const { LinuxPort } = await import(new URL('../../dist/os/linux/port.js', import.meta.url).href);

const SIGCONT = 18;
const SIGKILL = 9;
const SIGTTOU = 22;
const TOSTOP = 0o400;
const LFLAG_OFFSET = 12; // struct termios { c_iflag, c_oflag, c_cflag, c_lflag, ... } on Linux
const ALL = { untraced: true, continued: true };

const out = process.argv[2];
const results = {};

function fdFlags(fd) {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').find((l) => l.startsWith('flags:'));
  return parseInt(line.split(/\s+/)[1], 8);
}

function tpgidOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[5]);
}

async function statusOf(port, pid) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = port.waitpid(pid, ALL);
    if (status !== null) return status;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pid}`);
    await port.childEvent();
  }
}

async function finish(port, pid) {
  port.kill(pid, SIGKILL);
  port.kill(pid, SIGCONT);
  for (;;) {
    const status = await statusOf(port, pid);
    if (status.kind === 'exited' || status.kind === 'signaled') return status;
  }
}

const sleeper = { kind: 'exec', path: '/bin/sleep', argv: ['sleep', '30'], env: [] };

/** A child started with foregroundOn sees its own group in the foreground. */
async function foregroundChild(port, fd) {
  const pid = port.spawn({ program: sleeper, fds: [fd, fd, fd], cwd: '/', group: { kind: 'lead' }, foregroundOn: fd });
  const seen = { pid, tpgid: tpgidOf(pid), tcgetpgrp: port.tcgetpgrp(fd) };
  port.tcsetpgrp(fd, port.getpgrp()); // taken back from the background
  seen.takenBack = port.tcgetpgrp(fd);
  await finish(port, pid);
  return seen;
}

/** A spawn whose exec fails must not leave the terminal with a dead group. */
function failedForegroundSpawn(port, fd) {
  const missing = { kind: 'exec', path: '/nonexistent/program', argv: ['x'], env: [] };
  try {
    port.spawn({ program: missing, fds: [fd, fd, fd], cwd: '/', group: { kind: 'lead' }, foregroundOn: fd });
    return { code: null };
  } catch (err) {
    return { code: err.code, foreground: port.tcgetpgrp(fd) };
  }
}

function withTostop(modes, on) {
  const snapshot = Buffer.from(modes.snapshot);
  const lflag = snapshot.readUInt32LE(LFLAG_OFFSET);
  snapshot.writeUInt32LE(on ? lflag | TOSTOP : lflag & ~TOSTOP, LFLAG_OFFSET);
  return { ...modes, snapshot };
}

/** TOSTOP round trip, and a background emit that stops with SIGTTOU while it is set. */
async function tostop(port, fd) {
  const modes = port.tcgetattr(fd);
  const seen = { before: modes.tostop, flags: { icanon: modes.icanon, echo: modes.echo, isig: modes.isig } };
  port.tcsetattr(fd, withTostop(modes, true));
  seen.set = port.tcgetattr(fd).tostop;
  const emit = { kind: 'emit', status: 0, chunks: [{ fd: 1, data: new TextEncoder().encode('bg\n') }] };
  const pid = port.spawn({ program: emit, fds: [-1, fd, fd], cwd: '/', group: { kind: 'lead' } });
  seen.backgroundWrite = await statusOf(port, pid);
  await finish(port, pid);
  port.tcsetattr(fd, withTostop(modes, false));
  seen.cleared = port.tcgetattr(fd).tostop;
  port.tcsetattr(fd, modes);
  return seen;
}

async function main() {
  const port = new LinuxPort({ blockingWait: false });
  const fd = port.openTerminal();
  results.openTerminal = fd !== null;
  if (fd === null) return;
  results.isatty = port.isatty(fd);
  results.ttyFdFlags = fdFlags(fd);
  results.ownPgrp = port.getpgrp();
  results.foregroundAtStart = port.tcgetpgrp(fd);
  results.sharedStackChild = await foregroundChild(port, fd);
  results.fallbackChild = await foregroundChild(new LinuxPort({ blockingWait: false, forkFallback: true }), fd);
  results.failedSpawn = failedForegroundSpawn(port, fd);
  results.tostop = await tostop(port, fd);
  results.sigttou = SIGTTOU;
}

try {
  await main();
} catch (err) {
  results.error = String(err?.stack ?? err);
}
writeFileSync(out, JSON.stringify(results));
process.exit(0);
