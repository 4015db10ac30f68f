// The terminal pane's figures: how fast TerminalScreen takes a flood of output (`cat` of 20 MB)
// and how long the event loop waits meanwhile, what a frame of a 200x50 pane full of coloured
// text costs (rows; rows written straight to the terminal; rows through React and Ink), and
// what Ink writes per frame in its three ways of drawing a screen-high UI. Needs the compiled
// tree (npm run compile); run with NODE_ENV=production, as the UI's bundle should be (React's
// development build is slower).
//   NODE_ENV=production node bench/lib/pane.mjs [--mb 20] [--frames 30]

import { Writable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './shells.mjs';
import { numberOption } from './options.mjs';

// Ink draws only the last frame when it thinks it runs in CI; it reads that on import.
process.env.CI = 'false';
const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', 'ui', 'pane', file)).href);

/** A stdout that is a terminal of the given size, counting what Ink writes and waking a waiter. */
class FakeTty extends Writable {
  isTTY = true;
  bytes = 0;
  writes = 0;
  #waiter = null;
  constructor(columns, rows) {
    super({ decodeStrings: false });
    this.columns = columns;
    this.rows = rows;
  }
  _write(chunk, _enc, done) {
    this.lastWriteAt = performance.now();
    this.bytes += chunk.length;
    this.writes++;
    const w = this.#waiter;
    this.#waiter = null;
    w?.();
    done();
  }
  next() {
    return new Promise((resolve) => (this.#waiter = resolve));
  }
}

/** Text like a source file, with some colour as `ls --color` or `grep --color` would add. */
function floodText(bytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 10 === 0
      ? `\x1b[01;34mdirectory-${i}\x1b[0m  \x1b[01;32mprogram-${i}\x1b[0m  plain file number ${i} with some words after it\n`
      : `    const value${i} = compute(${i}, "a string of text", [1, 2, 3]); // comment ${i}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `cat` of `mb` MB: 64 KiB chunks arrive one per turn of the event loop, as a pty delivers them,
 * paused while the screen asks for it (write() false) and resumed on its drain notice; timed to
 * the last parse. `reader`: nobody draws ('none'), rows are read on each change notice ('rows'),
 * or the Ink pane draws them on a 200x51 terminal ('ink'). The event loop's delay while it runs
 * is how long a key could wait.
 */
async function flood(modules, mb, reader) {
  const { TerminalScreen } = modules;
  const data = floodText(mb * 2 ** 20);
  const screen = new TerminalScreen({ cols: 200, rows: 50 });
  let frames = 0;
  let app = null;
  const tty = new FakeTty(200, 51);
  if (reader === 'rows') screen.onChange(() => {
    frames++;
    screen.rows();
  });
  if (reader === 'ink' || reader === 'direct') {
    screen.onChange(() => frames++);
    const { ink, react, pane, DirectPane } = modules;
    const direct = reader === 'direct' ? new DirectPane(screen, (d) => tty.write(d)) : undefined;
    app = ink.render(
      react.createElement(pane.TerminalPane, { screen, width: 200, height: 50, focused: true, scrollOffset: 0, direct }),
      { stdout: direct ? direct.inkStream(tty) : tty, patchConsole: false, exitOnCtrlC: false },
    );
  }
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = performance.now();
  let pauses = 0;
  for (let i = 0; i < data.length; i += 65536) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!screen.write(data.subarray(i, i + 65536))) {
      pauses++;
      await new Promise((resolve) => {
        const stop = screen.onDrain(() => {
          stop();
          resolve();
        });
      });
    }
  }
  await screen.flushed();
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  app?.unmount();
  screen.dispose();
  return {
    mb,
    reader,
    seconds,
    mbPerSecond: mb / seconds,
    pauses,
    frames,
    inkBytes: tty.bytes,
    loopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
  };
}

/** A full screen of coloured text, different for each `seed`. */
function colouredScreen(cols, rows, seed) {
  let out = '\x1b[H';
  for (let y = 0; y < rows; y++) {
    let line = '';
    for (let x = 0; x < cols; x += 10) {
      const c = (x + y + seed) % 256;
      line += `\x1b[38;5;${c};48;2;${c};${(c * 3) % 256};${(c * 7) % 256}m${`w${seed}-${y}-${x}`.padEnd(10).slice(0, 10)}`;
    }
    out += `${line}\x1b[0m${y < rows - 1 ? '\r\n' : ''}`;
  }
  return out;
}

/**
 * The rows of a frame, and what drawing them straight to the terminal would cost, outside Ink:
 * each changed row after a cursor move, the whole in one write.
 */
async function rowsCost(TerminalScreen, cols, rows, frames) {
  const screen = new TerminalScreen({ cols, rows });
  const full = [];
  const one = [];
  const cached = [];
  const direct = [];
  let drawn = [];
  let directBytes = 0;
  for (let i = 0; i < frames; i++) {
    screen.write(colouredScreen(cols, rows, i));
    await screen.flushed();
    let t = performance.now();
    screen.rows();
    full.push(performance.now() - t);
    screen.write(colouredScreen(cols, rows, i + 1000));
    await screen.flushed();
    t = performance.now();
    const next = screen.rows();
    let out = '';
    for (let y = 0; y < next.length; y++) if (next[y] !== drawn[y]) out += `\x1b[${y + 1};1H${next[y]}`;
    const tty = new FakeTty(cols, rows);
    tty.write(out);
    direct.push(performance.now() - t);
    directBytes = out.length;
    drawn = next;
    t = performance.now();
    screen.rows();
    cached.push(performance.now() - t);
    screen.write(`\x1b[${rows};1Hx${i}`);
    await screen.flushed();
    t = performance.now();
    screen.rows();
    one.push(performance.now() - t);
  }
  screen.dispose();
  return {
    allRowsNewMs: median(full),
    oneRowNewMs: median(one),
    nothingNewMs: median(cached),
    directDrawAllRowsNew: { ms: median(direct), bytes: directBytes },
  };
}

/**
 * One Ink frame of a cols x rows pane: from the screen's change notice to Ink's write, for a
 * screen whose every row changed and for one row changed (a typed key), with the bytes written.
 */
async function inkFrame({ ink, react, pane, TerminalScreen, DirectPane }, cols, rows, frames, { paneRows, incremental, direct: isDirect = false }) {
  const screen = new TerminalScreen({ cols, rows: paneRows, frameMs: 1 });
  // Registered before the pane's own listener, so it runs first: the frame starts here.
  let noticed = 0;
  screen.onChange(() => (noticed = performance.now()));
  const tty = new FakeTty(cols, rows);
  const direct = isDirect ? new DirectPane(screen, (d) => tty.write(d)) : undefined;
  const app = ink.render(
    react.createElement(pane.TerminalPane, { screen, width: cols, height: paneRows, focused: true, scrollOffset: 0, direct }),
    { stdout: direct ? direct.inkStream(tty) : tty, patchConsole: false, exitOnCtrlC: false, maxFps: 1000, incrementalRendering: incremental },
  );
  await new Promise((r) => setTimeout(r, 50)); // the first layout places the pane
  const measure = async (data) => {
    await new Promise((r) => setTimeout(r, 5)); // past both throttles' frames: the next notice is a leading one
    const bytes = tty.bytes;
    const written = tty.next();
    screen.write(data);
    await written;
    await new Promise((r) => setTimeout(r, 5)); // the frame's last write, Ink's or the pane's
    return { ms: tty.lastWriteAt - noticed, bytes: tty.bytes - bytes };
  };
  const full = [];
  const one = [];
  for (let i = 0; i < frames; i++) {
    full.push(await measure(colouredScreen(cols, paneRows, i)));
    one.push(await measure(`\x1b[${paneRows};1H${i % 10}`));
  }
  app.unmount();
  screen.dispose();
  const sum = (xs) => ({ ms: median(xs.map((x) => x.ms)), bytes: median(xs.map((x) => x.bytes)) });
  return { allRowsNew: sum(full), oneRowNew: sum(one) };
}

export async function paneFigures({ mb = 20, frames = 30 } = {}) {
  const { TerminalScreen } = await dist('screen.js');
  const { DirectPane } = await dist('direct.js');
  const modules = { ink: await import('ink'), react: await import('react'), pane: await dist('pane.js'), TerminalScreen, DirectPane };
  const cols = 200;
  const rows = 50;
  return {
    flood: await flood(modules, mb, 'none'),
    floodReadingRows: await flood(modules, mb, 'rows'),
    floodDrawnByInk: await flood(modules, mb, 'ink'),
    floodDrawnDirect: await flood(modules, mb, 'direct'),
    rows: await rowsCost(TerminalScreen, cols, rows, frames),
    ink: {
      // Output as high as the terminal: Ink clears the whole terminal every frame.
      screenHigh: await inkFrame(modules, cols, rows, frames, { paneRows: rows, incremental: false }),
      // One line less: Ink erases and rewrites its lines, or only the changed ones (incremental,
      // which in Ink 6.8 puts them one row too low: figures only).
      oneLessStandard: await inkFrame(modules, cols, rows, frames, { paneRows: rows - 1, incremental: false }),
      oneLessIncremental: await inkFrame(modules, cols, rows, frames, { paneRows: rows - 1, incremental: true }),
      // One line less, the rows drawn by DirectPane beside an empty box in Ink.
      oneLessDirect: await inkFrame(modules, cols, rows, frames, { paneRows: rows - 1, incremental: false, direct: true }),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await paneFigures({ mb: numberOption('mb', 20), frames: numberOption('frames', 30) });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
