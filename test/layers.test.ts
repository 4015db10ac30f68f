// The direction of the arrows in the architecture (docs/architecture.md), checked on every
// import of every file under src/ so that it cannot rot. Each folder has a rule: which of our
// folders it may import and which packages. A file in no rule's folder fails too, so a new
// layer has to say what it may depend on.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', 'src');

interface Rule {
  /** Files or folders (relative to src/) this rule covers; the most specific rule wins. */
  readonly covers: readonly string[];
  /** Files or folders of ours that these files may import. */
  readonly mayImport: readonly string[];
  /** Packages (node:* included) they may import. */
  readonly packages: RegExp;
}

const NONE = /^$/;
const NODE = /^node:/;

const RULES: Record<string, Rule> = {
  lang: { covers: ['lang'], mayImport: ['lang'], packages: NONE },
  core: {
    covers: ['core'],
    mayImport: ['core', 'lang', 'os/port.ts', 'os/status.ts', 'os/signals.ts'],
    packages: NONE,
  },
  'os interface': {
    covers: ['os/port.ts', 'os/status.ts', 'os/signals.ts'],
    mayImport: ['os/port.ts', 'os/status.ts', 'os/signals.ts'],
    packages: NONE,
  },
  'os implementations': { covers: ['os'], mayImport: ['os'], packages: NODE },
  // Labs are scenarios over the simulated kernel's events: pure TypeScript, so that the
  // terminal UI, the browser page and the tests run the same ones.
  labs: { covers: ['labs'], mayImport: ['labs', 'core', 'lang', 'os/sim', 'os/port.ts', 'os/status.ts', 'os/signals.ts'], packages: NONE },
  host: { covers: ['host'], mayImport: ['host', 'core', 'lang', 'os', 'labs', 'cli/args.ts'], packages: NODE },
  // The UI draws what a backend reports and sends keys to a terminal: it never reaches the
  // shell core, a kernel or node-pty itself (it does no job control).
  ui: { covers: ['ui'], mayImport: ['ui'], packages: /^(node:|ink$|react$|react\/jsx-runtime$|@xterm\/headless$|string-width$)/ },
  'ui backends': {
    covers: ['host/tui'],
    mayImport: ['host', 'core', 'lang', 'os', 'ui', 'labs', 'cli/args.ts'],
    packages: /^(node:|node-pty$)/,
  },
  // The browser page: the simulator and the shell core in the page, xterm.js as the terminal.
  // No node: (a browser has none); of host/ only the files that are pure TypeScript, the same
  // ones the terminal UI's simulator backend uses, and of the UI only its values and its seam.
  web: {
    covers: ['web'],
    mayImport: [
      'web', 'core', 'lang', 'os/sim', 'os/port.ts', 'os/status.ts', 'os/signals.ts', 'labs', 'cli/args.ts',
      'host/simshell.ts', 'host/tui/simsnapshot.ts', 'host/tui/simtimeline.ts', 'ui/model.ts', 'ui/backend.ts',
    ],
    packages: /^@xterm\/xterm$/,
  },
  cli: { covers: ['cli.ts', 'cli'], mayImport: ['cli.ts', 'cli', 'host', 'core/options.ts'], packages: NODE },
  ptytest: { covers: ['ptytest'], mayImport: ['ptytest'], packages: /^(node:|node-pty$|@xterm\/headless$)/ },
  'package entry': { covers: ['index.ts'], mayImport: ['core', 'lang', 'os'], packages: NONE },
};

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

const within = (target: string, entry: string) => target === entry || target.startsWith(`${entry}/`);

/** The rule for a file: the one whose covering entry is the longest match. */
function ruleOf(relative: string): [string, Rule] | undefined {
  let best: [string, Rule, number] | undefined;
  for (const [name, rule] of Object.entries(RULES)) {
    for (const entry of rule.covers) {
      if (within(relative, entry) && (!best || entry.length > best[2])) best = [name, rule, entry.length];
    }
  }
  return best && [best[0], best[1]];
}

/** A relative import as a path under src/, with the .js of the compiled name turned back to .ts. */
function resolved(file: string, spec: string): string {
  const target = path.relative(root, path.resolve(path.dirname(file), spec));
  const ts = target.replace(/\.js$/, '.ts');
  return fs.existsSync(path.join(root, ts)) ? ts : target.replace(/\.js$/, '.tsx');
}

interface Source {
  readonly file: string;
  readonly imports: readonly string[];
}

const tree: Source[] = sourceFiles(root).map((file) => ({ file, imports: importsOf(file) }));

function violations(name: string, sources: readonly Source[] = tree): string[] {
  const out: string[] = [];
  for (const { file, imports } of sources) {
    const relative = path.relative(root, file);
    const owner = ruleOf(relative);
    if (owner?.[0] !== name) continue;
    const rule = owner[1];
    for (const spec of imports) {
      const ok = spec.startsWith('.')
        ? rule.mayImport.some((entry) => within(resolved(file, spec), entry))
        : rule.packages.test(spec);
      if (!ok) out.push(`${relative} -> ${spec}`);
    }
  }
  return out;
}

describe('layering', () => {
  it('reads the imports it checks, static and dynamic', () => {
    expect(importsOf(path.join(root, 'core', 'execute.ts'))).toContain('../lang/ast.js');
    expect(importsOf(path.join(root, 'cli.ts'))).toContain('./host/interactive.js');
  });

  it('every file under src/ falls under a rule', () => {
    const orphans = sourceFiles(root).map((f) => path.relative(root, f)).filter((f) => !ruleOf(f));
    expect(orphans).toEqual([]);
  });

  it('every entry of every rule names a file or folder that exists', () => {
    const entries = Object.values(RULES).flatMap((r) => [...r.covers, ...r.mayImport]);
    expect(entries.filter((e) => !fs.existsSync(path.join(root, e)))).toEqual([]);
  });

  for (const name of Object.keys(RULES)) {
    it(`${name} imports only what its rule allows`, () => {
      expect(violations(name)).toEqual([]);
    });
  }

  it('the checker catches forbidden imports', () => {
    const probe = (file: string, imports: string[]) => [{ file: path.join(root, file), imports }];
    expect(violations('core', probe('core/probe.ts', ['node:fs', '../os/linux/index.js', '../lang/ast.js']))).toEqual([
      'core/probe.ts -> node:fs',
      'core/probe.ts -> ../os/linux/index.js',
    ]);
    expect(violations('lang', probe('lang/probe.ts', ['../core/shell.js']))).toEqual(['lang/probe.ts -> ../core/shell.js']);
    expect(violations('os implementations', probe('os/linux/probe.ts', ['../../core/shell.js', 'node-pty']))).toHaveLength(2);
    expect(violations('host', probe('host/probe.ts', ['ink', '../ptytest/index.js']))).toHaveLength(2);
    expect(violations('web', probe('web/probe.ts', ['node:fs', '../host/simsetup.js', '../host/simshell.js', '@xterm/xterm']))).toEqual([
      'web/probe.ts -> node:fs',
      'web/probe.ts -> ../host/simsetup.js',
    ]);
    expect(violations('ptytest', probe('ptytest/probe.ts', ['../core/shell.js', 'node-pty']))).toEqual([
      'ptytest/probe.ts -> ../core/shell.js',
    ]);
  });
});
