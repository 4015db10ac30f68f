// The expression of `[[ … ]]` as bash prints it (print_cmd.c print_cond_node): one space
// between its tokens, a lone word as `-n word`, grouping as `( … )`.

import type { CondExpr } from './ast.js';
import { wordText } from './print-word.js';

export function condText(e: CondExpr): string {
  switch (e.kind) {
    case 'unary':
      return `${e.op} ${wordText(e.arg)}`;
    case 'binary':
      return `${wordText(e.left)} ${e.op} ${wordText(e.right)}`;
    case 'not':
      return `! ${condText(e.expr)}`;
    case 'and':
      return `${condText(e.left)} && ${condText(e.right)}`;
    case 'or':
      return `${condText(e.left)} || ${condText(e.right)}`;
    case 'group':
      return `( ${condText(e.expr)} )`;
  }
}
