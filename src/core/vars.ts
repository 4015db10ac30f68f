// Shell variables with their export attribute. The environment of a command is built from
// the exported ones plus the assignments written before it.

export interface VarEntry {
  /** undefined: declared (`export NAME`) but never given a value, so not in the environment. */
  value: string | undefined;
  exported: boolean;
  /** `readonly NAME`: no assignment, unset or `local` may change it. */
  readonly?: boolean;
  /** bash's integer attribute, which jcsh gives only PPID (so that listings show `-ir`). */
  integer?: boolean;
}

export interface VarSnapshot {
  readonly [name: string]: VarEntry;
}

const NOTHING_TO_UNDO = (): void => {};

export class Variables {
  private readonly table = new Map<string, VarEntry>();
  /** Bumped on every change of PATH so command lookups can drop their cache. */
  pathGeneration = 0;
  /** The exported environment, built once per change rather than once per command. */
  private exportedCache: string[] | null = null;
  /**
   * One scope per function call in progress: what each `local` name was before (undefined: it
   * did not exist). Leaving the call puts them back (bash's dynamic scoping: a function called
   * from this one sees the locals).
   */
  private readonly scopes: (Map<string, VarEntry | undefined> | null)[] = [];

  static fromEnviron(environ: readonly string[]): Variables {
    const v = new Variables();
    for (const entry of environ) {
      const eq = entry.indexOf('=');
      if (eq > 0) v.table.set(entry.slice(0, eq), { value: entry.slice(eq + 1), exported: true });
    }
    return v;
  }

  static fromSnapshot(s: VarSnapshot): Variables {
    const v = new Variables();
    for (const [k, e] of Object.entries(s)) v.table.set(k, { ...e });
    return v;
  }

  snapshot(): VarSnapshot {
    return Object.fromEntries([...this.table].map(([k, e]) => [k, { ...e }]));
  }

  get(name: string): string | undefined {
    return this.table.get(name)?.value;
  }

  /**
   * Assigns a value; a readonly variable keeps its own (whoever assigns checks isReadonly first
   * to report "NAME: readonly variable", as bash does).
   */
  set(name: string, value: string): void {
    const e = this.table.get(name);
    if (e?.readonly) return;
    if (e?.exported) this.exportedCache = null;
    if (e) e.value = value;
    else this.table.set(name, { value, exported: false });
    if (name === 'PATH') this.pathGeneration++;
  }

  /**
   * Assignments written before a builtin (`HOME=/tmp cd`): bash's temporary environment, seen
   * by the builtin and exported to what it runs, then gone. Returns what puts the variables
   * back as they were.
   */
  assignFor(assignments: ReadonlyMap<string, string>): () => void {
    if (assignments.size === 0) return NOTHING_TO_UNDO;
    const saved = [...assignments.keys()].map((name) => {
      const entry = this.table.get(name);
      return [name, entry && { ...entry }] as const;
    });
    for (const [name, value] of assignments) this.export(name, value);
    return () => {
      for (const [name, entry] of saved) {
        if (entry) this.table.set(name, entry);
        else this.table.delete(name);
        if (name === 'PATH') this.pathGeneration++;
      }
      this.exportedCache = null;
    };
  }

  /** A function call begins: `local` names made from now on are put back by popScope. */
  pushScope(): void {
    // made by the first `local`: most calls have none
    this.scopes.push(null);
  }

  popScope(): void {
    const scope = this.scopes.pop();
    if (!scope || scope.size === 0) return;
    for (const [name, entry] of scope) {
      if (entry) this.table.set(name, entry);
      else this.table.delete(name);
      if (name === 'PATH') this.pathGeneration++;
    }
    this.exportedCache = null;
  }

  /** False outside a function (`local` is then an error). */
  get inScope(): boolean {
    return this.scopes.length > 0;
  }

  /**
   * `local NAME[=value]`: NAME belongs to the innermost call from now on. Without a value it
   * keeps no value of the outer one (bash: declared, unset), but its export flag stays.
   */
  makeLocal(name: string, value?: string): void {
    const top = this.scopes.length - 1;
    if (top < 0) return;
    const scope = (this.scopes[top] ??= new Map());
    const entry = this.table.get(name);
    if (entry?.readonly) return;
    if (!scope.has(name)) scope.set(name, entry && { ...entry });
    this.table.set(name, { value, exported: entry?.exported ?? false });
    if (name === 'PATH') this.pathGeneration++;
    this.exportedCache = null;
  }

  /** `readonly NAME[=value]`: the value is set first, then frozen. */
  makeReadonly(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value);
    const e = this.table.get(name);
    if (e) e.readonly = true;
    else this.table.set(name, { value: undefined, exported: false, readonly: true });
  }

  isInteger(name: string): boolean {
    return this.table.get(name)?.integer ?? false;
  }

  /** bash's integer attribute: only shown in listings (jcsh gives it to PPID, as bash does). */
  makeInteger(name: string): void {
    const e = this.table.get(name);
    if (e) e.integer = true;
  }

  isReadonly(name: string): boolean {
    return this.table.get(name)?.readonly ?? false;
  }

  /** `export NAME` / `export NAME=value`. */
  export(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value);
    const e = this.table.get(name);
    if (e) e.exported = true;
    else this.table.set(name, { value: undefined, exported: true });
    this.exportedCache = null;
  }

  /** `export -n NAME`: keeps the variable, takes it out of the environment. */
  unexport(name: string): void {
    const e = this.table.get(name);
    if (e) e.exported = false;
    this.exportedCache = null;
  }

  /** True if the variable exists and is exported, or is marked for export without a value. */
  isExported(name: string): boolean {
    return this.table.get(name)?.exported ?? false;
  }

  /** Removes a variable; a readonly one stays (unset reports it). */
  unset(name: string): void {
    if (this.isReadonly(name)) return;
    this.table.delete(name);
    this.exportedCache = null;
    if (name === 'PATH') this.pathGeneration++;
  }

  names(): string[] {
    return [...this.table.keys()].sort();
  }

  /** NAME=value strings for exec, with `extra` (prefix assignments) taking precedence. */
  environ(extra?: ReadonlyMap<string, string>): string[] {
    if (!extra || extra.size === 0) return (this.exportedCache ??= this.build(new Map()));
    return this.build(extra);
  }

  private build(extra: ReadonlyMap<string, string>): string[] {
    const out: string[] = [];
    for (const [k, e] of this.table) {
      if (e.exported && e.value !== undefined && !extra.has(k)) out.push(`${k}=${e.value}`);
    }
    for (const [k, v] of extra) out.push(`${k}=${v}`);
    return out;
  }
}

/**
 * What bash's set_pwd does to a shell started from an environment: PWD is exported with the
 * directory the shell starts in, and OLDPWD, unless it names a directory, is marked for
 * export without a value, so the first cd puts it in every child's environment.
 */
export function bindStartDirectories(vars: Variables, cwd: string, isDirectory: (path: string) => boolean): void {
  vars.export('PWD', cwd);
  const old = vars.get('OLDPWD');
  if (old !== undefined && isDirectory(old)) return;
  vars.unset('OLDPWD');
  vars.export('OLDPWD');
}

export function isValidName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
