// Modules private to one owner (issue 11, "One job-control seam"): polling the children is the
// job-control service's business, so that the simulated kernel meets reaping in one place; the
// builtins, the executor, the loop and the dialects ask shell.control instead. Type-only
// imports do not count. Tests may import anything.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** Module (relative to src) -> the only modules that may import it. */
const PRIVATE: Record<string, readonly string[]> = {
  'core/reap.ts': ['core/jobcontrol.ts'],
  'core/foreground.ts': ['core/jobcontrol.ts'],
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importers(root: string, target: string): string[] {
  const wanted = path.join(root, target);
  return sources(root)
    .filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms)]
        .some((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')) === wanted);
    })
    .map((file) => path.relative(root, file));
}

describe('private modules', () => {
  for (const [module, owners] of Object.entries(PRIVATE)) {
    it(`${module} is imported only by ${owners.join(', ')}`, () => {
      expect(importers(SRC, module).sort()).toEqual([...owners].sort());
    });
  }

  it('the check sees an importer that is not allowed', () => {
    const dir = fs.mkdtempSync(path.join(SRC, '..', 'node_modules', '.private-'));
    try {
      fs.mkdirSync(path.join(dir, 'core'));
      fs.writeFileSync(path.join(dir, 'core', 'reap.ts'), 'export const reap = 1;\n');
      fs.writeFileSync(path.join(dir, 'core', 'repl.ts'), "import { reap } from './reap.js';\nexport const r = reap;\n");
      expect(importers(dir, 'core/reap.ts')).toEqual(['core/repl.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
