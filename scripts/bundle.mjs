// Bundles the compiled shell (dist/cli.js and what it imports) into dist/bundle, so that
// starting jcsh loads a couple of files instead of a hundred: start-up time counts for
// every script run. The interactive host stays a separate chunk, loaded only when needed.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli.js'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  outdir: 'dist/bundle',
  logLevel: 'warning',
});
