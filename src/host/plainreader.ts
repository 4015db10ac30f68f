// Reading commands from a non-terminal stdin (`jcsh -i < file`, a pipe from a driver).

import fs from 'node:fs';
import type { LineReader, ReadResult } from '../core/repl.js';

/** Reads lines from a non-terminal stdin, prompting on stderr as bash does. */
export class PlainReader implements LineReader {
  private buffered = '';
  private eof = false;
  private readonly decoder = new TextDecoder();

  /** `readChunk` is the port's read: it copes with an fd made non-blocking (a socket from Node). */
  constructor(
    private readonly fd: number,
    private readonly promptFd: number,
    private readonly readChunk: (fd: number) => Promise<Uint8Array | null>,
  ) {}

  remember(): void {}

  async read(prompt: string): Promise<ReadResult> {
    try {
      fs.writeSync(this.promptFd, prompt);
    } catch {
      // Nobody reads the prompt any more; the commands may still come.
    }
    for (;;) {
      const nl = this.buffered.indexOf('\n');
      if (nl >= 0) {
        const text = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        return { kind: 'line', text };
      }
      if (this.eof) {
        if (this.buffered === '') return { kind: 'eof' };
        const text = this.buffered;
        this.buffered = '';
        return { kind: 'line', text };
      }
      const chunk = await this.readChunk(this.fd).catch(() => null);
      if (chunk === null) this.eof = true;
      else this.buffered += this.decoder.decode(chunk, { stream: true });
    }
  }
}
