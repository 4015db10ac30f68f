// The UI's main loop: takes the user's terminal (raw, alternate screen), draws the app with
// Ink, sends keys through the controller, follows window resizes, and gives the terminal back
// on every way out. Resolves with the status the UI ends with: the engine's when it exited,
// 128 + n after signal n.

import fs from 'node:fs';
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type tty from 'node:tty';
import { render, type Instance } from 'ink';
import { App } from './app.js';
import type { Backend, Size } from './backend.js';
import type { EarlyListeners } from './buffer.js';
import { UiController } from './controller.js';
import type { TerminalGuard } from './guard.js';
import { DirectPane } from './pane/direct.js';
import { TerminalScreen } from './pane/screen.js';
import stringWidth from 'string-width';
import { Store } from './store.js';

export interface UiOptions {
  readonly backend: Backend;
  /** The listeners the backend was started with, holding what it reported so far. */
  readonly early: EarlyListeners;
  /** The user's terminal, already taken (raw, alternate screen) when the engine started. */
  readonly guard: TerminalGuard;
  /** The size the engine's terminal was started at. */
  readonly engineSize: Size;
}

export function terminalSize(): Size {
  return { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
}

export function runUi({ backend, early, guard, engineSize }: UiOptions): Promise<number> {
  const keyboard = process.stdin as tty.ReadStream;
  const store = new Store();
  const term = terminalSize();
  // Cells measured as Ink and the user's terminal measure them (emoji two columns wide).
  const screen = new TerminalScreen({ cols: engineSize.cols, rows: engineSize.rows, measure: stringWidth });
  // Ink lays out the pane as an empty box and the pane's rows are written directly: Ink
  // re-tokenizes all its output on every frame, tens of ms for a big coloured pane.
  const direct = new DirectPane(screen, (data) => process.stdout.write(data));
  let ink: Instance | null = null;
  let finish!: (code: number) => void;
  let finished = false;
  const done = new Promise<number>((resolve) => {
    finish = (code) => {
      if (finished) return;
      finished = true;
      try {
        ink?.unmount();
      } catch {
        // the renderer is beyond help; the terminal is restored all the same
      }
      guard.restore();
      keyboard.pause();
      resolve(code);
    };
  });
  const controller = new UiController(backend, store, screen, term, () => {
    backend.close();
    finish(store.get().exit?.code ?? 0);
  }, engineSize);
  screen.onReply((data) => backend.input(data));
  guard.install({
    end: (signal) => {
      backend.close();
      finish(128 + (constants.signals[signal] ?? 0));
    },
    crash: (e) => {
      // After the end, errors are the dead terminal's echoes (writes failing with EIO): saying
      // so would fail the same way, again and again.
      if (finished || backend.isEngineError?.(e)) return;
      backend.close();
      finish(1);
      sayLine(`jcsh: the UI failed: ${e instanceof Error ? e.message : String(e)}`);
    },
    suspend: () => {},
    resume: () => redraw(),
  });
  const redraw = () => {
    ink?.clear();
    process.stdout.write('\x1b[H\x1b[2J');
    direct.reset();
    store.update({});
  };
  // A write to a terminal that is gone fails (EIO): the terminal was hung up.
  process.stdout.on('error', () => {
    backend.close();
    finish(129);
  });
  // Before Ink's own resize listener: the layout must be new when Ink draws the new size.
  process.stdout.on('resize', () => {
    controller.resized(terminalSize());
    redraw();
  });
  // Ink's first frame replaces the boot frame.
  process.stdout.write('\x1b[H\x1b[2J');
  ink = render(<App store={store} screen={screen} direct={direct} kernel={backend.kernel} layout={controller.layout} />, {
    stdout: direct.inkStream(process.stdout),
    stdin: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
    // Only the panels and the status line are drawn by Ink (the pane draws itself, keys echo at
    // once): a dozen frames a second follow the jobs well, and a flood of output that keeps
    // changing the Session panel costs Ink a tenth of the time it would at 30.
    maxFps: 12,
    incrementalRendering: false,
  });
  const listeners = controller.listeners();
  early.attach({
    ...listeners,
    exit: (e) => {
      // A shell that exits ends the UI, as a terminal window closes; one that was killed is
      // reported, with a restart offered.
      if (e.signal === null) finish(e.code ?? 0);
      else listeners.exit(e);
    },
  });
  const decoder = new StringDecoder('utf8');
  keyboard.on('data', (chunk: Buffer) => controller.keys(decoder.write(chunk)));
  keyboard.on('end', () => {
    backend.close();
    finish(129);
  });
  return done;
}

/** One line on stderr, with a plain write: a stream would report its failure later, as an error event. */
function sayLine(text: string): void {
  try {
    fs.writeSync(2, `${text}\n`);
  } catch {
    // no terminal to say it on
  }
}
