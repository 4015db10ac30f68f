// The line editor of the plain shell: node:readline with emacs keys, history and completion.
// Each prompt reads the terminal through a stream of its own, destroyed when the line is read,
// so that raw mode and libuv's reading never outlive the prompt: a job that owns the terminal
// must never see the shell reading it (a read then would get EIO and kill the stream), and
// its fds must stay blocking.
//
// Typed-ahead input is never lost. libuv reads whatever has been typed, which may be more
// than one line; readline would take it all and drop what follows the line it returns. So
// the bytes are handed to readline one piece at a time, each ending with a key that may end
// the prompt (Enter, ^C, ^D), and what is left when the prompt ends is kept, in order, for
// the next one, which is given it before it reads anything new.

import readline from 'node:readline';
import type tty from 'node:tty';
import type { LineReader, ReadResult } from '../core/repl.js';
import { toOsError } from '../os/linux/errors.js';
import type { HistoryFile } from './history.js';
import { TerminalStreams } from './ttystreams.js';

export type Completer = (line: string) => { candidates: string[]; word: string };

/** Keys after which readline may have finished the prompt: CR, LF, ^C, ^D. */
const ENDS_PROMPT = new Set([0x0d, 0x0a, 0x03, 0x04]);
/** ^\ arrives as a byte in raw mode; at bash's prompt it does nothing (SIGQUIT is ignored). */
const QUIT_KEY = 0x1c;

/** Length of the first piece of `bytes`: up to and including a key that may end the prompt (CR LF as one). */
function pieceLength(bytes: Buffer): number {
  const end = bytes.findIndex((b) => ENDS_PROMPT.has(b));
  if (end < 0) return bytes.length;
  return bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : end + 1;
}

export interface ReadlineReaderOptions {
  readonly ttyPath: string;
  readonly history: HistoryFile;
  readonly completer: Completer;
  /** End the prompt's line when ^D ends the input (bash does; tsh prints nothing). */
  readonly newlineAtEof: boolean;
  /** The terminal is gone (end of file, or EIO writing to it): the shell hangs up and dies. */
  readonly onHangup: () => void;
}

export class ReadlineReader implements LineReader {
  /** Bytes typed after the end of the last prompt's line, kept for the next prompt. */
  private typeahead: Buffer = Buffer.alloc(0);
  /** The input of the prompt in progress, which alone may be given bytes. */
  private current: tty.ReadStream | null = null;
  /** Ends the prompt in progress, leaving raw mode, with what its read returns (null: nothing). */
  private abandon: ((r: ReadResult | null) => void) | null = null;
  private readonly streams: TerminalStreams;

  constructor(private readonly o: ReadlineReaderOptions) {
    this.streams = new TerminalStreams(o.ttyPath, (code) => {
      if (code === 'EIO') o.onHangup();
    });
  }

  remember(command: string): void {
    this.o.history.add(command);
  }

  /**
   * Leaves the line editor for good (the terminal goes back to the shell's modes) before the
   * shell dies: the read in progress never returns, so the loop does not go on meanwhile.
   */
  release(): void {
    this.abandon?.(null);
  }

  /** Ends the read in progress as if ^D had been typed (a trapped SIGHUP or SIGTERM, as readline). */
  cancel(): void {
    this.abandon?.({ kind: 'eof' });
  }

  /** Gives readline `bytes` piece by piece while its prompt lasts; keeps the rest for the next. */
  private deliver(input: tty.ReadStream, emit: (chunk: Buffer) => void, bytes: Buffer): void {
    let rest = Buffer.from(bytes.filter((b) => b !== QUIT_KEY));
    while (rest.length > 0 && this.current === input) {
      const n = pieceLength(rest);
      emit(rest.subarray(0, n));
      rest = rest.subarray(n);
    }
    if (rest.length > 0) this.typeahead = Buffer.concat([this.typeahead, rest]);
  }

  /** Routes the stream's data through deliver(): what readline listens to is the filtered data. */
  private filterInput(input: tty.ReadStream): void {
    const emit = input.emit.bind(input);
    input.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== 'data' || !Buffer.isBuffer(args[0])) return emit(event, ...args);
      this.deliver(input, (chunk) => emit('data', chunk), args[0]);
      return true;
    }) as typeof input.emit;
  }

  /** This prompt's input and the output; an fd that cannot be opened (EMFILE) is an OsError. */
  private openStreams(): { input: tty.ReadStream; output: tty.WriteStream } {
    let input: tty.ReadStream | null = null;
    try {
      input = this.streams.input();
      return { input, output: this.streams.output() };
    } catch (e) {
      input?.destroy();
      throw toOsError(e, 'open');
    }
  }

  read(prompt: string): Promise<ReadResult> {
    const { input, output } = this.openStreams();
    this.filterInput(input);
    return new Promise<ReadResult>((resolve) => {
      let settled = false;
      let rl: readline.Interface | null = null;
      const finish = (r: ReadResult | null) => {
        if (settled) return;
        settled = true;
        this.current = null;
        this.abandon = null;
        try {
          rl?.close();
        } catch {
          // Raw mode could not be left: the terminal is gone.
        }
        input.destroy();
        if (r !== null) resolve(r);
      };
      // EIO: the shell is not in the foreground (a job took the terminal); the loop takes it
      // back. Listened to first: raw mode itself may fail so.
      input.on('error', () => finish({ kind: 'lost' }));
      // End of file from a terminal in raw mode: it was hung up. Heard before readline, which
      // would run the half-typed line.
      input.prependListener('end', () => this.o.onHangup());
      rl = this.prompt(input, output, prompt, finish);
      if (settled) return rl.close();
      this.current = input;
      this.abandon = finish;
      // What was typed ahead comes first, before anything libuv reads from now on.
      const pending = this.typeahead;
      this.typeahead = Buffer.alloc(0);
      if (pending.length > 0) input.emit('data', pending);
    });
  }

  /** Starts readline's prompt; `finish` ends it with what was read. */
  private prompt(input: tty.ReadStream, output: tty.WriteStream, prompt: string, finish: (r: ReadResult) => void): readline.Interface {
    const rl = readline.createInterface({
      input, output, terminal: true, prompt, history: [...this.o.history.entries], historySize: 1000,
      removeHistoryDuplicates: false, tabSize: 8,
      completer: (line: string) => {
        const c = this.o.completer(line);
        return [c.candidates, c.word];
      },
    });
    rl.on('line', (text) => finish({ kind: 'line', text }));
    rl.on('SIGINT', () => {
      output.write('^C\r\n');
      finish({ kind: 'interrupt' });
    });
    // Without a listener readline would suspend the shell itself with SIGTSTP.
    rl.on('SIGTSTP', () => {});
    // ^D on an empty line: like bash, end the prompt's line before the shell says "exit".
    rl.on('close', () => {
      if (this.current !== input) return;
      if (this.o.newlineAtEof) output.write('\r\n');
      finish({ kind: 'eof' });
    });
    rl.on('error', () => finish({ kind: 'lost' }));
    rl.prompt();
    return rl;
  }
}
