// The `declare` lines that `export -p` and `readonly -p` list, as bash writes them: the
// attributes in bash's order (i, r, x), then NAME="value" quoted so that it reads back.

import type { Shell } from '../../shell.js';
import { ansic } from './quote.js';

/** `declare -irx NAME="value"`, or `declare -x NAME` for a name without a value. */
export function declareLine(shell: Shell, name: string): string {
  const vars = shell.vars;
  const flags = `${vars.isInteger(name) ? 'i' : ''}${vars.isReadonly(name) ? 'r' : ''}${vars.isExported(name) ? 'x' : ''}`;
  const value = vars.get(name);
  const head = `declare -${flags || '-'} ${name}`;
  return value === undefined ? `${head}\n` : `${head}=${quoteValue(value)}\n`;
}

/**
 * How bash shows a value so it can be read back: "double quoted" with \ " $ ` escaped, or
 * $'ANSI-C quoted' when it holds control characters (print_var_value, ansic_quote).
 */
export function quoteValue(value: string): string {
  if (/[\x00-\x1f\x7f-\x9f]/.test(value)) return ansic(value);
  return `"${value.replace(/["$`\\]/g, (c) => `\\${c}`)}"`;
}
