// Starting jcsh's UI in a pty for end-to-end tests. Ink draws only its last frame when CI is
// set, so the UI runs with CI=false. The screen is cut into the regions the layout gives the
// pane and the panels, so a test finds a job in the Jobs panel, not anywhere on the screen.

import { closeAllSessions, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { layout, type Layout } from '../../src/ui/layout.js';
import { afterEach } from 'vitest';
import { JCSH, tempHome } from '../e2e/harness.js';
import { pathWithHelpers } from '../helpers/paths.js';

afterEach(async () => {
  await closeAllSessions();
});

export const UI_PROMPT = 'ui$ ';

export type Kernel = 'linux' | 'sim';

export interface UiSession {
  readonly s: PtySession;
  readonly kernel: Kernel;
  /** The session's HOME and working directory. */
  readonly home: string;
  cols: number;
  rows: number;
  /** The layout with panels shown at the session's size. */
  layout(): Layout;
  /** The pane's text (the left or upper region). */
  pane(): Promise<string>;
  /** The panels' text (the right or lower region). */
  panels(): Promise<string>;
  /** Waits until `f` (given the region's text) is true. */
  waitPane(pattern: RegExp | string, timeout?: number): Promise<string>;
  waitPanels(pattern: RegExp | string, timeout?: number): Promise<string>;
  /** Sends Ctrl-] and one key. */
  menu(key: string): void;
}

export interface UiOptions {
  cols?: number;
  rows?: number;
  args?: readonly string[];
  /** A command that runs jcsh: its words, then jcsh's. */
  command?: readonly string[];
  /**
   * `executable` (default): bin/jcsh.js run as a program, as a user runs `jcsh`; on a terminal
   * its sh lines start jcsh-launch, which starts the engine beside the UI. `node`: `node
   * bin/jcsh.js` run directly, where the UI starts the engine itself with node-pty.
   */
  start?: 'executable' | 'node';
  /** Variables added to the environment. */
  env?: Readonly<Record<string, string>>;
  /** The first prompt to wait for (a lab's shell prompts `$ `). */
  prompt?: RegExp;
}

export async function startUi(kernel: Kernel, o: UiOptions = {}): Promise<UiSession> {
  const home = tempHome();
  const cols = o.cols ?? 120;
  const rows = o.rows ?? 32;
  const argv = [JCSH, ...(kernel === 'sim' ? ['--sim'] : []), '--norc', ...(o.args ?? [])];
  const jcsh = o.start === 'node' ? [process.execPath, ...argv] : argv;
  const [command, args] = o.command ? [o.command[0]!, [...o.command.slice(1), ...jcsh]] : [jcsh[0]!, jcsh.slice(1)];
  const s = spawnPty(command, args, {
    cols, rows, timeout: 10000, cwd: home,
    env: { CI: 'false', PS1: UI_PROMPT, PATH: pathWithHelpers(), HOME: home, TERM: 'xterm-256color', ...o.env },
  });
  const ui: UiSession = {
    s, kernel, home, cols, rows,
    layout: () => layout({ cols: ui.cols, rows: ui.rows }, true),
    pane: async () => region(await s.screen(), ui.layout(), 'pane'),
    panels: async () => region(await s.screen(), ui.layout(), 'side'),
    waitPane: (p, timeout) => waitRegion(ui, 'pane', p, timeout),
    waitPanels: (p, timeout) => waitRegion(ui, 'side', p, timeout),
    menu: (key) => s.send(`\x1d${key}`),
  };
  await ui.waitPane(o.prompt ?? /^ui\$/m);
  return ui;
}

function region(screen: { lines: readonly string[] }, l: Layout, which: 'pane' | 'side'): string {
  const r = which === 'pane' ? l.pane : l.side;
  if (!r) return '';
  return screen.lines.slice(r.y, r.y + r.height).map((line) => [...line].slice(r.x, r.x + r.width).join('').trimEnd()).join('\n');
}

async function waitRegion(ui: UiSession, which: 'pane' | 'side', pattern: RegExp | string, timeout = 10000): Promise<string> {
  const matches = (t: string) => (typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t));
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = which === 'pane' ? await ui.pane() : await ui.panels();
    if (matches(text)) return text;
    if (Date.now() > deadline || ui.s.exitStatus) {
      throw new Error(`the ${which === 'pane' ? 'pane' : 'panels'} never showed ${String(pattern)}; the screen:\n${await ui.s.snapshot()}`);
    }
    // Polling the rendered screen: the condition is what is drawn, which has no event of its own.
    await new Promise((r) => setTimeout(r, 25));
  }
}
