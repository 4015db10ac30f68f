// Launcher for `npm run corpus`: Node 20 cannot run TypeScript, so bundle cli.ts with
// esbuild (a dev dependency) into a temporary file and import it.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'jcsh-corpus-cli-'));
const outfile = join(dir, 'cli.mjs');
await build({
  entryPoints: [join(import.meta.dirname, 'cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'error',
  // import.meta.dirname must still name test/corpus, not the temporary directory.
  define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname) },
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
await import(pathToFileURL(outfile).href);
