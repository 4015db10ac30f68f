// `read [-r] [-p prompt] [-d delim] [-n nchars] [-N nchars] [-u fd] [name ...]`
// (builtins/read.def). One line from fd 0, and nothing after it (the next command reads the
// rest of a pipe or file): the port reads a file a block at a time and seeks back, anything
// else a byte at a time, as bash does. Without -r a backslash escapes
// the next character and backslash-newline continues the line. The line is split on IFS into
// the names (REPLY, unsplit, without any). At end of input the status is 1, and what was read
// is still assigned. A line read without waiting (a file) is read synchronously
// (lib/read-line.ts).

import { andThen, rescue } from '../../lang/maybe.js';
import { isValidName } from '../vars.js';
import { assignVariable } from './lib/assign.js';
import { TrapInterrupt } from './lib/childwait.js';
import { parseOptions } from './lib/options.js';
import { legalNumber } from './lib/numbers.js';
import { readLine, type Line, type LineRequest } from './lib/read-line.js';
import { splitFields, type ReadChar } from './lib/read-split.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';

interface Request extends LineRequest {
  fd: number;
}

export const readBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'rp:d:n:N:u:', USAGE);
  if (!parsed) return 2;
  const req: { -readonly [K in keyof Request]: Request[K] } = { raw: false, delimiter: 10, limit: null, exact: false, fd: 0 };
  let prompt: string | undefined;
  for (const o of parsed.options) {
    if (o.name === 'r') req.raw = true;
    else if (o.name === 'p') prompt = o.arg!;
    else if (o.name === 'd') req.delimiter = o.arg === '' ? 0 : new TextEncoder().encode(o.arg!)[0]!;
    else if (o.name === 'n' || o.name === 'N') {
      const n = legalNumber(o.arg!);
      if (n === null || n < 0n) {
        ctx.error(`${o.arg}: invalid number`);
        return 1;
      }
      req.limit = Number(n);
      req.exact = o.name === 'N';
    } else if (o.name === 'u') {
      const n = legalNumber(o.arg!);
      if (n === null || n < 0n) {
        ctx.error(`${o.arg}: invalid file descriptor specification`);
        return 1;
      }
      req.fd = Number(n);
    }
  }
  for (const name of parsed.operands) {
    if (!isValidName(name)) {
      ctx.error(`\`${name}': not a valid identifier`);
      return 1;
    }
  }
  const fd = ctx.fd(req.fd);
  if (fd === undefined) {
    // A copy of the shell for a pipeline stage has no input of its own yet (see the report of
    // issue 14: such a read should run as a process of the job); it reads nothing.
    if (!ctx.captured) ctx.error(`read error: ${req.fd}: Bad file descriptor`);
    return 1;
  }
  if (prompt !== undefined && ctx.shell.port.isatty(fd)) ctx.io.err(prompt);
  const names = parsed.operands;
  return rescue(() => andThen(readLine(ctx.shell, fd, req), (line) => finish(ctx, names, line)), interrupted);
};

function finish(ctx: BuiltinContext, names: readonly string[], { line, eof }: Line): number {
  const assigned = assign(ctx, names, line);
  return eof || !assigned ? 1 : 0;
}

/** POSIX mode: a trapped signal ended the read (its action runs after it). */
function interrupted(e: unknown): number {
  if (e instanceof TrapInterrupt) return 128 + e.signal;
  throw e;
}

/** False when a name was readonly (reported). */
function assign(ctx: BuiltinContext, names: readonly string[], line: ReadChar[]): boolean {
  if (names.length === 0) return assignVariable(ctx, 'REPLY', line.map((ch) => ch.c).join(''));
  const ifs = ctx.shell.vars.get('IFS') ?? ' \t\n';
  return splitFields(line, ifs, names.length).map((value, i) => assignVariable(ctx, names[i]!, value)).every(Boolean);
}
