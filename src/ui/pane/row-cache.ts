// Rendered rows by content, so a frame rebuilds only the rows whose cells changed. The key is
// the line's cell words (text, colours and attributes, three 32-bit words a cell) plus the
// text of its combined characters, read from xterm's internal BufferLine: the public API has no
// dirty-row information in headless mode, and reading the words is far cheaper than rendering.
// If a future xterm hides them, keyOf answers null and every row is simply rendered.

import type { IBufferLine } from '@xterm/headless';

interface InternalLine {
  readonly _data?: Uint32Array;
  readonly _combined?: Record<number, string>;
}

/** The internal line behind the public wrapper, when this xterm has one we can read. */
function internal(line: IBufferLine): InternalLine | undefined {
  const inner = (line as unknown as { _line?: InternalLine })._line;
  return inner?._data instanceof Uint32Array ? inner : undefined;
}

export class RowCache {
  // Two generations: rows used in this frame or the previous one survive a sweep.
  #current = new Map<string, string>();
  #previous = new Map<string, string>();
  #rendered = 0;
  #cached = 0;

  /** The line's content as a key, or null when it cannot be read. */
  keyOf(line: IBufferLine, cols: number): string | null {
    const inner = internal(line);
    if (inner === undefined) return null;
    const data = inner._data!;
    const words = Math.min(data.length, cols * 3);
    const halves = new Uint16Array(data.buffer, data.byteOffset, words * 2);
    let key = `${cols}:`;
    // fromCharCode takes arguments: chunk to stay far below the engine's argument limit.
    for (let i = 0; i < halves.length; i += 8192) {
      key += String.fromCharCode.apply(null, halves.subarray(i, i + 8192) as unknown as number[]);
    }
    const combined = inner._combined;
    if (combined !== undefined) for (const index in combined) key += `\0${index}=${combined[index]}`;
    return key;
  }

  get(key: string): string | undefined {
    let text = this.#current.get(key);
    if (text === undefined) {
      text = this.#previous.get(key);
      if (text !== undefined) this.#current.set(key, text);
    }
    if (text !== undefined) this.#cached++;
    return text;
  }

  set(key: string, text: string): void {
    this.#rendered++;
    this.#current.set(key, text);
  }

  /** Ends a frame: rows not used in it or the one before are dropped. */
  sweep(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }

  get stats(): { readonly rendered: number; readonly cached: number } {
    return { rendered: this.#rendered, cached: this.#cached };
  }
}
