// Probes run under plain node and import the compiled port from dist/. This fails early
// and clearly when dist/ is missing or older than the sources it comes from.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export function compiledPortUrl(): string {
  const srcDir = join(repoRoot, 'src', 'os', 'linux');
  const outDir = join(repoRoot, 'dist', 'os', 'linux');
  const hint = 'compile first: npx tsc -p tsconfig.json (npm test does it)';
  for (const name of readdirSync(srcDir)) {
    const out = join(outDir, name.replace(/\.ts$/, '.js'));
    if (!existsSync(out)) throw new Error(`${out} is missing; ${hint}`);
    if (statSync(out).mtimeMs < statSync(join(srcDir, name)).mtimeMs) {
      throw new Error(`${out} is older than its source; ${hint}`);
    }
  }
  return new URL(`file://${join(outDir, 'port.js')}`).href;
}
