// The terminal: a pty slave with Linux's line discipline (n_tty). Bytes typed on the master
// side go through input processing (ICRNL, keyboard signals, canonical line editing, echo);
// bytes written go through output processing (ONLCR) to the master.

import { SIG } from '../../signals.js';
import type { Kernel } from '../kernel.js';
import type { Call } from '../process.js';
import { signalGroup } from '../signal.js';
import type { Termios, Winsize } from '../types.js';
import { SANE } from './termios.js';

/** 0: a plain byte; 1: ends a line (\n, or pending input made a line); 2: EOF (^D, never returned). */
type Mark = 0 | 1 | 2;

export class Tty {
  session: number | null = null;
  /** May name a group that no longer exists (rule book section 0). */
  fgPgrp: number | null = null;
  termios: Termios = SANE;
  winsize: Winsize;
  hungUp = false;
  readonly readers = new Set<Call>();
  private bytes: number[] = [];
  private marks: Mark[] = [];
  /** Bytes before this index form complete lines (canonical mode). */
  private canonHead = 0;

  constructor(
    private readonly k: Kernel,
    readonly name: string,
    /** Where output goes: the master side (the real terminal, a test, the UI). */
    private readonly toMaster: (bytes: Uint8Array) => void,
    size: Winsize,
  ) {
    this.winsize = size;
  }

  // --- output -----------------------------------------------------------------------------

  /** Output processing (OPOST|ONLCR), then to the master. */
  output(data: Uint8Array): void {
    if (!this.termios.onlcr || !data.includes(10)) return this.toMaster(data);
    const out: number[] = [];
    for (const b of data) {
      if (b === 10) out.push(13);
      out.push(b);
    }
    this.toMaster(Uint8Array.from(out));
  }

  private echo(c: number): void {
    if (!this.termios.echo) return;
    if (this.termios.echoctl && ((c < 32 && c !== 9 && c !== 10) || c === 127)) this.output(Uint8Array.of(0x5e, c === 127 ? 0x3f : c + 64));
    else this.output(Uint8Array.of(c));
  }

  // --- input ------------------------------------------------------------------------------

  /** Bytes typed on the keyboard. */
  receive(data: Uint8Array): void {
    if (this.hungUp) return;
    for (const byte of data) this.receiveByte(byte);
  }

  private receiveByte(byte: number): void {
    const t = this.termios;
    const c = t.icrnl && byte === 13 ? 10 : byte;
    if (t.isig && (c === t.cc.intr || c === t.cc.quit || c === t.cc.susp)) return this.keyboardSignal(c);
    if (!t.icanon) {
      this.push(c, 0);
      this.echo(c);
      this.k.wake(this.readers);
      return;
    }
    if (c === t.cc.erase) return this.erase(1);
    if (c === t.cc.kill) return this.erase(this.partial());
    if (c === t.cc.werase) return this.erase(this.wordLength());
    if (c === t.cc.eof) {
      this.push(c, 2);
      this.endLine();
      return;
    }
    this.push(c, c === 10 ? 1 : 0);
    this.echo(c);
    if (c === 10) this.endLine();
  }

  /** K3.1-K3.4: the signal to the foreground group, the flush (unless NOFLSH), then the echo. */
  private keyboardSignal(c: number): void {
    const t = this.termios;
    const sig = c === t.cc.intr ? SIG.INT : c === t.cc.quit ? SIG.QUIT : SIG.TSTP;
    const fg = this.fgPgrp;
    if (this.k.tracing) {
      const note = fg !== null && this.k.groups.has(fg) ? `${caret(c)} sends signal ${sig} to the foreground group ${fg}` : `${caret(c)}: the foreground group is empty, nobody is signalled`;
      this.k.emit({ kind: 'tty', t: this.k.now, tty: this.name, what: 'isig', who: null, pgid: fg, note });
    }
    if (fg !== null) signalGroup(this.k, fg, sig, { by: 'tty', from: null, note: `typed ${caret(c)}` });
    if (!t.noflsh) this.flush();
    this.echo(c);
  }

  private push(c: number, mark: Mark): void {
    this.bytes.push(c);
    this.marks.push(mark);
  }

  private endLine(): void {
    this.canonHead = this.bytes.length;
    this.k.wake(this.readers);
  }

  /** Length of the line being edited. */
  private partial(): number {
    return this.bytes.length - this.canonHead;
  }

  private wordLength(): number {
    let n = 0;
    let i = this.bytes.length - 1;
    while (i >= this.canonHead && (this.bytes[i] === 32 || this.bytes[i] === 9)) { i--; n++; }
    while (i >= this.canonHead && this.bytes[i] !== 32 && this.bytes[i] !== 9) { i--; n++; }
    return n;
  }

  private erase(count: number): void {
    const n = Math.min(count, this.partial());
    for (let i = 0; i < n; i++) {
      const c = this.bytes.pop()!;
      this.marks.pop();
      if (this.termios.echo && this.termios.echoe) {
        const width = this.termios.echoctl && (c < 32 || c === 127) && c !== 9 ? 2 : 1;
        for (let w = 0; w < width; w++) this.output(Uint8Array.of(8, 32, 8));
      }
    }
  }

  /** Discards all pending input (tcflush, keyboard signals). */
  flush(): void {
    if (this.bytes.length === 0) return;
    this.bytes = [];
    this.marks = [];
    this.canonHead = 0;
    if (this.k.tracing) this.k.emit({ kind: 'tty', t: this.k.now, tty: this.name, what: 'flush', who: null, pgid: null, note: 'pending input discarded' });
  }

  /** Whether a read would find something (canonical: a complete line; otherwise any byte). */
  get readable(): boolean {
    return this.termios.icanon ? this.canonHead > 0 : this.bytes.length > 0;
  }

  /** Takes what one read returns: at most one line in canonical mode. */
  take(count: number): Uint8Array {
    if (!this.termios.icanon) return this.consume(Math.min(count, this.bytes.length));
    let end = 0;
    while (end < this.canonHead && this.marks[end] === 0) end++;
    if (this.marks[end] === 2) {
      const n = Math.min(count, end);
      const out = this.consume(n);
      if (n === end) this.consume(1); // the ^D goes with the last byte of its line
      return out;
    }
    return this.consume(Math.min(count, end + 1));
  }

  private consume(n: number): Uint8Array {
    const out = Uint8Array.from(this.bytes.slice(0, n));
    this.bytes.splice(0, n);
    this.marks.splice(0, n);
    this.canonHead = Math.max(0, this.canonHead - n);
    return out;
  }

  /**
   * New attributes. Switching canonical mode on with input pending makes that input one line a
   * read returns at once; switching it off makes everything readable (n_tty_set_termios).
   */
  setTermios(next: Termios, flushInput: boolean): void {
    const wasCanon = this.termios.icanon;
    this.termios = next;
    if (flushInput) this.flush();
    if (wasCanon !== next.icanon && next.icanon && this.bytes.length > 0) {
      const last = this.marks.length - 1;
      if (this.marks[last] === 0) this.marks[last] = 1;
      this.canonHead = this.bytes.length;
    } else if (wasCanon !== next.icanon && next.icanon) {
      this.canonHead = 0;
    }
    this.k.wake(this.readers);
  }
}

export function caret(c: number): string {
  return c === 127 ? '^?' : c < 32 ? `^${String.fromCharCode(c + 64)}` : String.fromCharCode(c);
}
