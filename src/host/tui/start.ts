// `jcsh` on a terminal: the UI. The terminal is taken and the backend (with it the engine)
// started first, while the UI's code (Ink, React, xterm) is still loading, so the two
// start-ups overlap; the engine's first output is drawn at once by the boot frame.

import fs from 'node:fs';
import { constants } from 'node:os';
import type tty from 'node:tty';
import type { Options } from '../../cli/args.js';
import type { Backend } from '../../ui/backend.js';
import { BootFrame } from '../../ui/boot.js';
import { EarlyListeners } from '../../ui/buffer.js';
import { TerminalGuard } from '../../ui/guard.js';
import { layout } from '../../ui/layout.js';
import type { LaunchedEngine } from './launched.js';

/** How long the UI waits for the engine's first words before loading its code anyway. */
const FIRST_OUTPUT_MS = 1000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** `jcsh --lab NAME` on Linux: the lab's steps typed into the real shell, the simulator's answers beside. */
async function withLab(backend: Backend, name: string | null): Promise<Backend> {
  const lab = name === null ? undefined : (await import('../../labs/registry.js')).findLab(name);
  if (!lab) return backend;
  const { LabPlayer } = await import('../../labs/player.js');
  const driver = new LabPlayer(lab, {}, (keys) => backend.input(keys));
  return Object.assign(backend, { lab: driver });
}

/** `launched`: the engine jcsh-launch started (bin/jcsh.js on a terminal), to use instead of starting one. */
export async function runTui(o: Options, launched: LaunchedEngine | null = null): Promise<number> {
  const term = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const pane = layout(term, true).pane;
  const guard = new TerminalGuard(process.stdin as tty.ReadStream);
  // Each backend loads only what it needs: node-pty, or the simulator.
  const backend: Backend = o.sim
    ? new (await import('./sim.js')).SimBackend(o)
    : await withLab(new (await import('./real.js')).RealBackend({ args: o.norc ? ['--norc'] : [], launched }), o.lab);
  // Until the UI is up, a signal or an error still gives the terminal back.
  guard.install({
    end: (signal) => {
      backend.close();
      guard.restore();
      process.exit(128 + (constants.signals[signal] ?? 0));
    },
    crash: (e) => {
      if (backend.isEngineError?.(e)) return;
      backend.close();
      guard.restore();
      try {
        fs.writeSync(2, `jcsh: the UI failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        process.exit(1);
      }
    },
    suspend: () => {},
    resume: () => {},
  });
  guard.enter();
  const boot = new BootFrame(pane);
  let ended = () => {};
  const engineEnded = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const early = new EarlyListeners((data) => boot.output(data), ended);
  const engineSize = { cols: pane.width, rows: pane.height };
  backend.start(engineSize, early);
  // CI=false says "not CI": Ink reads it so, but the colour detection Ink uses turns colours
  // off whenever CI is set at all. Both read it as their modules load, just below.
  if (process.env['CI'] === 'false' || process.env['CI'] === '0') delete process.env['CI'];
  // Loading the UI's code holds the event loop for a while: draw the engine's prompt first.
  await Promise.race([boot.text, engineEnded, delay(FIRST_OUTPUT_MS)]);
  const { runUi } = await import('../../ui/run.js');
  return runUi({ backend, early, guard, engineSize });
}
