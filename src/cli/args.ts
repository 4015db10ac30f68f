// Command-line options of jcsh, parsed into a mode. Unknown options are a one-line error with
// bash's status 2.

import { SetOptions } from '../core/options.js';

export type Mode =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** `--lab` alone: list the labs. */
  | { readonly kind: 'labs' }
  | { readonly kind: 'interactive' }
  | { readonly kind: 'command'; readonly source: string }
  | { readonly kind: 'script'; readonly path: string }
  | { readonly kind: 'stdin' }
  /** A copy of a shell (`a && b &`): its source and state come from this fd (src/cli/subshell.ts). */
  | { readonly kind: 'subshell'; readonly fd: number };

export interface Options {
  readonly mode: Mode;
  readonly interactive: boolean;
  readonly monitor: boolean | null;
  readonly norc: boolean;
  /** $0 */
  readonly name: string;
  readonly args: string[];
  readonly compat: 'bash' | 'tsh';
  /** tsh's -p: no prompt (the lab's driver runs `tsh -p`). */
  readonly noPrompt: boolean;
  /** `--plain`: no UI, even on a terminal. */
  readonly plain: boolean;
  /** `set` options given on the command line (`-e`, `+x`, `-o pipefail`), in order: name, on. */
  readonly set: readonly (readonly [string, boolean])[];
  /** Run on the simulated kernel (`--sim`), with its event log written to a file, and its clock's speed. */
  readonly sim: {
    readonly events: string | null; readonly narrative: string | null; readonly clockScale: number;
    /** `--explain FILE`: the narrative annotated with the spec's rules. */
    readonly explain: string | null;
  } | null;
  /** `--lab NAME`: the lab to load (src/labs/registry.ts). */
  readonly lab: string | null;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], stdinIsTty: boolean): Options {
  let interactive = false;
  let monitor: boolean | null = null;
  let norc = false;
  let command: string | null = null;
  let subshellFd: number | null = null;
  let compat: 'bash' | 'tsh' = 'bash';
  let noPrompt = false;
  let sim = false;
  let plain = false;
  let events: string | null = null;
  let narrative: string | null = null;
  let clockScale = 1;
  let explain: string | null = null;
  let lab: string | null = null;
  let listLabs = false;
  let fromStdin = false;
  const set: [string, boolean][] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    if (a === '--help') return simple({ kind: 'help' });
    if (a === '--version') return simple({ kind: 'version' });
    if (a === '--plain') { plain = true; continue; }
    if (a === '--sim') { sim = true; continue; }
    if (a === '--events') { events = need(argv, ++i, a); continue; }
    if (a.startsWith('--events=')) { events = a.slice(9); continue; }
    if (a === '--narrative') { narrative = need(argv, ++i, a); continue; }
    if (a === '--explain') { explain = need(argv, ++i, a); continue; }
    if (a.startsWith('--lab=')) { lab = a.slice(6); continue; }
    if (a === '--lab') {
      // The name is optional: `jcsh --lab` alone lists the labs.
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) lab = argv[++i]!;
      else listLabs = true;
      continue;
    }
    if (a === '--clock-scale') { clockScale = scaleArgument(need(argv, ++i, a)); continue; }
    if (a === '--norc') { norc = true; continue; }
    if (a === '--compat=tsh' || a === '--compat=bash') { compat = a.slice(9) as 'bash' | 'tsh'; continue; }
    if (a === '--subshell-fd') { subshellFd = fdArgument(need(argv, ++i, a), a); continue; }
    if (a.startsWith('--')) throw new UsageError(`${a}: invalid option`);
    // `-` alone ends the options, as `--` does (bash, POSIX sh)
    if (a === '-') { i++; break; }
    const on = a.startsWith('-');
    if ((!on && !a.startsWith('+')) || a === '+') break;
    for (const flag of a.slice(1)) {
      if (flag === 'o') {
        const name = need(argv, ++i, `${a[0]}o`);
        if (!SetOptions.isName(name)) throw new UsageError(`${name}: invalid option name`);
        if (name === 'monitor') monitor = on;
        else set.push([name, on]);
      } else if (on && flag === 'i') interactive = true;
      else if (flag === 'm') monitor = on;
      else if (on && flag === 'c') command = need(argv, ++i, '-c');
      else if (on && flag === 's') fromStdin = true;
      else if (on && flag === 'p') noPrompt = true;
      else set.push([setOptionName(flag, a[0]!), on]);
    }
  }
  if (noPrompt && compat !== 'tsh') throw new UsageError('-p: invalid option');
  const rest = argv.slice(i);
  const simOnly = events !== null ? '--events' : narrative !== null ? '--narrative' : clockScale !== 1 ? '--clock-scale' : explain !== null ? '--explain' : null;
  if (simOnly && !sim) throw new UsageError(`${simOnly}: only with --sim`);
  const base = { interactive, monitor, norc, compat, noPrompt, plain, set, lab, sim: sim ? { events, narrative, clockScale, explain } : null };
  if (listLabs && lab === null) return { ...base, mode: { kind: 'labs' }, name: 'jcsh', args: [] };
  // A lab is played at a terminal (the UI), or as a transcript when there is none.
  if (lab !== null && (command !== null || rest.length > 0)) throw new UsageError('--lab: a lab is played at a terminal, not with -c or a script');
  if (lab !== null) return { ...base, interactive: true, mode: { kind: 'interactive' }, name: 'jcsh', args: [] };
  if (subshellFd !== null) return { ...base, mode: { kind: 'subshell', fd: subshellFd }, name: 'jcsh', args: [] };
  if (command !== null) {
    return { ...base, mode: { kind: 'command', source: command }, name: rest[0] ?? 'jcsh', args: rest.slice(1) };
  }
  if (rest.length > 0 && !fromStdin) return { ...base, mode: { kind: 'script', path: rest[0]! }, name: rest[0]!, args: rest.slice(1) };
  // `-s`: the commands come from stdin, and what follows the options is the positional parameters
  // tsh reads its input a line at a time, prompting, terminal or not (the lab's driver uses pipes).
  if (interactive || stdinIsTty || compat === 'tsh') return { ...base, interactive: true, mode: { kind: 'interactive' }, name: 'jcsh', args: rest };
  return { ...base, mode: { kind: 'stdin' }, name: 'jcsh', args: rest };
}

/** The `set` option a letter of the command line stands for (`-e`: errexit), or a usage error. */
function setOptionName(letter: string, sign: string): string {
  const name = SetOptions.nameOf(letter);
  if (name === undefined) throw new UsageError(`${sign}${letter}: invalid option`);
  return name;
}

function need(argv: readonly string[], i: number, option: string): string {
  const v = argv[i];
  if (v === undefined) throw new UsageError(`${option}: option requires an argument`);
  return v;
}

function fdArgument(text: string, option: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`${option}: ${text}: not a file descriptor`);
  return Number(text);
}

function scaleArgument(text: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0) || n > 1000) throw new UsageError(`--clock-scale: ${text}: not a speed between 0 and 1000`);
  return n;
}

function simple(mode: Mode): Options {
  return { mode, interactive: false, monitor: null, norc: true, name: 'jcsh', args: [], compat: 'bash', noPrompt: false, plain: true, set: [], sim: null, lab: null };
}

export const USAGE = `Usage: jcsh [option ...] [file [arg ...]]
       jcsh [option ...] -c command [name [arg ...]]

A job-control shell for Linux.

On a terminal jcsh opens its UI: the shell in a pane beside panels showing its jobs,
the session's processes, the terminal's modes and a timeline of signals (Ctrl-] for
its menu).

Options:
  --plain        the plain line-editing shell, without the UI
  --sim          run on the simulated kernel and terminal driver (deterministic;
                 simulated programs stand in /bin and /usr/bin)
  --events FILE  with --sim: write every kernel event to FILE as JSON lines
  --narrative FILE  with --sim: write the events to FILE as sentences
  --clock-scale N  with --sim at a keyboard: virtual time runs N times real time
  --explain FILE with --sim: write the events to FILE as sentences, each with the
                 rule of job control that decided it (id and meaning), for handouts
  --lab          list the labs (process control, step by step)
  --lab NAME     with --sim: open the UI with the lab NAME loaded, paused at its start
                 (without a terminal: play it and print the transcript); on Linux:
                 the labs that run there (pgrp, ttin, tostop, and the twin programs)
  -c COMMAND     run COMMAND and exit
  -i             interactive, even when input is not a terminal
  -m             job control (on by default when interactive)
  -s             read commands from stdin; the arguments are the positional parameters
  -e -u -x -n -f -v -C -b -a -h, -o NAME
                 set options, as \`set\` takes them (+e, +o NAME turn one off)
  --norc         do not read ~/.jcshrc
  --compat=tsh   behave as the shell lab's reference shell (tshref): its grammar,
                 builtins (quit, jobs, fg, bg) and messages; -p drops its prompt
  --help         show this help
  --version      show the version
`;
