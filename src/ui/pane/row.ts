// One buffer line of the emulated terminal as a string for the outer terminal: its cells' text,
// with SGR sequences of our own making. Nothing the program wrote reaches the outer terminal
// verbatim: the text comes from the cell buffer, where xterm has already consumed every escape
// sequence, and any control character that still hides in a cell is replaced.

import type { IBufferCell, IBufferLine } from '@xterm/headless';

/** Width of a cell's text as the outer drawing layer (Ink, string-width) counts it. */
export type Measure = (text: string) => number;

/**
 * `measure` remembering its answers for short texts (a cell's): string-width segments and
 * looks up every call, and a screen of CJK text asks about the same few hundred characters.
 */
export function remembering(measure: Measure): Measure {
  const known = new Map<string, number>();
  return (text) => {
    if (text.length > 16) return measure(text);
    let width = known.get(text);
    if (width === undefined) {
      if (known.size >= 4096) known.clear();
      known.set(text, (width = measure(text)));
    }
    return width;
  };
}

const RESET = '\x1b[0m';
// C0, DEL and C1: a cell should never hold one, but a cell's text is the program's text.
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;
// A character that extends the grapheme before it (a mark, ZWJ). Right after an escape sequence
// Ink's tokenizer (ansi-tokenize) counts it with the sequence's last letter and drops it.
const EXTENDS = /^[\p{M}\u200c\u200d]/u;
// xterm's colour modes (IBufferCell.getFgColorMode), shifted as xterm stores them.
const CM_P16 = 0x1000000;
const CM_P256 = 0x2000000;
const CM_RGB = 0x3000000;

/** The SGR parameters of a cell's colour, `base` 30 for foreground, 40 for background. */
function colour(mode: number, value: number, base: number): string {
  if (mode === CM_P16) return value < 8 ? `;${base + value}` : `;${base + 60 + value - 8}`;
  if (mode === CM_P256) return `;${base + 8};5;${value}`;
  if (mode === CM_RGB) return `;${base + 8};2;${(value >> 16) & 255};${(value >> 8) & 255};${value & 255}`;
  return '';
}

/** The SGR sequence that sets exactly a cell's attributes from the default, or '' for none. */
export function sgrOf(cell: IBufferCell): string {
  let p = '';
  if (cell.isBold()) p += ';1';
  if (cell.isDim()) p += ';2';
  if (cell.isItalic()) p += ';3';
  if (cell.isUnderline()) p += ';4';
  if (cell.isInverse()) p += ';7';
  if (cell.isInvisible()) p += ';8';
  if (cell.isStrikethrough()) p += ';9';
  p += colour(cell.getFgColorMode(), cell.getFgColor(), 30);
  p += colour(cell.getBgColorMode(), cell.getBgColor(), 40);
  return p === '' ? '' : `\x1b[${p.slice(1)}m`;
}

/**
 * A cell's text, safe to print; `width` columns of it as `measure` counts them. `strict` also
 * replaces a character that forms one grapheme with its neighbours' (a Prepend character, a
 * regional indicator): the drawing layer measures graphemes, so it would count the pair as one.
 */
function cellText(chars: string, width: number, measure: Measure | undefined, strict: boolean): string {
  if (chars === '') return ' '.repeat(width);
  let text = CONTROL.test(chars) ? chars.replace(CONTROLS, '\ufffd') : chars;
  if (measure === undefined || (text.length === 1 && text.charCodeAt(0) < 0x7f)) return text;
  // A character whose width the drawing layer sees otherwise would shift the rest of the row.
  const off = measure(text) !== width || (strict && (measure(`a${text}a`) !== width + 2));
  if (off) {
    text = width === 2 ? '\ufffd ' : '\ufffd';
    if (measure(text) !== width) text = ' '.repeat(width);
  }
  return text;
}

/**
 * `cols` columns of `line` (blank when absent) as text with SGR sequences: each attribute change
 * resets and sets the whole set, and a row that set any ends with a reset, so every row stands
 * alone. Wide characters take two columns; one that would cross the right edge is a blank.
 * With a `measure`, the row is checked whole; if the drawing layer would count it otherwise
 * (characters that join across cells), it is drawn again with those characters replaced.
 */
export function renderRow(line: IBufferLine | undefined, cols: number, cell: IBufferCell | undefined, measure?: Measure): string {
  if (line === undefined) return ' '.repeat(cols);
  const text = build(line, cols, cell, measure, false);
  if (measure === undefined || measure(text) === cols) return text;
  const strict = build(line, cols, cell, measure, true);
  return measure(strict) === cols ? strict : build(line, cols, cell, () => -1, true);
}

function build(line: IBufferLine, cols: number, cell: IBufferCell | undefined, measure: Measure | undefined, strict: boolean): string {
  let out = '';
  let current = '';
  let wide = false;
  for (let x = 0; x < cols; x++) {
    const c = line.getCell(x, cell);
    if (c === undefined) {
      out += (current === '' ? '' : RESET) + ' '.repeat(cols - x);
      current = '';
      break;
    }
    const width = c.getWidth();
    if (width === 0 && wide) {
      wide = false; // the right half of a wide character, drawn with it
      continue;
    }
    const sgr = sgrOf(c);
    const escaped = sgr !== current;
    if (escaped) {
      out += current === '' ? sgr : RESET + sgr;
      current = sgr;
    }
    wide = width === 2;
    // A zero-width cell on its own (a combining mark with nothing to combine with) still
    // takes its column in xterm: a blank there.
    if (width === 0) out += ' ';
    else if (x + width > cols) out += ' '.repeat(cols - x);
    else {
      const text = cellText(c.getChars(), width, measure, strict);
      out += escaped && EXTENDS.test(text) ? '\ufffd'.padEnd(width) : text;
    }
  }
  return current === '' ? out : out + RESET;
}
