#!/usr/bin/env node
// Draws the README's picture of the UI from a real run: jcsh's UI in a pty (a job stopped by
// ^Z, `cat &` stopped by SIGTTIN, `jobs -l`), its output replayed into an @xterm/headless
// terminal, and every cell of that screen written out as SVG text with its colours.
//   node scripts/ui-screenshot.mjs [--sim] [--text] [OUT.svg]   (default docs/ui.svg or docs/ui-sim.svg;
//   --text also prints the screen as text; needs npm run compile)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { spawnPty } from '../dist/ptytest/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sim = process.argv.includes('--sim');
const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'docs', sim ? 'ui-sim.svg' : 'ui.svg');
const COLS = 132;
const ROWS = 34;
const PROMPT = '$ ';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-shot-'));
const s = spawnPty(process.execPath, [path.join(ROOT, 'bin', 'jcsh.js'), ...(sim ? ['--sim'] : []), '--norc'], {
  cols: COLS, rows: ROWS, cwd: home, timeout: 15000,
  env: { CI: 'false', PS1: PROMPT, HOME: home, TERM: 'xterm-256color', PATH: process.env.PATH ?? '/usr/bin:/bin', HISTFILE: '/dev/null' },
});

async function screenHas(re) {
  for (const end = Date.now() + 15000; Date.now() < end;) {
    if (re.test((await s.screen()).lines.join('\n'))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the screen never showed ${re}:\n${await s.snapshot()}`);
}

// The 16 ANSI colours as xterm draws them, then the 256-colour cube and greys.
const BASE = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5',
  '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff'];
function palette(n) {
  if (n < 16) return BASE[n];
  if (n < 232) {
    const v = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return `rgb(${v[Math.floor(i / 36)]},${v[Math.floor(i / 6) % 6]},${v[i % 6]})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g},${g},${g})`;
}
const hex = (rgb) => `#${rgb.toString(16).padStart(6, '0')}`;
const FG = '#d0d0d0';
const BG = '#1e1e1e';

function colours(cell) {
  let fg = cell.isFgDefault() ? FG : cell.isFgPalette() ? palette(cell.getFgColor()) : hex(cell.getFgColor());
  let bg = cell.isBgDefault() ? null : cell.isBgPalette() ? palette(cell.getBgColor()) : hex(cell.getBgColor());
  if (cell.isInverse()) [fg, bg] = [bg ?? BG, fg];
  return { fg, bg, bold: cell.isBold() !== 0, dim: cell.isDim() !== 0 };
}

const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function svg(term) {
  const W = 8.4;
  const H = 17;
  const buf = term.buffer.active;
  const parts = [];
  for (let y = 0; y < ROWS; y++) {
    const line = buf.getLine(buf.viewportY + y);
    if (!line) continue;
    let run = null;
    const flush = () => {
      if (!run) return;
      if (run.bg) parts.push(`<rect x="${(run.x * W).toFixed(1)}" y="${y * H}" width="${(run.text.length * W).toFixed(1)}" height="${H}" fill="${run.bg}"/>`);
      if (run.text.trim()) {
        parts.push(`<text x="${(run.x * W).toFixed(1)}" y="${y * H + 13}" fill="${run.fg}"${run.bold ? ' font-weight="bold"' : ''}${run.dim ? ' opacity="0.6"' : ''} textLength="${(run.text.length * W).toFixed(1)}" xml:space="preserve">${esc(run.text)}</text>`);
      }
      run = null;
    };
    for (let x = 0; x < COLS; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      const c = colours(cell);
      const ch = cell.getChars() || ' ';
      if (run && run.fg === c.fg && run.bg === c.bg && run.bold === c.bold && run.dim === c.dim) run.text += ch;
      else {
        flush();
        run = { x, text: ch, ...c };
      }
    }
    flush();
  }
  const width = (COLS * W).toFixed(0);
  const height = ROWS * H;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">\n` +
    `<rect width="100%" height="100%" fill="${BG}"/>\n${parts.join('\n')}\n</svg>\n`;
}

try {
  await screenHas(/^\$/m);
  s.sendLine('sleep 100');
  await screenHas(/S\+?\s+sleep 100/);
  await s.waitIdle();
  s.send('\x1a');
  await screenHas(/Stopped\s+sleep 100/);
  s.sendLine('cat &');
  await screenHas(/Stopped \(tty input\)/);
  s.sendLine('');
  s.sendLine('jobs -l');
  await screenHas(/\[2\]\+\s+\d+ Stopped \(tty input\)\s+cat/);
  await screenHas(/SIGTTIN/);
  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  await new Promise((r) => term.write(s.output, r));
  fs.writeFileSync(out, svg(term));
  process.stderr.write(`written: ${path.relative(process.cwd(), out)}\n`);
  if (process.argv.includes('--text')) process.stdout.write(`${(await s.screen()).lines.join('\n')}\n`);
} finally {
  await s.close();
}
