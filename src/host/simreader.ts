// Reading command lines from the simulated terminal, the way readline does on a real one: the
// terminal goes non-canonical with its echo off (the keyboard signals stay on), the reader
// echoes and edits the line itself (erase, ^U, ^W, ^D), and the shell's own modes come back
// once the line is read. So ^Z and ^\ at the prompt show nothing, as under bash, and a job's
// `stty -echo` adopted by the shell does not hide what is typed at the prompt.

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
    const saved = this.editingModes();
    try {
      await this.echo(prompt);
      return await this.editLine();
    } finally {
      if (saved) this.setModes(saved);
    }
  }

  private async editLine(): Promise<ReadResult> {
    const line: number[] = [];
    for (;;) {
      const byte = this.pendingBytes.shift();
      if (byte === undefined) {
        const chunk = await this.next();
        if (chunk === 'interrupt') {
          await this.echo('^C\n');
          return { kind: 'interrupt' };
        }
        if (chunk === 'lost') return { kind: 'lost' };
        if (chunk === null) return line.length > 0 ? this.finish(line) : this.endOfInput();
        this.pendingBytes.push(...chunk);
        continue;
      }
      if (byte === 0x0a) return this.finish(line);
      if (byte === 0x04 && line.length === 0) return this.endOfInput();
      await this.edit(line, byte);
    }
  }

  private async edit(line: number[], byte: number): Promise<void> {
    if (ERASE.has(byte)) return this.erase(line, 1);
    if (byte === 0x15) return this.erase(line, line.length);
    if (byte === 0x17) return this.erase(line, wordLength(line));
    if (byte < 0x20 && byte !== 0x09) return; // other control keys do nothing at the prompt
    line.push(byte);
    await this.echo(Uint8Array.of(byte));
  }

  private async erase(line: number[], count: number): Promise<void> {
    let n = Math.min(count, line.length);
    // A UTF-8 character is one column: drop its continuation bytes with it.
    let columns = 0;
    while (n > 0) {
      let b = line.pop()!;
      n--;
      while ((b & 0xc0) === 0x80 && line.length > 0) {
        b = line.pop()!;
        n = Math.max(0, n - 1);
      }
      columns++;
    }
    if (columns > 0) await this.echo('\b \b'.repeat(columns));
  }

  private async finish(line: number[]): Promise<ReadResult> {
    await this.echo('\n');
    return { kind: 'line', text: new TextDecoder().decode(Uint8Array.from(line)) };
  }

  private async endOfInput(): Promise<ReadResult> {
    if (this.newlineAtEof) await this.echo('\n');
    return { kind: 'eof' };
  }

  private echo(text: string | Uint8Array): Promise<void> {
    return this.port.write(this.fd, text).catch(() => undefined);
  }

  /** The next bytes typed, or the interruption; a read cut short by ^C is kept for the next prompt. */
  private async next(): Promise<Uint8Array | null | 'lost' | 'interrupt'> {
    this.read$ ??= this.port.read(this.fd).catch((e: unknown) => {
      if (e instanceof OsError && e.code === 'EIO') return 'lost' as const;
      throw e;
    });
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
    const editing = { ...t, icanon: false, echo: false, isig: true, icrnl: true, onlcr: true, cc: { ...t.cc, min: 1, time: 0 } };
    this.setModes({ ...saved, snapshot: encodeTermios(editing), icanon: false, echo: false, isig: true });
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
