// Bundles the compiled shell (dist/cli.js and what it imports) into dist/bundle, so that
// starting jcsh loads a couple of files instead of a hundred: start-up time counts for
// every script run. The interactive host and the UI stay separate chunks, loaded only when
// needed.
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
  // React's production build: its development build checks every render and loads twice the code.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads React's devtools only when DEV=true is set, and says how to install them then;
  // node-pty finds its compiled module relative to its own files.
  external: ['react-devtools-core', 'node-pty'],
  // Some of the UI's dependencies are CommonJS and require() Node's modules; ESM has no require.
  banner: { js: "import { createRequire as __jcshRequire } from 'node:module'; const require = __jcshRequire(import.meta.url);" },
});
