// Reading command lines from the simulated terminal, the way jcsh's line editor (Node's
// readline) does on a real one: the terminal goes raw (non-canonical, no echo, no keyboard
// signals), the reader echoes and edits the line itself (erase, ^U, ^W, ^D; ^C abandons the
// line), and the shell's own modes come back once the line is read. So ^Z and ^\ at the prompt
// show nothing, a ^C never flushes what was typed before it, and a job's `stty -echo` adopted by
// the shell does not hide what is typed at the prompt.

import type { LineReader, ReadResult } from '../core/repl.js';
import type { OsPort, TermModes } from '../os/port.js';
import { OsError } from '../os/port.js';
import { decodeTermios, encodeTermios } from '../os/sim/tty/termios.js';

const ERASE = new Set([0x7f, 0x08]);

export class SimLineReader implements LineReader {
  /** Bytes read from the terminal and not yet used (typed ahead, or a pasted second line). */
  private pendingBytes: number[] = [];
  private read$: Promise<Uint8Array | null | 'lost'> | null = null;
  private interruption: (() => void) | null = null;
  /** SIGINT came while this prompt was being read. */
  private interrupted = false;

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
    this.interrupted = true;
    this.interruption?.();
  }

  async read(prompt: string): Promise<ReadResult> {
    // A SIGINT while a command ran was that command's; this prompt starts afresh.
    this.interrupted = false;
    const saved = this.editingModes();
    try {
      await this.echo(prompt);
      return await this.editLine();
    } finally {
      if (saved) this.setModes(saved);
    }
  }

  /** Edits one line from what is typed; each chunk's echo goes out in one write. */
  private async editLine(): Promise<ReadResult> {
    const line: number[] = [];
    for (;;) {
      if (this.interrupted) return this.abandon();
      const chunk = this.pendingBytes.length > 0 ? null : await this.next();
      if (chunk === 'interrupt') return this.abandon();
      if (chunk === 'lost') return { kind: 'lost' };
      if (chunk === null && this.pendingBytes.length === 0) return line.length > 0 ? this.finish(line, []) : this.endOfInput();
      if (chunk) this.pendingBytes.push(...chunk);
      const echo: number[] = [];
      while (this.pendingBytes.length > 0) {
        const byte = this.pendingBytes.shift()!;
        if (byte === 0x0a) return this.finish(line, echo);
        if (byte === 0x04 && line.length === 0) {
          await this.echo(Uint8Array.from(echo));
          return this.endOfInput();
        }
        if (byte === 0x03) {
          await this.echo(Uint8Array.from(echo));
          return this.abandon();
        }
        echo.push(...edit(line, byte));
      }
      await this.echo(Uint8Array.from(echo));
    }
  }

  /** ^C at the prompt (typed, or SIGINT sent to the shell): the line is dropped. */
  private async abandon(): Promise<ReadResult> {
    this.interrupted = false;
    this.pendingBytes = [];
    await this.echo('^C\n');
    return { kind: 'interrupt' };
  }

  private async finish(line: number[], echo: number[]): Promise<ReadResult> {
    await this.echo(Uint8Array.from([...echo, 0x0a]));
    return { kind: 'line', text: new TextDecoder().decode(Uint8Array.from(line)) };
  }

  private async endOfInput(): Promise<ReadResult> {
    if (this.newlineAtEof) await this.echo('\n');
    return { kind: 'eof' };
  }

  private echo(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return Promise.resolve();
    return this.port.write(this.fd, text).catch(() => undefined);
  }

  /** The next bytes typed, or the interruption; a read cut short by ^C is kept for the next prompt. */
  private async next(): Promise<Uint8Array | null | 'lost' | 'interrupt'> {
    this.read$ ??= this.port.read(this.fd).catch((e: unknown) => {
      if (e instanceof OsError && e.code === 'EIO') return 'lost' as const;
      throw e;
    });
    if (this.interrupted) return 'interrupt';
    const interrupted = new Promise<'interrupt'>((resolve) => (this.interruption = () => resolve('interrupt')));
    try {
      const r = await Promise.race([this.read$, interrupted]);
      if (r !== 'interrupt') this.read$ = null;
      return r;
    } finally {
      this.interruption = null;
    }
  }

  /** Readline's modes for the prompt; returns the shell's modes to put back, or null. */
  private editingModes(): TermModes | null {
    let saved: TermModes;
    try {
      saved = this.port.tcgetattr(this.fd);
    } catch {
      return null;
    }
    const t = decodeTermios(saved.snapshot);
    if (!t) return null;
    const editing = { ...t, icanon: false, echo: false, isig: false, icrnl: true, onlcr: true, cc: { ...t.cc, min: 1, time: 0 } };
    this.setModes({ ...saved, snapshot: encodeTermios(editing), icanon: false, echo: false, isig: false });
    return saved;
  }

  private setModes(modes: TermModes): void {
    try {
      this.port.tcsetattr(this.fd, modes);
    } catch {
      // Not ours to change right now (EIO, a lost terminal): the read tells.
    }
  }
}

function wordLength(line: readonly number[]): number {
  let i = line.length;
  while (i > 0 && line[i - 1] === 0x20) i--;
  while (i > 0 && line[i - 1] !== 0x20) i--;
  return line.length - i;
}

/** Applies one typed byte to the line; returns the bytes to echo for it. */
function edit(line: number[], byte: number): number[] {
  if (ERASE.has(byte)) return erase(line, 1);
  if (byte === 0x15) return erase(line, line.length);
  if (byte === 0x17) return erase(line, wordLength(line));
  if (byte < 0x20 && byte !== 0x09) return []; // other control keys do nothing at the prompt
  line.push(byte);
  // The bytes of a UTF-8 character are echoed as they come; the terminal puts them together.
  return [byte];
}

/** Drops `count` characters (UTF-8: a lead byte and its continuation bytes are one). */
function erase(line: number[], count: number): number[] {
  let columns = 0;
  for (let n = Math.min(count, line.length); n > 0 && line.length > 0; n--) {
    while (line.length > 1 && (line[line.length - 1]! & 0xc0) === 0x80) line.pop();
    line.pop();
    columns++;
  }
  return Array.from({ length: columns }, () => [8, 32, 8]).flat();
}
