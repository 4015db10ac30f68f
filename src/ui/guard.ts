// The user's terminal is never left broken: raw mode, the alternate screen and the hidden
// cursor are undone on every way out (quit, an exception, SIGTERM, SIGHUP, SIGINT, SIGQUIT
// from outside; the keyboard's ^C is only a byte in raw mode), and a stop (SIGTSTP from
// outside) puts the terminal back first and takes it again on SIGCONT. Only SIGKILL cannot be
// caught; the kernel then hangs up the pane's pty all the same.

import fs from 'node:fs';

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
// SGR reset, cursor shown, main screen back.
const LEAVE = '\x1b[0m\x1b[?25h\x1b[?1049l';

export interface GuardHooks {
  /** A signal asks the UI to end: hang the session up, then leave. */
  readonly end: (signal: NodeJS.Signals) => void;
  /** An exception escaped: say it in one line after the terminal is back. */
  readonly crash: (e: unknown) => void;
  /** Before the terminal is given back (stop the renderer), and after it is taken again (redraw). */
  readonly suspend: () => void;
  readonly resume: () => void;
}

export class TerminalGuard {
  private entered = false;

  constructor(private readonly keyboard: NodeJS.ReadStream & { setRawMode(on: boolean): unknown }) {}

  enter(): void {
    this.keyboard.setRawMode(true);
    write(ENTER);
    this.entered = true;
  }

  restore(): void {
    if (!this.entered) return;
    this.entered = false;
    try {
      this.keyboard.setRawMode(false);
    } catch {
      // the terminal is gone
    }
    write(LEAVE);
  }

  private hooks: GuardHooks | null = null;

  /** Sets what the ways out do; the first call installs the listeners, later ones replace the hooks. */
  install(hooks: GuardHooks): void {
    const first = this.hooks === null;
    this.hooks = hooks;
    if (!first) return;
    process.on('exit', () => this.restore());
    for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'] as const) process.on(signal, () => this.hooks!.end(signal));
    process.on('uncaughtException', (e) => this.hooks!.crash(e));
    process.on('unhandledRejection', (e) => this.hooks!.crash(e));
    process.on('SIGTSTP', () => {
      this.hooks!.suspend();
      this.restore();
      process.kill(process.pid, 'SIGSTOP');
    });
    process.on('SIGCONT', () => {
      if (this.entered) return;
      this.enter();
      this.hooks!.resume();
    });
  }
}

function write(text: string): void {
  try {
    fs.writeSync(1, text);
  } catch {
    // the terminal is gone
  }
}
