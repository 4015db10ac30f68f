// Character widths as programs and terminals count them today. xterm's only built-in table is
// Unicode 6's, where an emoji such as U+1F600 takes one column; glibc's wcwidth (what readline
// and vim count with), string-width (what Ink counts with) and every current terminal give it
// two. Left alone, the emulated cursor and the program's idea of it drift apart on every emoji,
// and Ink's row is a column wider than ours. This provider gives Emoji_Presentation characters
// two columns and leaves everything else to Unicode 6.

import type { IUnicodeVersionProvider, Terminal as XTerminal } from '@xterm/headless';

const VERSION = 'jcsh-emoji';
const EMOJI = /\p{Emoji_Presentation}/u;
// No character below this has Emoji_Presentation (U+231A WATCH is the first).
const FIRST_EMOJI = 0x231a;

// xterm's packing of a character's properties (UnicodeService.createPropertyValue).
const widthOf = (props: number): number => (props >> 1) & 3;
const pack = (width: number, join: boolean): number => ((width & 3) << 1) | (join ? 1 : 0);

interface Internals {
  readonly _core?: { readonly unicodeService?: { readonly _providers?: Record<string, IUnicodeVersionProvider> } };
}

/** Makes `term` count emoji two columns wide; false (Unicode 6 stays) if this xterm hides its tables. */
export function useEmojiWidths(term: XTerminal): boolean {
  const base = (term as unknown as Internals)._core?.unicodeService?._providers?.['6'];
  if (typeof base?.wcwidth !== 'function') return false;
  const emojiCache = new Map<number, boolean>();
  const wcwidth = (cp: number): 0 | 1 | 2 => {
    if (cp < FIRST_EMOJI) return base.wcwidth(cp);
    let emoji = emojiCache.get(cp);
    if (emoji === undefined) emojiCache.set(cp, (emoji = EMOJI.test(String.fromCodePoint(cp))));
    return emoji ? 2 : base.wcwidth(cp);
  };
  const provider: IUnicodeVersionProvider = {
    version: VERSION,
    wcwidth,
    // As Unicode 6's provider does: a zero-width character joins the one before it.
    charProperties(cp: number, preceding: number): number {
      let width: number = wcwidth(cp);
      let join = width === 0 && preceding !== 0;
      if (join) {
        const before = widthOf(preceding);
        if (before === 0) join = false;
        else if (before > width) width = before;
      }
      return pack(width, join);
    },
  };
  term.unicode.register(provider);
  term.unicode.activeVersion = VERSION;
  return true;
}
