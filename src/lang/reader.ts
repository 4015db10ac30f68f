// Parsing as the shell runs (XCU 2.10 and bash): one complete command at a time, so that line 1
// runs before line 10 is read. That is what makes an alias defined on one line apply from the
// next, a syntax error late in a script leave the lines before it run, and `case $0 in ...`
// or `exit` at the top of a file able to skip text that would not parse.

import type { List } from './ast.js';
import { Parser } from './parser.js';
import { PositionMap } from './position.js';
import type { ParseOptions } from './tokens.js';

export type { ParseOptions } from './tokens.js';

export class CommandReader {
  private readonly parser: Parser;
  private done = false;

  constructor(source: string, options: ParseOptions = {}) {
    this.parser = new Parser(source, 0, new PositionMap(source, options.firstLine), null, options);
  }

  /**
   * The next complete command: the and-or lists of one line (more when a compound command or
   * a quote spans lines), through its newline and any here-document bodies after it. Null at
   * the end of the source. Throws SyntaxError; after that, and after null, it returns null.
   */
  next(): List | null {
    if (this.done) return null;
    try {
      const list = this.parser.parseCompleteCommand();
      if (list === null) this.done = true;
      return list;
    } catch (e) {
      this.done = true;
      throw e;
    }
  }
}
