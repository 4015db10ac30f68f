// `--compat=tsh`: the CMU shell lab's reference shell (tshref) as one dialect: its grammar,
// builtins, messages and prompt, and its habit of reporting job changes at once.

import { parseTsh } from '../../../lang/tsh-parser.js';
import type { Dialect } from '../../dialect.js';
import { tshFormat } from './format.js';
import { notifyTsh } from './notify.js';
import { runTshList } from './run.js';

export const tshDialect: Dialect = {
  name: 'tsh',
  format: tshFormat,
  prompt: 'tsh> ',
  parse: (source) => parseTsh(source),
  // tsh reads a script whole: its grammar has no command that spans lines.
  reader: (source) => {
    let list: ReturnType<typeof parseTsh> | null = parseTsh(source);
    return { next: () => { const l = list; list = null; return l; } };
  },
  run: (shell, list) => runTshList(shell, list),
  notify: (shell) => notifyTsh(shell),
  notifyAtOnce: true,
  // At end of input tsh leaves at once, silently, with status 0.
  endOfInput: async () => 0,
};
