// `read [-r] [-p prompt] [-d delim] [-n nchars] [-N nchars] [-u fd] [name ...]`
// (builtins/read.def). One line from fd 0, and nothing after it (the next command reads the
// rest of a pipe or file): the port reads a file a block at a time and seeks back, anything
// else a byte at a time, as bash does. Without -r a backslash escapes
// the next character and backslash-newline continues the line. The line is split on IFS into
// the names (REPLY, unsplit, without any). At end of input the status is 1, and what was read
// is still assigned.

import { isValidName } from '../vars.js';
import { assignVariable } from './lib/assign.js';
import { parseOptions } from './lib/options.js';
import { legalNumber } from './lib/numbers.js';
import { splitFields, type ReadChar } from './lib/read-split.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';
const decoder = new TextDecoder();

interface Request {
  raw: boolean;
  delimiter: number;
  /** -n: stop after this many characters; -N: exactly this many, delimiter included. */
  limit: number | null;
  exact: boolean;
  fd: number;
}

export const readBuiltin: Builtin = async (ctx) => {
  const parsed = parseOptions(ctx, 'rp:d:n:N:u:', USAGE);
  if (!parsed) return 2;
  const req: Request = { raw: false, delimiter: 10, limit: null, exact: false, fd: 0 };
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
  const { line, eof } = await readLine(ctx, fd, req);
  const assigned = assign(ctx, parsed.operands, line);
  return eof || !assigned ? 1 : 0;
};

/** Reads up to the delimiter (or the -n/-N count), never a byte past it. */
async function readLine(ctx: BuiltinContext, fd: number, req: Request): Promise<{ line: ReadChar[]; eof: boolean }> {
  const line: ReadChar[] = [];
  const input = new RecordInput(ctx, fd, req.exact ? null : req.delimiter);
  let escaped = false;
  for (;;) {
    if (req.limit !== null && line.length >= req.limit) return { line, eof: false };
    const first = input.take() ?? (await input.fill(req.limit === null ? RECORD_MAX : req.limit - line.length));
    if (first === null) return { line, eof: true };
    const quoted = escaped;
    if (!req.exact) {
      if (escaped) {
        escaped = false;
        // backslash-newline: the line goes on
        if (first === 10) continue;
      } else if (first === 0x5c && !req.raw) {
        escaped = true;
        continue;
      } else if (first === req.delimiter) {
        return { line, eof: false };
      }
    }
    line.push({ c: first < 0x80 ? String.fromCharCode(first) : await character(input, first), quoted });
  }
}

/** A character of several bytes, from its lead byte on. */
async function character(input: RecordInput, lead: number): Promise<string> {
  const bytes = [lead];
  for (let more = followers(lead); more > 0; more--) {
    const b = input.take() ?? (await input.fill(more));
    if (b === null) break;
    bytes.push(b);
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Bytes a line is read in at most (a longer one takes several reads). */
const RECORD_MAX = 4096;

/**
 * The input of one `read`: whole records up to the delimiter from the port (one read for a
 * line, however it is read), handed out a byte at a time. A record never goes past the
 * delimiter, nor past the count asked for, so nothing is taken from the next reader. With
 * -N the delimiter means nothing: bytes are read one at a time.
 */
class RecordInput {
  private bytes: Uint8Array = new Uint8Array(0);
  private at = 0;

  constructor(private readonly ctx: BuiltinContext, private readonly fd: number, private readonly delimiter: number | null) {}

  /** The next byte already read, or undefined when they are all taken. */
  take(): number | undefined {
    return this.at < this.bytes.length ? this.bytes[this.at++] : undefined;
  }

  /** Reads more (at most `most` bytes) and takes the first; null at end of input. */
  async fill(most: number): Promise<number | null> {
    const port = this.ctx.shell.port;
    this.bytes = this.delimiter === null ? (await port.read(this.fd, 1)) ?? new Uint8Array(0) : await port.readRecord(this.fd, this.delimiter, Math.max(1, most));
    this.at = 0;
    return this.take() ?? null;
  }
}

/** How many continuation bytes follow a UTF-8 lead byte. */
function followers(lead: number): number {
  if (lead >= 0xf0 && lead < 0xf8) return 3;
  if (lead >= 0xe0) return lead < 0xf0 ? 2 : 0;
  if (lead >= 0xc0) return 1;
  return 0;
}

/** False when a name was readonly (reported). */
function assign(ctx: BuiltinContext, names: readonly string[], line: ReadChar[]): boolean {
  if (names.length === 0) return assignVariable(ctx, 'REPLY', line.map((ch) => ch.c).join(''));
  const ifs = ctx.shell.vars.get('IFS') ?? ' \t\n';
  return splitFields(line, ifs, names.length).map((value, i) => assignVariable(ctx, names[i]!, value)).every(Boolean);
}
