// Bundles the compiled shell (dist/cli.js and what it imports) into dist/bundle, so that
// starting jcsh loads a couple of files instead of a hundred: start-up time counts for
// every script run. The interactive host and the simulator stay separate chunks, loaded only
// when needed.
//
// The UI (dist/host/tui/start.js and what it loads) is a bundle of its own, in dist/bundle/tui.
// In one bundle its modules would share code with the shell's in new combinations, and the
// shell's start would load more chunks at once: more fds open together while Node starts,
// which a shell under a low `ulimit -n` cannot spare.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  logLevel: 'warning',
  // React's production build: its development build checks every render and loads twice the code.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads React's devtools only when DEV=true is set, and says how to install them then;
  // node-pty finds its compiled module relative to its own files.
  external: ['react-devtools-core', 'node-pty'],
  // Some of the UI's dependencies are CommonJS and require() Node's modules; ESM has no require.
  banner: { js: "import { createRequire as __jcshRequire } from 'node:module'; const require = __jcshRequire(import.meta.url);" },
};

/**
 * The shell's imports of the UI point at the UI's own bundle: start.js, and launched.js (an
 * engine jcsh-launch started), which the shell only loads when there is one. Kept out of the
 * shell's bundle, the modules they share with the shell cannot split its chunks further.
 */
const uiApart = {
  name: 'ui-apart',
  setup(b) {
    b.onResolve({ filter: /\/host\/tui\/(start|launched)\.js$/ }, (args) => ({ path: `./tui/${args.path.split('/').pop()}`, external: true }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
await build({ ...common, entryPoints: ['dist/cli.js'], outdir: 'dist/bundle', plugins: [uiApart] });
await build({ ...common, entryPoints: ['dist/host/tui/start.js', 'dist/host/tui/launched.js'], outdir: 'dist/bundle/tui' });
