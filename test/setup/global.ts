// vitest globalSetup: build the C helper programs and make sure dist/ exists.
// Both steps are no-ops when up to date, so a test run starts fast.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function run(command: string, args: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

/** `make` decides what is stale; any failure stops the run with the compiler's words. */
function buildHelpers(): void {
  const result = run('make', ['-s', '-C', 'test/helpers']);
  if (!result.ok) throw new Error(`building test/helpers failed:\n${result.output}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * End-to-end tests run the compiled and bundled shell (bin/jcsh.js loads dist/bundle/cli.js).
 * Rebuild when it is missing or older than a source file; type errors elsewhere in the tree
 * (tsc still emits) only warn, a missing bundle afterwards fails.
 */
function ensureDist(): void {
  const entry = join(root, 'dist/bundle/cli.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(join(root, 'src'))) return;
  const result = run('npm', ['run', '-s', 'compile']);
  if (!existsSync(entry)) throw new Error(`npm run compile did not produce dist/bundle/cli.js:\n${result.output}`);
  if (!result.ok) process.stderr.write(`warning: the build reported errors (dist/ was still written):\n${result.output}\n`);
}

export default function setup(): void {
  buildHelpers();
  ensureDist();
}
