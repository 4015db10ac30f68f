// The special builtins (XCU 2.14): found before functions, their errors end a non-interactive
// shell, and assignments before them stay.

const SPECIAL: ReadonlySet<string> = new Set([
  'break', ':', 'continue', '.', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset',
]);

export function isSpecialBuiltin(name: string): boolean {
  return SPECIAL.has(name);
}
