// The direction of the arrows in the architecture, checked on every import so it cannot rot:
// lang imports nothing of ours; core imports lang, the OS interface and events only; nothing
// below the hosts imports node-pty, Ink or the native addon.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const statement = /^\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) found.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Imports of `layer` that resolve outside the allowed folders or to forbidden packages. */
function violations(layer: string, allowed: string[], forbiddenPackages: RegExp): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(path.join(root, layer))) {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec));
        if (!allowed.some((a) => target === a || target.startsWith(`${a}/`))) out.push(`${path.relative(root, file)} -> ${spec}`);
      } else if (forbiddenPackages.test(spec)) {
        out.push(`${path.relative(root, file)} -> ${spec}`);
      }
    }
  }
  return out;
}

const UI_AND_NATIVE = /^(node-pty|ink|react|@xterm\/)/;

describe('layering', () => {
  it('finds the imports it checks', () => {
    expect(importsOf(path.join(root, 'core', 'execute.ts'))).toContain('../lang/ast.js');
  });

  it('src/lang imports nothing outside src/lang', () => {
    expect(violations('lang', ['lang'], /^(?!node:)/)).toEqual([]);
  });

  it('src/core imports only lang, the OS interface and events', () => {
    const allowed = ['core', 'lang', 'os/port.js', 'os/status.js', 'os/signals.js', 'events.js'];
    expect(violations('core', allowed, UI_AND_NATIVE)).toEqual([]);
  });

  it('the OS implementations do not import the core or the UI', () => {
    expect(violations('os', ['os'], /^(ink|react|@xterm\/)/)).toEqual([]);
  });
});
