// A stable text picture of a screen, for toMatchInlineSnapshot and failure messages.

/** One screen row: its text without trailing blanks, and how many columns that text covers. */
export interface Row {
  readonly text: string;
  readonly width: number;
}

/**
 * Draw `rows` in a box as wide as the terminal (`cols`), dropping trailing
 * blank rows. Rows are padded by display width, so double-width characters
 * keep the right border straight.
 */
export function renderBox(rows: readonly Row[], cols: number): string {
  let used = rows.length;
  while (used > 0 && rows[used - 1]!.text === '') used--;
  const body = rows.slice(0, used).map((row) => `│${row.text}${' '.repeat(Math.max(0, cols - row.width))}│`);
  return [`┌${'─'.repeat(cols)}┐`, ...body, `└${'─'.repeat(cols)}┘`].join('\n');
}
