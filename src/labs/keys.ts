// An input's keys as the learner reads them: ⏎ for Enter, ^Z for Ctrl-Z.

export function showKeys(keys: string): string {
  return keys.replace(/[\x00-\x1f]/g, (c) => (c === '\r' ? '⏎' : `^${String.fromCharCode(c.charCodeAt(0) + 64)}`));
}
