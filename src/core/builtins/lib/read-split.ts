// How `read` splits a line into names (builtins/read.def): IFS whitespace around fields is
// dropped, one other IFS character ends a field, characters escaped with a backslash never
// split, and the last name gets the rest of the line, unless the rest is exactly one more
// field and its delimiter (then it gets that field, so "x:y:" with IFS=: gives b=y).

/** A character of the line, and whether a backslash protected it. */
export interface ReadChar {
  readonly c: string;
  readonly quoted: boolean;
}

export function splitFields(line: readonly ReadChar[], ifs: string, count: number): string[] {
  if (count === 1 && onlyWhitespace(ifs)) return [trimmed(line, ifs)];
  const isIfs = (ch: ReadChar | undefined): boolean => ch !== undefined && !ch.quoted && ifs.includes(ch.c);
  const isSpace = (ch: ReadChar | undefined): boolean => isIfs(ch) && /[ \t\n]/.test(ch!.c);
  let pos = 0;
  const skipSpace = (): void => {
    while (isSpace(line[pos])) pos++;
  };
  /** bash's get_word_from_string: a field and the delimiter after it. */
  const word = (): string => {
    skipSpace();
    let out = '';
    while (pos < line.length && !isIfs(line[pos])) out += line[pos++]!.c;
    skipSpace();
    if (isIfs(line[pos])) {
      pos++;
      skipSpace();
    }
    return out;
  };
  const values: string[] = [];
  for (let k = 0; k < count - 1; k++) values.push(word());
  skipSpace();
  const restStart = pos;
  const last = word();
  if (pos >= line.length) values.push(last);
  else {
    let end = line.length;
    // bash's strip_trailing_ifs_whitespace takes escaped blanks at the end too
    while (end > restStart && ifs.includes(line[end - 1]!.c) && /[ \t\n]/.test(line[end - 1]!.c)) end--;
    values.push(line.slice(restStart, end).map((ch) => ch.c).join(''));
  }
  return values;
}

function onlyWhitespace(ifs: string): boolean {
  for (let i = 0; i < ifs.length; i++) {
    const c = ifs[i];
    if (c !== ' ' && c !== '\t' && c !== '\n') return false;
  }
  return true;
}

/**
 * What the rule above comes to for one name when IFS is whitespace only (`read -r line`, the
 * common case, read once a line): the line without the IFS whitespace around it, where
 * blanks escaped at the end go too unless the line is one word (as in bash).
 */
function trimmed(line: readonly ReadChar[], ifs: string): string {
  const isIfs = (ch: ReadChar): boolean => !ch.quoted && ifs.includes(ch.c);
  let start = 0;
  while (start < line.length && isIfs(line[start]!)) start++;
  let wordEnd = start;
  while (wordEnd < line.length && !isIfs(line[wordEnd]!)) wordEnd++;
  let restEnd = wordEnd;
  while (restEnd < line.length && isIfs(line[restEnd]!)) restEnd++;
  let end = wordEnd;
  if (restEnd < line.length) {
    end = line.length;
    while (end > start && ifs.includes(line[end - 1]!.c)) end--;
  }
  let out = '';
  for (let i = start; i < end; i++) out += line[i]!.c;
  return out;
}
