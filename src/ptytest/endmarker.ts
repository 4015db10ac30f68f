// A unique marker written behind a program's last output, so the reader knows it has read everything.

import { randomBytes } from 'node:crypto';

/**
 * Finds (and removes) a random marker in a stream of output chunks. The
 * marker is an APC sequence of capitals and digits: output post-processing
 * (ONLCR, even OLCUC) leaves it alone, and a terminal would ignore it.
 * Before {@link arm} everything passes straight through; after it, a chunk
 * ending in what might be the start of the marker is held back until the next
 * chunk (or {@link flush}) decides.
 */
export class EndMarker {
  readonly token = `\x1b_JCSH-END-${randomBytes(8).toString('hex').toUpperCase()}\x1b\\`;
  #armed = false;
  #seen = false;
  #carry = '';

  /** From now on the marker may arrive. */
  arm(): void {
    this.#armed = true;
  }

  get seen(): boolean {
    return this.#seen;
  }

  /** The part of `chunk` to deliver now, without the marker. */
  filter(chunk: string): string {
    if (!this.#armed || this.#seen) return chunk;
    const text = this.#carry + chunk;
    const at = text.indexOf(this.token);
    if (at >= 0) {
      this.#seen = true;
      this.#carry = '';
      return text.slice(0, at) + text.slice(at + this.token.length);
    }
    const keep = this.#partialSuffix(text);
    this.#carry = text.slice(text.length - keep);
    return text.slice(0, text.length - keep);
  }

  /** Whatever was held back; call when giving up on the marker. */
  flush(): string {
    const rest = this.#carry;
    this.#carry = '';
    return rest;
  }

  /** Length of the longest end of `text` that is a proper start of the token. */
  #partialSuffix(text: string): number {
    for (let n = Math.min(text.length, this.token.length - 1); n > 0; n--) {
      if (this.token.startsWith(text.slice(text.length - n))) return n;
    }
    return 0;
  }
}
