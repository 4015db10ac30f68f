// Offsets are what the lexer works with; positions (line and column) are only computed for the
// nodes that carry them, by a binary search over the line starts found once per source.

import type { Position } from './ast.js';

export interface PositionSource {
  at(offset: number): Position;
}

export class PositionMap implements PositionSource {
  private readonly lineStarts: number[] = [0];
  /** Nodes often share a start (a command, its pipeline, its first word): reuse the object. */
  private last: Position = { line: 1, column: 1, offset: 0 };

  constructor(
    source: string,
    private readonly firstLine = 1,
  ) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  at(offset: number): Position {
    if (offset === this.last.offset) return this.last;
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = { line: lo + this.firstLine, column: offset - starts[lo]! + 1, offset };
    return this.last;
  }
}

/**
 * Positions for text that was cut out of a larger source (the body of a backquoted command),
 * reported in terms of that source. Approximate when the body had backslashes removed.
 */
export class ShiftedPositions implements PositionSource {
  constructor(
    private readonly outer: PositionSource,
    private readonly base: number,
  ) {}

  at(offset: number): Position {
    return this.outer.at(this.base + offset);
  }
}
