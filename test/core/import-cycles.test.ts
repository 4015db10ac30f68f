// src/core has no import cycle (issue 11, "Executor seam"): the executor imports the builtins,
// and no builtin imports the executor, the registry or anything that leads back to them. A
// cycle makes what a module sees depend on which one loads first (fg was once missing from the
// registry when fg.js happened to load before it). Type-only imports do not count.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.resolve(import.meta.dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function valueImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms)]
    .map((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, valueImports(f)]));
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    const at = stack.indexOf(f);
    if (at >= 0) {
      found.push(stack.slice(at).map((p) => path.relative(CORE, p)));
      return;
    }
    if (done.has(f)) return;
    stack.push(f);
    for (const g of graph.get(f) ?? []) visit(g);
    stack.pop();
    done.add(f);
  };
  for (const f of files) visit(f);
  return found;
}

describe('src/core imports', () => {
  it('form no cycle', () => {
    expect(cycles(sources(CORE))).toEqual([]);
  });

  it('the check finds a cycle when there is one', () => {
    const dir = fs.mkdtempSync(path.join(CORE, '..', '..', 'node_modules', '.cycle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.js';\nexport const b = a;\n");
      expect(cycles(sources(dir))).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
