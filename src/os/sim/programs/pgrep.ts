// pgrep(1) and pkill(1) from procps-ng 4: select processes by name (an extended regular
// expression matched anywhere in the name, or the whole command line with -f, or exactly with
// -x) and by -P parent, -g group, -s session, -t terminal; pgrep lists them (-l, -a, -c, -d),
// pkill signals them (-SIG, --signal SIG, -e). Neither ever selects itself. Status 0 when some
// process was selected, 1 when none was, 2 for a usage error.

import { parseSignal, SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, ProcInfo, Program } from '../types.js';
import { getopt } from './getopt.js';
import { err, writeAll } from './lib.js';
import { translate } from './grep.js';

const COMMON = ` -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit
`;

const OWN: Record<'pgrep' | 'pkill', string> = {
  pgrep: ` -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
`,
  pkill: ` -<sig>, --signal <sig>    signal to send (either number or name)
 -q, --queue <value>       integer value to be sent with the signal
 -e, --echo                display what is killed
`,
};

const usage = (tool: 'pgrep' | 'pkill') => `\nUsage:\n ${tool} [options] <pattern>\n\nOptions:\n${OWN[tool]}${COMMON}\nFor more details see ${tool}(1).\n`;

interface Selection {
  readonly parents: number[];
  readonly groups: number[];
  readonly sessions: number[];
  readonly ttys: string[];
}

function matches(p: ProcInfo, sel: Selection, re: RegExp | null, full: boolean, invert: boolean): boolean {
  const by = (list: readonly (number | string)[], v: number | string) => list.length === 0 || list.includes(v);
  const ok =
    by(sel.parents, p.ppid) && by(sel.groups, p.pgid) && by(sel.sessions, p.sid) &&
    (sel.ttys.length === 0 || (p.tty !== null && (sel.ttys.includes(p.tty) || sel.ttys.includes(`/dev/${p.tty}`)))) &&
    (re === null || re.test(full ? p.argv.join(' ') : p.comm));
  return ok !== invert;
}

function* tool(kind: 'pgrep' | 'pkill', argv: readonly string[]): Code<number> {
  const prog = kind;
  let args = argv.slice(1);
  let signal: number = SIG.TERM;
  // pkill's -SIG comes first, as procps reads it before the other options.
  if (kind === 'pkill' && args[0] !== undefined && /^-[A-Za-z0-9+-]+$/.test(args[0])) {
    const n = parseSignal(args[0].slice(1));
    if (n !== undefined) {
      signal = n;
      args = args.slice(1);
    }
  }
  const parsed = getopt(prog, args, {
    short: kind === 'pgrep' ? 'd:lavcfg:inoP:s:t:x' : 'ecfg:inoP:s:t:xq:',
    long: { signal: ['S', true], count: ['c', false], full: ['f', false], pgroup: ['g', true], parent: ['P', true], session: ['s', true], terminal: ['t', true], exact: ['x', false], delimiter: ['d', true], 'list-name': ['l', false], 'list-full': ['a', false], echo: ['e', false] },
  });
  if (typeof parsed === 'string') {
    yield* err(`${parsed}\n${usage(kind)}`);
    return 2;
  }
  const sel: Selection = { parents: [], groups: [], sessions: [], ttys: [] };
  const flags = new Set<string>();
  let delimiter = '\n';
  for (const { name, value } of parsed.options) {
    const list = () => (value ?? '').split(',').filter((s) => s !== '');
    if (name === 'P') sel.parents.push(...list().map(Number));
    else if (name === 'g') sel.groups.push(...list().map(Number));
    else if (name === 's') sel.sessions.push(...list().map(Number));
    else if (name === 't') sel.ttys.push(...list());
    else if (name === 'd') delimiter = value!;
    else if (name === 'S') {
      const n = parseSignal(value!);
      if (n === undefined) {
        yield* err(`${prog}: Unknown signal "${value}".\n`);
        return 2;
      }
      signal = n;
    } else flags.add(name);
  }
  const pattern = parsed.operands[0];
  if (parsed.operands.length > 1) {
    yield* err(`${prog}: only one pattern can be provided\nTry \`${prog} --help' for more information.\n`);
    return 2;
  }
  if (pattern === undefined && sel.parents.length + sel.groups.length + sel.sessions.length + sel.ttys.length === 0) {
    yield* err(`${prog}: no matching criteria specified\nTry \`${prog} --help' for more information.\n`);
    return 2;
  }
  let re: RegExp | null = null;
  if (pattern !== undefined) {
    const js = translate(pattern, true);
    try {
      re = new RegExp(flags.has('x') ? `^(?:${js})$` : js ?? '[', flags.has('i') ? 'i' : '');
    } catch {
      yield* err(`${prog}: regex error: Invalid regular expression\n`);
      return 2;
    }
  }
  const me = yield* sys.getpid();
  let found = (yield* sys.procs())
    .filter((p) => p.pid !== me && p.pid !== 1 && matches(p, sel, re, flags.has('f'), flags.has('v')))
    .sort((a, b) => a.pid - b.pid);
  if (flags.has('n')) found = found.slice(-1);
  if (flags.has('o')) found = found.slice(0, 1);
  if (kind === 'pkill') return yield* signalAll(found, signal, flags.has('e'), flags.has('c'));
  if (flags.has('c')) yield* writeAll(1, `${found.length}\n`);
  else if (found.length > 0) {
    const item = (p: ProcInfo) => (flags.has('a') ? `${p.pid} ${p.argv.join(' ')}` : flags.has('l') ? `${p.pid} ${p.comm}` : String(p.pid));
    yield* writeAll(1, `${found.map(item).join(delimiter)}\n`);
  }
  return found.length > 0 ? 0 : 1;
}

function* signalAll(found: readonly ProcInfo[], signal: number, echo: boolean, count: boolean): Code<number> {
  let hit = 0;
  for (const p of found) {
    const r = yield* sys.kill(p.pid, signal);
    if (r instanceof sys.SysError) {
      yield* err(`pkill: killing pid ${p.pid} failed: ${r.reason}\n`);
      continue;
    }
    hit++;
    if (echo) yield* writeAll(1, `${p.comm} killed (pid ${p.pid})\n`);
  }
  if (count) yield* writeAll(1, `${hit}\n`);
  return hit > 0 ? 0 : 1;
}

export const pgrep: Program = (argv) => tool('pgrep', argv);
export const pkill: Program = (argv) => tool('pkill', argv);
