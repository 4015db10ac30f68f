// Reading command lines from the simulated terminal: the simulated driver's canonical mode does
// the editing and the echo (erase, kill, ^D), so the shell reads finished lines, as dash does
// without a line editor. ^C at the prompt is the shell's SIGINT; the read in progress is kept
// for the next prompt, since a read cannot be taken back from the kernel.

import type { LineReader, ReadResult } from '../core/repl.js';
import type { OsPort } from '../os/port.js';
import { OsError } from '../os/port.js';

export class SimLineReader implements LineReader {
  private buffered = '';
  private pending: Promise<Uint8Array | null | 'lost'> | null = null;
  private interruption: (() => void) | null = null;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly port: OsPort,
    /** The terminal fd the shell reads and prompts on. */
    private readonly fd: number,
    /** Print a newline when ^D ends the shell (bash does; tsh does not). */
    private readonly newlineAtEof: boolean,
  ) {}

  remember(): void {}

  /** The shell got SIGINT: the prompt is abandoned. */
  interrupt(): void {
    this.interruption?.();
  }

  async read(prompt: string): Promise<ReadResult> {
    await this.port.write(this.fd, prompt).catch(() => undefined);
    for (;;) {
      const nl = this.buffered.indexOf('\n');
      if (nl >= 0) {
        const text = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        return { kind: 'line', text };
      }
      const chunk = await this.next();
      if (chunk === 'interrupt') {
        this.buffered = '';
        await this.port.write(this.fd, '\n').catch(() => undefined);
        return { kind: 'interrupt' };
      }
      if (chunk === 'lost') return { kind: 'lost' };
      if (chunk === null) {
        // ^D on an empty line; a partial line ended by ^D comes without its newline.
        if (this.buffered !== '') {
          const text = this.buffered;
          this.buffered = '';
          return { kind: 'line', text };
        }
        if (this.newlineAtEof) await this.port.write(this.fd, '\n').catch(() => undefined);
        return { kind: 'eof' };
      }
      const text = this.decoder.decode(chunk, { stream: true });
      // A partial line ended by ^D is a line of its own to the shell.
      this.buffered += text.endsWith('\n') ? text : `${text}\n`;
    }
  }

  private async next(): Promise<Uint8Array | null | 'lost' | 'interrupt'> {
    this.pending ??= this.port.read(this.fd).catch((e: unknown) => {
      if (e instanceof OsError && e.code === 'EIO') return 'lost' as const;
      throw e;
    });
    const interrupted = new Promise<'interrupt'>((resolve) => (this.interruption = () => resolve('interrupt')));
    try {
      const r = await Promise.race([this.pending, interrupted]);
      if (r !== 'interrupt') this.pending = null;
      return r;
    } finally {
      this.interruption = null;
    }
  }
}
