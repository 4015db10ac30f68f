// /bin/kill from procps-ng 4: `kill [-SIG | -s SIG | --signal SIG] pid|-pgid...`, `kill -l [SIG]`
// (a name for a number, a number for a name, or the whole list), `kill -L` (the table).
// Messages carry argv[0] as given, as procps prints program_invocation_name.

import { parseSignal, SIG, signalName, SIGNALS } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { err, out } from './lib.js';

const USAGE = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -q, --queue <value>    integer value to be sent with the signal
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

/** procps names signal 29 POLL, not IO. */
const nameOf = (n: number) => (n === 29 ? 'POLL' : signalName(n));

const NAMES = SIGNALS.map((s) => nameOf(s.number)!);

function listing(): string {
  return `${NAMES.slice(0, 16).join(' ')}\n${NAMES.slice(16).join(' ')}\n`;
}

function table(): string {
  let text = '';
  SIGNALS.forEach((s, i) => {
    text += `${String(s.number).padStart(2)} ${nameOf(s.number)!.padEnd(8)}`;
    if (i % 7 === 6) text += '\n';
  });
  return `${text}\n`;
}

/** `kill -l SPEC`: a number becomes a name and a name a number. */
function* listOne(prog: string, spec: string): Code<number> {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    const name = n > 0 && n < 128 ? nameOf(n) : undefined;
    if (name === undefined) yield* err(`${prog}: unknown signal name ${spec}\n`);
    else yield* out(`${name}\n`);
    return 0;
  }
  const n = parseSignal(spec);
  if (n === undefined || n === 0) yield* err(`${prog}: unknown signal name ${spec}\n`);
  else yield* out(`${n}\n`);
  return 0;
}

function* usage(prog: string, complaint?: string): Code<number> {
  yield* err(`${complaint === undefined ? '' : `${prog}: ${complaint}\n`}${USAGE}`);
  return 1;
}

export const kill: Program = function* (argv) {
  const prog = argv[0] ?? 'kill';
  let signal: number = SIG.TERM;
  let args = argv.slice(1);
  const first = args[0];
  if (first !== undefined && first.startsWith('-') && first !== '--') {
    const n = parseSignal(first.slice(1));
    if (n !== undefined) {
      signal = n;
      args = args.slice(1);
    }
  }
  const pids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      pids.push(...args.slice(i + 1));
      break;
    }
    if (/^-\d/.test(a) || !a.startsWith('-')) {
      pids.push(a);
      continue;
    }
    const long = /^--(signal|list|table|help|version|queue)(?:=(.*))?$/.exec(a);
    const opt = long ? long[1]![0] : a[1]!;
    const attached = long ? long[2] : a.length > 2 ? a.slice(2) : undefined;
    if (opt === 'l') {
      const next = args[i + 1];
      const spec = attached ?? (next !== undefined && !next.startsWith('-') ? next : undefined);
      if (spec !== undefined) return yield* listOne(prog, spec);
      yield* out(listing());
      return 0;
    }
    if (opt === 't' || opt === 'L') {
      yield* out(table());
      return 0;
    }
    if (opt === 's' || opt === 'q') {
      const value = attached ?? args[++i];
      if (value === undefined) return yield* usage(prog);
      // An unknown name is passed on as -1, as procps does: kill(2) then refuses it.
      if (opt === 's') signal = parseSignal(value) ?? -1;
      continue;
    }
    if (opt === 'h') return yield* usage(prog);
    return yield* usage(prog, `invalid argument ${opt}`);
  }
  if (pids.length === 0) return yield* usage(prog);
  let status = 0;
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) {
      yield* err(`${prog}: failed to parse argument: '${p}'\n`);
      return 1;
    }
    const r = yield* sys.kill(Number(p), signal);
    if (r instanceof sys.SysError) {
      yield* err(`${prog}: (${p}): ${r.reason}\n`);
      status = 1;
    }
  }
  return status;
};
