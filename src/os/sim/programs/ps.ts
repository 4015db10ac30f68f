// ps(1) from procps-ng 4, on the simulated process table: `ps`, `ps j` (BSD job format), `ps x`
// and `ps ax` (BSD format), `ps u`/`ps aux`, `ps -f`/`ps -ef`, `ps -j`, `ps -o LIST` (fields of ps-format.ts, `name=HEADER`),
// selection by -e/-A, BSD a and x, -p PIDS, --ppid PIDS, -C NAMES, T (the caller's terminal),
// t TTY and -t TTY. Without a selection, UNIX-style ps shows the processes on the caller's
// terminal and BSD-style ps (`ps j`) every process with a terminal, as procps does for one user.
// On a terminal a line is cut at its width (or $COLUMNS); into a pipe or file it is not.

import * as sys from '../sys.js';
import type { Code, Program, ProcInfo } from '../types.js';
import { err, getenv, writeAll } from './lib.js';
import { BSD_FORMAT, DEFAULT_FORMAT, FIELDS, FULL_FORMAT, type Field, JOBS_FORMAT, layout, parseFormat, USER_FORMAT } from './ps-format.js';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

interface Request {
  format: Field[] | null;
  bsdJobs: boolean;
  full: boolean;
  userFormat: boolean;
  unixJobs: boolean;
  all: boolean;
  bsd: boolean;
  bsdAll: boolean;
  bsdNoTty: boolean;
  pids: number[];
  ppids: number[];
  names: string[];
  /** Terminals selected (t, T, -t); '' stands for the caller's own. */
  ttys: string[];
}

const list = (text: string) => text.split(/[,\s]+/).filter((s) => s !== '');

/** Parses the arguments; a string is procps's error line. */
function parse(args: readonly string[]): Request | string {
  const r: Request = { format: null, bsdJobs: false, full: false, userFormat: false, unixJobs: false, all: false, bsd: false, bsdAll: false, bsdNoTty: false, pids: [], ppids: [], names: [], ttys: [] };
  const numbers = (text: string, what: string): number[] | string => {
    const items = list(text);
    if (items.length === 0 || items.some((i) => !/^\d+$/.test(i))) return `process ID list syntax error`;
    void what;
    return items.map(Number);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long = /^--(ppid|pid|format)(?:=(.*))?$/.exec(a);
    if (long) {
      const value = long[2] ?? args[++i];
      if (value === undefined) return long[1] === 'format' ? 'format specification must follow --format' : `list of process IDs must follow --${long[1]}`;
      if (long[1] === 'format') {
        const f = parseFormat(value);
        if (typeof f === 'string') return `unknown user-defined format specifier "${f}"`;
        r.format = f;
        continue;
      }
      const ns = numbers(value, long[1]!);
      if (typeof ns === 'string') return ns;
      (long[1] === 'ppid' ? r.ppids : r.pids).push(...ns);
      continue;
    }
    if (a.startsWith('--')) return 'unknown gnu long option';
    const unix = a.startsWith('-');
    const letters = unix ? a.slice(1) : a;
    for (let j = 0; j < letters.length; j++) {
      const c = letters[j]!;
      if (c === 'o' || (unix && (c === 'p' || c === 'C'))) {
        const value = j + 1 < letters.length ? letters.slice(j + 1) : args[++i];
        if (value === undefined) {
          if (c === 'o') return 'improper format list';
          return c === 'p' ? 'list of process IDs must follow -p' : 'list of command names must follow -C';
        }
        if (c === 'o') {
          const f = parseFormat(value);
          if (typeof f === 'string') return `unknown user-defined format specifier "${f}"`;
          r.format = [...(r.format ?? []), ...f];
        } else if (c === 'p') {
          const ns = numbers(value, 'p');
          if (typeof ns === 'string') return ns;
          r.pids.push(...ns);
        } else {
          r.names.push(...list(value));
        }
        break;
      }
      if (!unix && c === 'T') {
        r.ttys.push('');
        r.bsd = true;
        continue;
      }
      if (c === 't') {
        // t and -t take the rest of the argument or the next one (BSD t at the end: the caller's terminal).
        const rest = letters.slice(j + 1);
        const value = rest !== '' ? rest : (args[++i] ?? (unix ? undefined : ''));
        if (value === undefined) return 'list of ttys must follow -t';
        r.ttys.push(...(value === '' ? [''] : list(value)));
        if (!unix) r.bsd = true;
        break;
      }
      if (unix && c === 'f') r.full = true;
      else if (!unix && c === 'u') (r.userFormat = true), (r.bsd = true);
      else if (unix && (c === 'e' || c === 'A')) r.all = true;
      else if (unix && c === 'j') r.unixJobs = true;
      else if (!unix && c === 'j') (r.bsdJobs = true), (r.bsd = true);
      else if (!unix && c === 'a') (r.bsdAll = true), (r.bsd = true);
      else if (!unix && c === 'x') (r.bsdNoTty = true), (r.bsd = true);
      else if (!unix && c === 'p') {
        const value = j + 1 < letters.length ? letters.slice(j + 1) : args[++i];
        const ns = value === undefined ? 'list of process IDs must follow p' : numbers(value, 'p');
        if (typeof ns === 'string') return ns;
        r.pids.push(...ns);
        break;
      } else return unix ? 'unsupported SysV option' : 'unsupported option (BSD syntax)';
    }
  }
  return r;
}

/** Whether a process's terminal is one of `ttys` ('' for the caller's, pts/0, /dev/pts/0 or 0 for pts/0). */
function onTty(p: ProcInfo, ttys: readonly string[], mine: string | null): boolean {
  return ttys.some((t) => (t === '' ? p.tty === mine : p.tty !== null && (t === p.tty || t === `/dev/${p.tty}` || `pts/${t}` === p.tty)));
}

function selected(r: Request, me: ProcInfo | undefined): (p: ProcInfo) => boolean {
  const explicit = r.pids.length + r.ppids.length + r.names.length + r.ttys.length > 0;
  if (explicit) {
    const mine = me?.tty ?? null;
    return (p) => r.pids.includes(p.pid) || r.ppids.includes(p.ppid) || r.names.includes(p.comm) || onTty(p, r.ttys, mine);
  }
  if (r.all || (r.bsdAll && r.bsdNoTty)) return () => true;
  if (r.bsd) return r.bsdNoTty ? () => true : (p) => p.tty !== null;
  const myTty = me?.tty ?? null;
  return (p) => p.tty === myTty;
}

function defaultFormat(r: Request): readonly Field[] {
  if (r.bsdJobs) return JOBS_FORMAT;
  if (r.userFormat) return USER_FORMAT;
  if (r.full) return FULL_FORMAT;
  if (r.unixJobs) return [FIELDS.pid!, FIELDS.pgid!, FIELDS.sid!, FIELDS.tname!, FIELDS.time!, FIELDS.ucmd!];
  return r.bsd ? BSD_FORMAT : DEFAULT_FORMAT;
}

/**
 * The width lines are cut at, as procps's set_screen_size finds it: $COLUMNS if set, else no
 * limit when standard output is not a terminal, else its width (80 if it has none).
 */
function* outputWidth(env: readonly string[]): Code<number | null> {
  const columns = Number(getenv(env, 'COLUMNS'));
  if (Number.isInteger(columns) && columns > 0) return columns;
  if (!(yield* sys.isatty(1))) return null;
  for (const fd of [1, 2, 0]) {
    const ws = yield* sys.tiocgwinsz(fd);
    if (!(ws instanceof sys.SysError) && ws.cols > 0) return ws.cols;
  }
  return 80;
}

export const ps: Program = function* (argv, env) {
  const request = parse(argv.slice(1));
  if (typeof request === 'string') {
    yield* err(`error: ${request}\n${USAGE}`);
    return 1;
  }
  const fields = request.format ?? defaultFormat(request);
  const table = (yield* sys.procs()).slice().sort((a, b) => a.pid - b.pid);
  const pid = yield* sys.getpid();
  const rows = table.filter(selected(request, table.find((p) => p.pid === pid)));
  const width = yield* outputWidth(env);
  let text = '';
  if (fields.some((f) => f.header !== '')) text += `${layout(fields.map((f) => f.header), fields, width)}\n`;
  for (const p of rows) text += `${layout(fields.map((f) => f.value(p)), fields, width)}\n`;
  yield* writeAll(1, text);
  return rows.length > 0 ? 0 : 1;
};
