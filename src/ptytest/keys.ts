// Named keys and the bytes a terminal (xterm) sends for them.

type Letter =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M'
  | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z';

/** Keys with a name of their own. */
export type NamedKey =
  | 'Enter' | 'Tab' | 'Shift+Tab' | 'Backspace' | 'Escape' | 'Space'
  | 'Up' | 'Down' | 'Left' | 'Right' | 'Home' | 'End'
  | 'Insert' | 'Delete' | 'PageUp' | 'PageDown';

/** Control characters: `Ctrl+C` is 0x03 (VINTR), `Ctrl+Z` 0x1a (VSUSP), `Ctrl+\` 0x1c (VQUIT). */
export type CtrlKey =
  | `Ctrl+${Letter}` | `Ctrl+${Lowercase<Letter>}`
  | 'Ctrl+\\' | 'Ctrl+]' | 'Ctrl+^' | 'Ctrl+_' | 'Ctrl+@' | 'Ctrl+Space' | 'Ctrl+[';

/** Meta keys as xterm sends them: ESC followed by the key (`Alt+B` is `\x1bB`, `Alt+b` is `\x1bb`). */
export type AltKey = `Alt+${string}`;

/** Anything {@link PtySession.press} understands. */
export type KeyName = NamedKey | CtrlKey | AltKey;

/** Terminal modes that change what some keys send. */
export interface KeyModes {
  /** DECCKM (`ESC [ ? 1 h`): arrows, Home and End send `ESC O x` instead of `ESC [ x`. */
  readonly applicationCursorKeys: boolean;
}

const FIXED: Record<string, string> = {
  Enter: '\r',
  Tab: '\t',
  'Shift+Tab': '\x1b[Z',
  Backspace: '\x7f',
  Escape: '\x1b',
  Space: ' ',
  Insert: '\x1b[2~',
  Delete: '\x1b[3~',
  PageUp: '\x1b[5~',
  PageDown: '\x1b[6~',
};

const CURSOR: Record<string, string> = { Up: 'A', Down: 'B', Right: 'C', Left: 'D', Home: 'H', End: 'F' };

const CTRL_PUNCT: Record<string, number> = {
  '@': 0x00, Space: 0x00, '[': 0x1b, '\\': 0x1c, ']': 0x1d, '^': 0x1e, _: 0x1f,
};

function ctrlBytes(rest: string): string | undefined {
  if (/^[a-z]$/i.test(rest)) return String.fromCharCode(rest.toUpperCase().charCodeAt(0) - 0x40);
  const code = CTRL_PUNCT[rest];
  return code === undefined ? undefined : String.fromCharCode(code);
}

/**
 * The bytes a terminal sends for `key`. Throws for a name it does not know, so
 * a typo fails the test instead of typing the name literally.
 */
export function keyBytes(key: KeyName, modes: KeyModes = { applicationCursorKeys: false }): string {
  const fixed = FIXED[key];
  if (fixed !== undefined) return fixed;
  const cursor = CURSOR[key];
  if (cursor !== undefined) return (modes.applicationCursorKeys ? '\x1bO' : '\x1b[') + cursor;
  if (key.startsWith('Ctrl+')) {
    const bytes = ctrlBytes(key.slice(5));
    if (bytes !== undefined) return bytes;
  } else if (key.startsWith('Alt+')) {
    const rest = key.slice(4);
    if ([...rest].length === 1) return `\x1b${rest}`;
    if (rest !== '') return `\x1b${keyBytes(rest as KeyName, modes)}`;
  }
  throw new Error(`unknown key name: ${JSON.stringify(key)}`);
}
