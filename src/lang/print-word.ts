// Words as bash 5.2 prints them: as written.

import type { Word } from './ast.js';

export function wordText(w: Word): string {
  return w.source;
}
