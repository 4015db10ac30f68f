// Builds the browser page into dist/web: index.html, the page's script (the simulated
// kernel, the shell core and xterm.js in one file), its CSS and xterm.js's. The folder is
// static: any web server can serve it (`npm run web` is one).
//
// One classic script rather than ES modules, so that the page also opens from file://, where
// the browser refuses to load modules. platform 'browser': a Node module reached from the
// page's imports fails the build instead of failing in the page.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/web`;

export async function buildWeb() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [`${root}src/web/main.ts`],
    outfile: `${out}/jcsh.js`,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  copyFileSync(`${root}src/web/index.html`, `${out}/index.html`);
  copyFileSync(`${root}src/web/style.css`, `${out}/style.css`);
  copyFileSync(`${root}node_modules/@xterm/xterm/css/xterm.css`, `${out}/xterm.css`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb();
