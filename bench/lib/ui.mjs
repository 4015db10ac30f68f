// Benchmarks of the terminal UI, through a pty like the others: time to the first prompt
// drawn in the pane (Linux engine, simulator, and jcsh --plain for reference), a foreground
// `cat` of a 20 MB text file until the prompt is back, in jcsh's UI and in tmux at the same
// size, and the UI's memory and CPU at rest.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnPty } from '../../dist/ptytest/index.js';
import { JCSH, which } from './shells.mjs';

const PROMPT = 'jc$ ';
const MARK = 'END-OF-THE-BIG-FILE';
const now = () => performance.now();
const SIZE = { cols: 200, rows: 50 };

function home() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-bench-home-'));
}

/**
 * The UI (or the plain shell) in a new pty, with a fixed prompt, Ink in interactive mode.
 * jcsh runs as a program, as a user starts it: on a terminal its sh lines start jcsh-launch,
 * which starts the UI's engine beside the UI. `ui-node` is `node bin/jcsh.js` (node run directly, without the sh line),
 * where the UI starts its engine itself.
 */
export function startUi(kind) {
  const h = home();
  const args = { ui: [], 'ui-node': [], sim: ['--sim'], plain: ['--plain'] }[kind];
  const [command, argv] = kind === 'ui-node' ? [process.execPath, [JCSH, '--norc']] : [JCSH, [...args, '--norc']];
  return spawnPty(command, argv, {
    env: { PS1: PROMPT, HOME: h, HISTFILE: '/dev/null', CI: 'false', TERM: 'xterm-256color', PATH: process.env.PATH },
    cwd: h, prompt: PROMPT, timeout: 30000, ...SIZE,
  });
}

/** Time from spawning to the prompt on the screen, `n` times. */
export async function uiFirstPrompt(kind, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    const s = startUi(kind);
    try {
      await s.expect(PROMPT);
      times.push(now() - t0);
    } finally {
      await s.close();
    }
  }
  return times;
}

/** A text file of about `mb` MiB in lines of 60 characters (no wrapping in either pane), ending with a mark. */
export function bigFile(mb) {
  const file = path.join(os.tmpdir(), `jcsh-bench-${mb}mb.txt`);
  if (!fs.existsSync(file)) {
    const line = `${'the quick brown fox jumps over the lazy dog 0123456789 abc'.slice(0, 59)}\n`;
    const chunk = line.repeat(16384);
    const fd = fs.openSync(file, 'w');
    for (let n = 0; n < (mb * 1048576) / chunk.length; n++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, `${MARK}\n`);
    fs.closeSync(fd);
  }
  return file;
}

/**
 * Waits until the screen shows the mark with a prompt after it, twice in a row: a terminal
 * that does not honour synchronized output (the bench's emulator) can show half a frame.
 */
async function catDone(s) {
  // The mark's row may go on past the pane (the panels' border): anything up to the newline.
  const done = new RegExp(`${MARK}[^\\n]*\\n[^\\n]*${PROMPT.trim().replace('$', '\\$')}`);
  let seen = 0;
  for (;;) {
    const screen = await s.screen();
    seen = done.test(screen.lines.join('\n')) ? seen + 1 : 0;
    if (seen === 2) return;
    if (s.exitStatus) throw new Error('the terminal program exited during cat');
    // The screen has no event of its own: look again soon.
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until the screen shows only the prompt at its top (`clear` has run). */
async function cleared(s) {
  const top = PROMPT.trim();
  for (;;) {
    const lines = (await s.screen()).lines;
    if (lines[0].startsWith(top) && !lines.some((l) => l.includes(MARK))) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `runs` times `cat FILE` at the prompt until the prompt is back on the screen; ms each. */
async function timeCat(s, file, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    s.sendLine('clear');
    await cleared(s);
    const t0 = now();
    s.sendLine(`cat ${file}`);
    await catDone(s);
    times.push(now() - t0);
  }
  return times;
}

export async function catInUi(file, runs) {
  const s = startUi('ui');
  try {
    await s.expect(PROMPT);
    return await timeCat(s, file, runs);
  } finally {
    await s.close();
  }
}

/** The same in tmux (its own server, no config, bash as the shell) at the same terminal size. */
export async function catInTmux(file, runs) {
  if (!which('tmux') || !which('bash')) return null;
  const h = home();
  const socket = `jcsh-bench-${process.pid}`;
  // tmux starts the command from its server's environment: the prompt is set in the command.
  const command = `PS1='${PROMPT}' HISTFILE=/dev/null exec bash --norc --noprofile -i`;
  const s = spawnPty('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', command], {
    env: { PS1: PROMPT, HOME: h, HISTFILE: '/dev/null', TERM: 'xterm-256color' }, cwd: h, timeout: 30000, ...SIZE,
  });
  try {
    await s.expect(PROMPT, { on: 'screen' });
    return await timeCat(s, file, runs);
  } finally {
    await s.close();
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssKiB(pid) {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** The UI's children (its engine, on Linux), from /proc: the engine leads a session of its own. */
function childrenOf(pid) {
  const kids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) kids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return kids;
}

/**
 * The UI at rest at its prompt: its resident set and the engine's, and the CPU time both use
 * over `seconds` of idling (the definition of "idle" is a span of time, so this one waits).
 * It starts once the UI is whole (its status line drawn), not at the boot frame's prompt.
 */
export async function uiIdle(kind, seconds) {
  const s = startUi(kind);
  try {
    await s.expect(PROMPT);
    await s.expect('^] menu', { on: 'screen' });
    // The first frames and the first snapshot of the panels: what follows is rest.
    await new Promise((r) => setTimeout(r, 1000));
    const ui = s.pid;
    const engine = childrenOf(ui)[0];
    const pids = [ui, ...(engine ? [engine] : [])];
    const before = pids.map(cpuMs);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const after = pids.map(cpuMs);
    const cpu = after.reduce((sum, a, i) => sum + a - before[i], 0);
    return { seconds, cpuMs: cpu, uiRss: rssKiB(ui), engineRss: engine ? rssKiB(engine) : 0 };
  } finally {
    await s.close();
  }
}
