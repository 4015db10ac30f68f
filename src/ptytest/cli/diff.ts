// A unified diff of two lists of lines (longest common subsequence; transcripts are small).

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string; readonly a: number; readonly b: number };

/** The edit script turning `a` into `b`, deletions before insertions at each change. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i]!, a: i++, b: j++ });
    else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', text: a[i]!, a: i++, b: j });
    else ops.push({ kind: '+', text: b[j]!, a: i, b: j++ });
  }
  return ops;
}

/** Ranges of `ops` to print: each change with `context` unchanged lines around it, overlaps merged. */
function hunkRanges(ops: readonly Op[], context: number): [number, number][] {
  const ranges: [number, number][] = [];
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    const start = Math.max(0, index - context);
    const end = Math.min(ops.length, index + context + 1);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  });
  return ranges;
}

function header(ops: readonly Op[]): string {
  const first = ops[0]!;
  const countA = ops.filter((op) => op.kind !== '+').length;
  const countB = ops.filter((op) => op.kind !== '-').length;
  // Unified diff line numbers are 1-based; an empty side names the line before it.
  const startA = countA === 0 ? first.a : first.a + 1;
  const startB = countB === 0 ? first.b : first.b + 1;
  return `@@ -${startA},${countA} +${startB},${countB} @@`;
}

/** `diff -u` style text, or '' when the two are equal. */
export function unifiedDiff(a: readonly string[], b: readonly string[], labelA: string, labelB: string, context = 3): string {
  const ops = editScript(a, b);
  const ranges = hunkRanges(ops, context);
  if (ranges.length === 0) return '';
  const hunks = ranges.map(([start, end]) => {
    const slice = ops.slice(start, end);
    return [header(slice), ...slice.map((op) => `${op.kind}${op.text}`)].join('\n');
  });
  return [`--- ${labelA}`, `+++ ${labelB}`, ...hunks].join('\n') + '\n';
}
