// The shell's `set` options (bash's flags.c and the `set -o` table): one flag per name, the
// letter that sets it when it has one, and `$-` made from them. What each option does belongs to
// whoever runs commands (errexit, nounset, xtrace, noexec, noclobber in the executor); noglob
// works through `$-`. monitor is the job control switch itself, so it is read from there.

/** bash's `set -o` names in its order, with their letters; null: a long name only. */
const TABLE: readonly (readonly [string, string | null])[] = [
  ['allexport', 'a'], ['braceexpand', 'B'], ['emacs', null], ['errexit', 'e'], ['errtrace', 'E'],
  ['functrace', 'T'], ['hashall', 'h'], ['histexpand', 'H'], ['history', null], ['ignoreeof', null],
  ['interactive-comments', null], ['keyword', 'k'], ['monitor', 'm'], ['noclobber', 'C'], ['noexec', 'n'],
  ['noglob', 'f'], ['nolog', null], ['notify', 'b'], ['nounset', 'u'], ['onecmd', 't'], ['physical', 'P'],
  ['pipefail', null], ['posix', null], ['privileged', 'p'], ['verbose', 'v'], ['vi', null], ['xtrace', 'x'],
];

/** The order bash writes `$-` in (flags.c shell_flags). */
const FLAG_ORDER = 'abefhikmnptuvxBCEHPT';

export interface JobSwitch {
  enabled: boolean;
}

export class SetOptions {
  /** How the shell reads its commands, last in `$-` as bash writes it: 'c' (-c) or 's' (stdin). */
  invocation: '' | 'c' | 's' = '';
  /**
   * Every option by name, on or off: an object of fixed shape rather than a set, because the
   * executor asks about errexit, noexec and xtrace for every command it runs.
   */
  private readonly on: Record<string, boolean> = Object.fromEntries(TABLE.map(([name]) => [name, false]));

  /** `jobs` is the job control switch (shell.control); `interactive` adds `i` to `$-`. */
  constructor(private readonly jobs: JobSwitch, private readonly interactive: boolean) {
    for (const name of ['braceexpand', 'hashall', 'interactive-comments']) this.on[name] = true;
    if (interactive) for (const name of ['emacs', 'histexpand', 'history']) this.on[name] = true;
  }

  static names(): string[] {
    return TABLE.map(([name]) => name);
  }

  /** The long name of a letter, or undefined when `set` has no such letter. */
  static nameOf(letter: string): string | undefined {
    return TABLE.find(([, l]) => l === letter)?.[0];
  }

  static isName(name: string): boolean {
    return TABLE.some(([n]) => n === name);
  }

  isOn(name: string): boolean {
    if (name === 'monitor') return this.jobs.enabled;
    return this.on[name] === true;
  }

  /** `name` is one of the table's (callers check with isName). */
  set(name: string, value: boolean): void {
    if (name === 'monitor') this.jobs.enabled = value;
    // emacs and vi are one choice of line editing: turning one on turns the other off
    if (value && (name === 'emacs' || name === 'vi')) this.on[name === 'emacs' ? 'vi' : 'emacs'] = false;
    this.on[name] = value;
  }

  /** `$-`: the letters of the options that are on, in bash's order. */
  flags(): string {
    let out = '';
    for (const c of FLAG_ORDER) {
      if (c === 'i') {
        if (this.interactive) out += c;
        continue;
      }
      const name = SetOptions.nameOf(c);
      if (name !== undefined && this.isOn(name)) out += c;
    }
    return out + this.invocation;
  }

  /** What a copy of the shell starts with. */
  copyTo(other: SetOptions): void {
    other.invocation = this.invocation;
    for (const name of SetOptions.names()) if (name !== 'monitor') other.set(name, this.isOn(name));
  }
}
