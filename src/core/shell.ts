// The state of one shell: variables, positional parameters, the job table, and the hand-off of
// the terminal it controls. Executor, builtins and the interactive loop all work on this;
// it talks to the kernel only through the OS port.

import type { CompoundCommand, FunctionDefinition } from '../lang/ast.js';
import type { OsPort } from '../os/port.js';
import { bashDialect, type Dialect } from './dialect.js';
import type { MessageFormat, Place } from './format.js';
import { JobControl, type JobState } from './jobcontrol.js';
import { CommandCache } from './lookup.js';
import { SetOptions } from './options.js';
import { Output } from './output.js';
import { TerminalHandoff } from './terminal.js';
import { Traps } from './traps.js';
import { bindStartDirectories, Variables, type VarSnapshot } from './vars.js';
import type { Stdio } from './shell-fds.js';

export interface ShellOptions {
  readonly port: OsPort;
  /** `$0`, and the name in error messages. */
  readonly name: string;
  readonly args?: readonly string[];
  readonly interactive: boolean;
  /** Job control wanted (-m, or interactive); dropped when there is no terminal. */
  readonly monitor: boolean;
  /** Running a script file: errors are prefixed "FILE: line N: ". */
  readonly scriptName?: string;
  /** Grammar, messages and prompt: bash's unless given (`--compat=tsh`). */
  readonly dialect?: Dialect;
  /** `set` options from the command line (`jcsh -e script`), applied in order. */
  readonly set?: readonly (readonly [string, boolean])[];
  /** Variables of a parent shell (subshells). */
  readonly vars?: VarSnapshot;
  readonly cwd?: string;
  /** The jobs of the shell this one is a copy of. */
  readonly jobs?: JobState;
  /** The terminal of the shell this one is a copy of. */
  readonly terminal?: TerminalHandoff;
  /** The traps of the shell this one is a copy of, as its subshell's `trap` lists them. */
  readonly parentTraps?: readonly (readonly [number, string])[];
  /** What a copy of a shell (subshell()) keeps of the shell it copies. */
  readonly copyOf?: Pick<Shell, 'plainErrors' | 'interactiveProcess' | 'traps' | 'processOwner' | 'options'>;
}

export class Shell {
  readonly port: OsPort;
  readonly vars: Variables;
  positional: string[];
  readonly name: string;
  readonly scriptName: string | undefined;
  readonly interactive: boolean;
  readonly dialect: Dialect;
  /** Every job message goes through this (the dialect's). */
  readonly format: MessageFormat;
  readonly out: Output;
  /** Job state, and reaping, continuing and reporting jobs: the one job-control seam. */
  readonly control: JobControl;
  lastStatus = 0;
  lastBackgroundPid: number | undefined;
  cwd: string;
  /** Current line of the script, for error messages. */
  lineno = 0;
  readonly pid: number;
  /** `$$`: the pid of the shell that was started; its subshells keep it (bash's dollar_dollar_pid). */
  dollarPid: number;
  /** The controlling terminal, the shell's modes and group: the only way a job gets the terminal. */
  readonly terminal: TerminalHandoff;
  /**
   * The real fd behind each fd a command sees (the tty fd replaces a shared tty; -1 closed):
   * 0-2, and those `exec` opened (shell-fds.ts).
   */
  stdio: Stdio = [0, 1, 2];
  /** Files `exec` opened for the shell's fds: closed once no fd names them. */
  readonly ownFds = new Set<number>();
  /** Where command names were found on PATH (bash's hash table). */
  readonly commands = new CommandCache();
  /** `set` options (-e, -u, -o pipefail, …); `$-` is made from them. */
  readonly options: SetOptions;
  /** Traps on signals and EXIT (XCU 2.14 trap), and the signals caught but not yet handled. */
  readonly traps: Traps;
  /** Aliases by name: the parser substitutes them in command position (XCU 2.3.1). */
  aliases = new Map<string, string>();
  /** Functions by name (XCU 2.9.5). A copy of the shell starts with the same ones. */
  functions = new Map<string, FunctionDefinition>();
  /** Loops the running command is inside: `break` and `continue` outside one do nothing. */
  loopDepth = 0;
  /** Function calls in progress: `return` outside one is an error; too deep is refused. */
  functionDepth = 0;
  /** This is a copy of a shell running a builtin in a pipeline or background (bash's subshell). */
  readonly inSubshell: boolean;
  /**
   * Waiting for a job may block the whole process in waitpid. Not while this process itself
   * reads a pipe the job writes (`$(…)`): the job would fill the pipe and wait for a reader
   * that cannot run until the wait returns.
   */
  mayBlock = true;
  /**
   * Here-documents still being written to their pipes by this process: the job reading one
   * would wait for the rest of it forever if the shell blocked in waitpid meanwhile.
   */
  pendingWrites = 0;
  /** While above 0, `set -e` is ignored: an if, while or until is testing its condition. */
  errexitSuspended = 0;
  /**
   * This process is the copy of the shell made to run a `( list )`: the first subshell
   * command it meets is that one, and runs here instead of starting yet another process.
   */
  unwrapSubshell = false;
  /** That `( list )` once it ran here: its commands met `set -e` and the ERR trap already. */
  unwrappedSubshell: CompoundCommand | null = null;
  /** The file `.` is reading, as it was named, for error messages. */
  sourcing: string | undefined;
  /** This process is a copy of a shell (a subshell or a pipeline stage), not a -c string. */
  subshellProcess = false;
  /** The last foreground job stopped rather than ended (`set -e` does not fire on a stop). */
  lastStopped = false;
  /**
   * The process catches SIGINT itself (an interactive shell, and the copies it runs `$(…)`
   * in): a copy must not count SIGINT in its place while it waits (sigint.ts).
   */
  readonly interactiveProcess: boolean;
  /**
   * How deep the running text is in text run from inside a command: 1 at the top, one more in
   * each command substitution, eval and `.` (bash's indirection_level, for `set -x`'s PS4).
   */
  traceLevel = 1;
  /** Errors carry no line number (interactive shells, and their subshells). */
  readonly plainErrors: boolean;
  /**
   * The shell this process was started for: itself, or the one a copy was made from. A signal
   * sent to the process is its business (`$$` in bash), not a copy's.
   */
  readonly processOwner: Shell;

  constructor(o: ShellOptions) {
    this.port = o.port;
    this.vars = o.vars ? Variables.fromSnapshot(o.vars) : Variables.fromEnviron(o.port.environ());
    // a copy keeps its parent's, as bash's subshells do; bash makes it readonly
    if (!o.vars) {
      this.vars.makeReadonly('PPID', String(o.port.getppid()));
      this.vars.makeInteger('PPID');
    }
    this.positional = [...(o.args ?? [])];
    this.name = o.name;
    this.scriptName = o.scriptName;
    this.interactive = o.interactive;
    this.control = new JobControl(this, o.monitor, o.jobs);
    this.options = new SetOptions(this.control, o.interactive);
    for (const [name, on] of o.set ?? []) this.options.set(name, on);
    this.dialect = o.dialect ?? bashDialect;
    this.format = this.dialect.format;
    this.out = new Output(o.port);
    this.pid = o.port.getpid();
    this.dollarPid = this.pid;
    this.terminal = o.terminal ?? new TerminalHandoff(o.port);
    this.cwd = o.cwd ?? this.startingCwd();
    // bash puts "FILE: line N: " before errors of scripts only; -c and prompts get "jcsh: ".
    this.plainErrors = o.copyOf?.plainErrors ?? (o.interactive || o.scriptName === undefined);
    this.interactiveProcess = o.copyOf?.interactiveProcess ?? o.interactive;
    this.inSubshell = o.copyOf !== undefined;
    this.processOwner = o.copyOf?.processOwner ?? this;
    this.traps = o.copyOf ? o.copyOf.traps.copy(o.copyOf.options.isOn('errtrace'), o.copyOf.options.isOn('functrace')) : Traps.start(o.port, { interactive: o.interactive, ...(o.parentTraps ? { parentTraps: o.parentTraps } : {}) });
  }

  /** A copy made inside function calls is inside them too: `local` and `return` work there. */
  enterFunctions(depth: number): void {
    this.functionDepth = depth;
    if (depth > 0) this.vars.pushScope();
  }

  /** Finds the directory in the process and, as bash's set_pwd, binds PWD and OLDPWD to it. */
  private startingCwd(): string {
    const cwd = this.initialCwd();
    bindStartDirectories(this.vars, cwd, (path) => this.port.stat(path)?.type === 'directory');
    return cwd;
  }

  private initialCwd(): string {
    const pwd = this.vars.get('PWD');
    try {
      if (pwd && pwd.startsWith('/') && this.port.realpath(pwd) === this.port.realpath('.')) return pwd;
      return this.port.realpath('.');
    } catch {
      return pwd ?? '/';
    }
  }

  /** Where the shell is, for job listings ("(wd: …)"). */
  place(): Place {
    return { cwd: this.cwd, home: this.vars.get('HOME') };
  }

  /**
   * "jcsh: " interactively, "FILE: line N: " in scripts, as bash prefixes its errors; in a file
   * read by `.`, that file's name and line, at a prompt too.
   */
  errorPrefix(): string {
    if (this.plainErrors && this.sourcing === undefined) return `${this.name}: `;
    return `${this.sourcing ?? this.scriptName ?? this.name}: line ${Math.max(1, this.lineno)}: `;
  }

  /** Writes an error line to the shell's stderr. */
  diag(message: string): Promise<void> {
    return this.out.write(this.stdio[2], `${this.errorPrefix()}${message}\n`);
  }

  /**
   * A copy that runs a builtin or a command substitution without touching this shell. A
   * builtin in a pipeline shares the job table (`jobs | wc -l`); a command substitution gets a
   * copy of it, so it lists the jobs but jobs it starts are its own.
   */
  subshell(shareJobs: boolean): Shell {
    const s = new Shell({
      port: this.port, name: this.name, args: this.positional, interactive: false, monitor: false,
      ...(this.scriptName !== undefined ? { scriptName: this.scriptName } : {}),
      dialect: this.dialect, vars: this.vars.snapshot(), cwd: this.cwd, terminal: this.terminal.copy(),
      jobs: shareJobs
        ? { jobs: this.control.jobs, disowned: this.control.disowned }
        : { jobs: this.control.jobs.copy(), disowned: new Set() },
      copyOf: this,
    });
    s.lastStatus = this.lastStatus;
    s.lastBackgroundPid = this.lastBackgroundPid;
    s.lineno = this.lineno;
    s.dollarPid = this.dollarPid;
    s.sourcing = this.sourcing;
    s.enterFunctions(this.functionDepth);
    s.stdio = [...this.stdio];
    s.mayBlock = this.mayBlock;
    s.traceLevel = this.traceLevel;
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    this.options.copyTo(s.options);
    return s;
  }
}
