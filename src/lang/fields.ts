// Builds the fields of an expanded word. Text arrives in pieces that are either quoted (kept
// as is), literal (unquoted source text: not split, but may glob) or expanded (unquoted
// results of expansions: split on IFS and may glob). Each field keeps its plain text and a
// pattern in which quoted characters are escaped, for pathname expansion.

import { hasGlobChar } from './chars.js';
import { escapePattern } from './pattern.js';

export const DEFAULT_IFS = ' \t\n';

export interface Field {
  /** The field after quote removal. */
  readonly text: string;
  /** The same with quoted characters escaped; meaningful when `glob` is set. */
  readonly pattern: string;
  /** Whether an unquoted `*`, `?` or `[` is in the field. */
  readonly glob: boolean;
}

function isIfsSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n';
}

/** Whether `text` holds any of `chars` (an IFS character, say). */
export function hasAny(text: string, chars: string): boolean {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) return true;
  return false;
}

export class FieldBuilder {
  private readonly fields: Field[] = [];
  private text = '';
  private pattern = '';
  private glob = false;
  /** Whether the current field exists even if empty (it had quotes or text). */
  private started = false;

  /**
   * @param ifs the separators, or null when the word is not to be split at all
   * @param patterns whether fields need their pattern: not for a value (an assignment, a
   *   redirection target), whose text alone is wanted
   */
  constructor(readonly ifs: string | null, private readonly patterns = true) {}

  get splitting(): boolean {
    return this.ifs !== null && this.ifs !== '';
  }

  quoted(text: string): void {
    this.text += text;
    if (this.patterns) this.pattern += escapePattern(text);
    this.started = true;
  }

  /** Unquoted source text: quote removal has already taken its backslashes. */
  literal(text: string): void {
    // a backslash left in source text is an ordinary character, not a pattern escape
    this.unquoted(text, text.includes('\\') ? text.replaceAll('\\', '\\\\') : text);
  }

  /**
   * The unquoted result of an expansion: split on IFS unless splitting is off. Its backslashes
   * stay in the text (no quote removal applies to them) but escape the next character in the
   * pattern, as in bash 5.2: with x='\*', $x matches only a file named `*`, and is left as
   * `\*` when nothing does.
   */
  expanded(text: string): void {
    if (!this.splitting) {
      this.unquoted(text, text);
      return;
    }
    const ifs = this.ifs!;
    // Most results (a number, a word) hold no separator: nothing to split.
    if (!hasAny(text, ifs)) {
      this.unquoted(text, text);
      return;
    }
    let i = 0;
    while (i < text.length) {
      let e = i;
      while (e < text.length && !ifs.includes(text[e]!)) e++;
      const piece = text.slice(i, e);
      this.unquoted(piece, piece);
      if (e < text.length) e = this.delimiter(text, e, ifs);
      i = e;
    }
  }

  private unquoted(text: string, pattern: string): void {
    if (text === '') return;
    this.text += text;
    if (this.patterns) this.pattern += pattern;
    this.glob ||= hasGlobChar(text);
    this.started = true;
  }

  /**
   * Handles the IFS characters at `i` and returns the offset after them. White space alone
   * ends a field only if one was started; any other IFS character, with the white space
   * around it, always ends one, even an empty one.
   */
  private delimiter(text: string, i: number, ifs: string): number {
    let e = i;
    while (e < text.length && isIfsSpace(text[e]!) && ifs.includes(text[e]!)) e++;
    if (e < text.length && ifs.includes(text[e]!)) {
      e++;
      while (e < text.length && isIfsSpace(text[e]!) && ifs.includes(text[e]!)) e++;
      this.started = true;
    }
    this.endField();
    return e;
  }

  /** Ends the current field if it was started, e.g. between the fields of `"$@"`. */
  endField(): void {
    if (this.started) this.fields.push({ text: this.text, pattern: this.pattern, glob: this.glob });
    this.text = '';
    this.pattern = '';
    this.glob = false;
    this.started = false;
  }

  finish(): Field[] {
    this.endField();
    return this.fields;
  }
}

/**
 * Splits text on IFS the way the expansion of an unquoted `$x` is split, for callers such as
 * a `read` builtin. `ifs` undefined means the default.
 */
export function splitFields(text: string, ifs: string = DEFAULT_IFS): string[] {
  const b = new FieldBuilder(ifs, false);
  b.expanded(text);
  return b.finish().map((f) => f.text);
}
