// The line editor of the plain shell: node:readline with emacs keys, history and completion.
// Each prompt opens the terminal afresh and closes it when the line is read, so that raw mode
// and libuv's reading never outlive the prompt: a job that owns the terminal must never see the
// shell reading it (a read then would get EIO and kill the stream), and its fds must stay
// blocking.

import fs from 'node:fs';
import readline from 'node:readline';
import tty from 'node:tty';
import type { LineReader, ReadResult } from '../core/repl.js';
import type { HistoryFile } from './history.js';

export type Completer = (line: string) => { candidates: string[]; word: string };

export class ReadlineReader implements LineReader {
  /** Bytes typed after the end of the last line, kept for the next prompt. */
  private typeahead: Buffer = Buffer.alloc(0);

  constructor(
    private readonly ttyPath: string,
    private readonly history: HistoryFile,
    private readonly completer: Completer,
    /** End the prompt's line when ^D ends the input (bash does; tsh prints nothing). */
    private readonly newlineAtEof = true,
  ) {}

  remember(command: string): void {
    this.history.add(command);
  }

  /**
   * Feeds readline one line at a time. Whatever follows the first Enter in a chunk is kept for
   * the next prompt (the command runs in between, and a line typed ahead must not be lost), and
   * ^\ is dropped: in raw mode the terminal sends it as a byte that readline would insert,
   * where at bash's prompt it does nothing (SIGQUIT is ignored there).
   */
  private filterInput(input: tty.ReadStream): tty.ReadStream {
    const emit = input.emit.bind(input);
    input.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== 'data' || !Buffer.isBuffer(args[0])) return emit(event, ...args);
      let chunk = Buffer.from(args[0].filter((b) => b !== 0x1c));
      const end = chunk.findIndex((b) => b === 0x0d || b === 0x0a);
      if (end >= 0 && end < chunk.length - 1) {
        this.typeahead = Buffer.concat([this.typeahead, chunk.subarray(end + 1)]);
        chunk = chunk.subarray(0, end + 1);
      }
      return chunk.length > 0 ? emit('data', chunk) : true;
    }) as typeof input.emit;
    return input;
  }

  read(prompt: string): Promise<ReadResult> {
    const input = this.filterInput(new tty.ReadStream(fs.openSync(this.ttyPath, 'r')));
    const output = new tty.WriteStream(fs.openSync(this.ttyPath, 'w'));
    const rl = readline.createInterface({
      input, output, terminal: true, prompt, history: [...this.history.entries], historySize: 1000,
      removeHistoryDuplicates: false, tabSize: 8,
      completer: (line: string) => {
        const c = this.completer(line);
        return [c.candidates, c.word];
      },
    });
    return new Promise<ReadResult>((resolve) => {
      let settled = false;
      const finish = (r: ReadResult) => {
        if (settled) return;
        settled = true;
        rl.close();
        input.destroy();
        output.destroy();
        resolve(r);
      };
      rl.on('line', (text) => finish({ kind: 'line', text }));
      rl.on('SIGINT', () => {
        output.write('^C\r\n');
        finish({ kind: 'interrupt' });
      });
      // Without a listener readline would suspend the shell itself with SIGTSTP.
      rl.on('SIGTSTP', () => {});
      // ^D on an empty line: like bash, end the prompt's line before the shell says "exit".
      rl.on('close', () => {
        if (!settled && this.newlineAtEof) output.write('\r\n');
        finish({ kind: 'eof' });
      });
      input.on('error', () => finish({ kind: 'eof' }));
      rl.prompt();
      if (this.typeahead.length > 0) {
        const pending = this.typeahead;
        this.typeahead = Buffer.alloc(0);
        setImmediate(() => input.emit('data', pending));
      }
    });
  }
}

/** Reads lines from a non-terminal stdin (`jcsh -i < file`), prompting on stderr as bash does. */
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
    fs.writeSync(this.promptFd, prompt);
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
