// STUB (replaced by the pane helper's version at merge): plain-text rows from @xterm/headless.
import xterm from '@xterm/headless';

export class TerminalScreen {
  private readonly term: xterm.Terminal;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(cols: number, rows: number) {
    this.term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  }
  get cols(): number { return this.term.cols; }
  get rowsCount(): number { return this.term.rows; }
  write(data: Uint8Array | string): void {
    this.term.write(data, () => this.changed());
  }
  resize(cols: number, rows: number): void { this.term.resize(cols, rows); this.changed(); }
  onChange(cb: () => void): () => void { this.listeners.add(cb); return () => this.listeners.delete(cb); }
  onReply(cb: (data: string) => void): void { this.term.onData(cb); }
  rows(scrollOffset = 0): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    const top = Math.max(0, b.viewportY - scrollOffset);
    for (let y = 0; y < this.term.rows; y++) out.push((b.getLine(top + y)?.translateToString(true) ?? '').padEnd(this.term.cols).slice(0, this.term.cols));
    return out;
  }
  cursor(): { x: number; y: number; visible: boolean } {
    const b = this.term.buffer.active;
    return { x: b.cursorX, y: b.cursorY, visible: true };
  }
  get scrollback(): number { return this.term.buffer.active.baseY; }
  private changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = null; for (const l of this.listeners) l(); }, 16);
  }
}
