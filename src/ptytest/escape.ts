// Printable renderings of terminal output for failure messages.

const NAMED: Record<string, string> = { '\x1b': '\\x1b', '\r': '\\r', '\n': '\\n', '\t': '\\t', '\\': '\\\\' };

/**
 * Show control characters as escapes (`\x1b`, `\r`, `\n`, `\t`, `\xNN`), so that
 * output full of cursor movement can be read in a test failure.
 */
export function escapeControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (NAMED[ch] !== undefined) out += NAMED[ch];
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else out += ch;
  }
  return out;
}

/**
 * Escape `text` and break the result after every `\n`, indenting each line, so
 * a long stream tail reads as lines while every byte stays visible.
 */
export function escapeBlock(text: string, indent = '  '): string {
  const pieces = text.split('\n');
  return pieces
    .map((piece, i) => indent + escapeControls(piece) + (i < pieces.length - 1 ? '\\n' : ''))
    .join('\n');
}

/** The last `max` characters of `text`, and how many were left out before them. */
export function tail(text: string, max: number): { text: string; omitted: number } {
  if (text.length <= max) return { text, omitted: 0 };
  return { text: text.slice(text.length - max), omitted: text.length - max };
}

/** A short one-line rendering: escaped, cut to `max` characters with an ellipsis. */
export function escapeShort(text: string, max = 80): string {
  const escaped = escapeControls(text);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max - 1)}…`;
}
