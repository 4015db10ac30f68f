// The first frame, before the UI's code has loaded: the engine is usually at its prompt before
// Ink, React and xterm are ready, so the pane's text is drawn straight away from the engine's
// first output. Only printable text is kept (every escape sequence and control character is
// dropped), so it is as safe as the pane. Ink's first frame replaces it.

import fs from 'node:fs';
import type { Rect } from './layout.js';

export class BootFrame {
  private readonly lines: string[] = [''];
  private x = 0;
  private pending = '';
  private drawn = false;
  private onText: () => void = () => {};
  /** Resolves once some text (the engine's prompt, usually) is on the screen. */
  readonly text = new Promise<void>((resolve) => {
    this.onText = resolve;
  });

  constructor(private readonly pane: Rect) {}

  /** Takes engine output; draws the pane's text at once. */
  output(data: Uint8Array | string): void {
    this.pending += typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    this.pending = this.consume(this.pending);
    this.draw();
  }

  /** Draws the pane's rows (the screen was cleared when the UI took the terminal). */
  private draw(): void {
    const shown = this.lines.slice(-this.pane.height);
    let out = '';
    shown.forEach((line, y) => {
      out += `\x1b[${this.pane.y + y + 1};${this.pane.x + 1}H${[...line].slice(0, this.pane.width).join('')}\x1b[K`;
    });
    const y = shown.length;
    out += `\x1b[${this.pane.y + y};${this.pane.x + 1 + Math.min(this.x, this.pane.width - 1)}H`;
    this.drawn = true;
    try {
      fs.writeSync(1, out);
    } catch {
      // the terminal is gone; the UI will find out
    }
  }

  get hasDrawn(): boolean {
    return this.drawn;
  }

  /** Applies text, cursor returns, newlines and backspaces; returns an unfinished escape sequence. */
  private consume(text: string): string {
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\x1b') {
        const end = sequenceEnd(text, i);
        if (end < 0) return text.slice(i);
        i = end;
        continue;
      }
      i++;
      if (c === '\r') this.x = 0;
      else if (c === '\n') this.newline();
      else if (c === '\b') this.x = Math.max(0, this.x - 1);
      else if (c >= ' ' && c !== '\x7f' && !(c >= '\x80' && c <= '\x9f')) this.put(c);
    }
    return '';
  }

  private put(c: string): void {
    this.onText();
    const row = this.lines.length - 1;
    const chars = [...this.lines[row]!];
    while (chars.length < this.x) chars.push(' ');
    chars[this.x++] = c;
    this.lines[row] = chars.join('');
  }

  private newline(): void {
    this.lines.push('');
    if (this.lines.length > this.pane.height) this.lines.shift();
  }
}

/** Index after the escape sequence at `i` (CSI, OSC/DCS up to BEL or ST, or two bytes), or -1 if incomplete. */
function sequenceEnd(text: string, i: number): number {
  const kind = text[i + 1];
  if (kind === undefined) return -1;
  if (kind === '[') {
    for (let j = i + 2; j < text.length; j++) if (text[j]! >= '@' && text[j]! <= '~') return j + 1;
    return -1;
  }
  if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === '\x07') return j + 1;
      if (text[j] === '\x1b' && text[j + 1] === '\\') return j + 2;
    }
    return -1;
  }
  return i + 2;
}
