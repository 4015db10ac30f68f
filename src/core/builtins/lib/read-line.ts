// The line `read` takes (builtins/read.def): bytes up to the delimiter or the -n/-N count and
// never one past it, backslash escapes and continuation unless -r, UTF-8 characters decoded.
// It is read synchronously for as long as the port has the bytes at once (a file always), and
// goes on asynchronously only once something must wait: a loop of `read` over a file then
// costs no promise, as the executor stays on its synchronous path (src/lang/maybe.ts).
//
// While it waits, a signal with a trap runs the trap's action and the read goes on, as in
// bash 5.2; in POSIX mode the read ends instead with 128+signal (TrapInterrupt), its action
// running after it, as bash --posix does (and as `wait` does in either mode).

import { isPromise, type Maybe } from '../../../lang/maybe.js';
import { abandonIfInterrupted } from '../../interrupt.js';
import { OsError } from '../../../os/port.js';
import type { Shell } from '../../shell.js';
import { runPendingTraps } from '../../trap-run.js';
import { TrapInterrupt } from './childwait.js';
import type { ReadChar } from './read-split.js';

export interface LineRequest {
  readonly raw: boolean;
  readonly delimiter: number;
  /** -n: stop after this many characters; -N: exactly this many, delimiter included. */
  readonly limit: number | null;
  readonly exact: boolean;
}

export interface Line {
  readonly line: ReadChar[];
  readonly eof: boolean;
}

/** Bytes a line is read in at most (a longer one takes several reads). */
const RECORD_MAX = 4096;
const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** Reads up to the delimiter (or the -n/-N count), never a byte past it. */
export function readLine(shell: Shell, fd: number, req: LineRequest): Maybe<Line> {
  return build(new RecordInput(shell, fd, req.exact ? null : req.delimiter), new LineBuilder(req));
}

function build(input: RecordInput, line: LineBuilder): Maybe<Line> {
  for (;;) {
    if (line.full()) return line.end(false);
    let b: Maybe<number | null> | undefined = input.take();
    if (b === undefined) {
      b = input.fill(line.want());
      if (isPromise(b)) return b.then((first) => (first === null ? line.end(true) : line.push(first) ? line.end(false) : build(input, line)));
    }
    if (b === null) return line.end(true);
    if (line.push(b)) return line.end(false);
  }
}

/** The characters of a line, a byte at a time. */
class LineBuilder {
  private readonly line: ReadChar[] = [];
  private escaped = false;
  /** A character of several bytes under way, how many bytes it still needs, and whether escaped. */
  private partial: number[] = [];
  private more = 0;
  private partialQuoted = false;

  constructor(private readonly req: LineRequest) {}

  /** The -n/-N count is reached (counted in characters). */
  full(): boolean {
    return this.more === 0 && this.req.limit !== null && this.line.length >= this.req.limit;
  }

  /** How many bytes the next read may take without going past the line. */
  want(): number {
    if (this.more > 0) return this.more;
    return this.req.limit === null ? RECORD_MAX : this.req.limit - this.line.length;
  }

  /** Takes a byte; true when it was the delimiter, which ends the line. */
  push(b: number): boolean {
    if (this.more > 0) {
      this.partial.push(b);
      if (--this.more === 0) this.decodePartial();
      return false;
    }
    const quoted = this.escaped;
    if (!this.req.exact) {
      if (this.escaped) {
        this.escaped = false;
        // backslash-newline: the line goes on
        if (b === 10) return false;
      } else if (b === 0x5c && !this.req.raw) {
        this.escaped = true;
        return false;
      } else if (b === this.req.delimiter) {
        return true;
      }
    }
    if (b < 0x80) {
      this.line.push({ c: String.fromCharCode(b), quoted });
      return false;
    }
    this.partial = [b];
    this.partialQuoted = quoted;
    this.more = followers(b);
    if (this.more === 0) this.decodePartial();
    return false;
  }

  end(eof: boolean): Line {
    if (this.partial.length > 0) this.decodePartial();
    return { line: this.line, eof };
  }

  private decodePartial(): void {
    this.line.push({ c: decoder.decode(new Uint8Array(this.partial)), quoted: this.partialQuoted });
    this.partial = [];
    this.more = 0;
  }
}

/** How many continuation bytes follow a UTF-8 lead byte. */
function followers(lead: number): number {
  if (lead >= 0xf0 && lead < 0xf8) return 3;
  if (lead >= 0xe0) return lead < 0xf0 ? 2 : 0;
  if (lead >= 0xc0) return 1;
  return 0;
}

/**
 * What calls off a read for a trap, shared by every read until one is called off: making an
 * AbortController costs microseconds, and a loop of `read` with a trap set (an EXIT trap is
 * enough) would make one a line, most of them never used. Each wait stops listening to it
 * when it ends.
 */
let cancelling: AbortController | null = null;

function canceller(): AbortController {
  if (cancelling === null || cancelling.signal.aborted) cancelling = new AbortController();
  return cancelling;
}

/**
 * The input of one `read`: whole records up to the delimiter from the port (one read for a
 * line, however it is read), handed out a byte at a time. A record never goes past the
 * delimiter, nor past the count asked for, so nothing is taken from the next reader. With
 * -N the delimiter means nothing: bytes are read one at a time.
 */
class RecordInput {
  private bytes: Uint8Array = EMPTY;
  private at = 0;

  constructor(private readonly shell: Shell, private readonly fd: number, private readonly delimiter: number | null) {}

  /** The next byte already read, or undefined when they are all taken. */
  take(): number | undefined {
    return this.at < this.bytes.length ? this.bytes[this.at++] : undefined;
  }

  /** Reads more (at most `most` bytes) and takes the first; null at end of input. */
  fill(most: number): Maybe<number | null> {
    const traps = this.shell.traps;
    // a trap may call the read off, and so may ^C at an interactive shell (bash: status 130)
    const cancel = (traps.catching && !traps.running) || this.shell.interactive ? canceller() : undefined;
    const got = this.request(most, cancel?.signal);
    if (!isPromise(got)) return this.took(got);
    return cancel ? this.waitInterruptibly(got, cancel, most) : got.then((bytes) => this.took(bytes));
  }

  private request(most: number, cancel?: AbortSignal): Maybe<Uint8Array | null> {
    const port = this.shell.port;
    if (this.delimiter === null) return port.read(this.fd, 1, cancel);
    return port.readRecord(this.fd, this.delimiter, Math.max(1, most), cancel);
  }

  private took(bytes: Uint8Array | null): number | null {
    this.bytes = bytes ?? EMPTY;
    this.at = 0;
    return this.take() ?? null;
  }

  /** Waits for the read; each caught signal with a trap calls it off, for the trap to run. */
  private async waitInterruptibly(got: Maybe<Uint8Array | null>, cancel: AbortController, most: number): Promise<number | null> {
    const traps = this.shell.traps;
    for (;;) {
      const stop = traps.onArrival(() => cancel.abort());
      const stopInterrupt = this.shell.control.onInterrupt(() => cancel.abort());
      // One that came before the listener: the read would wait through it.
      if (traps.interruptingSignal() !== undefined || this.shell.control.interrupted) cancel.abort();
      try {
        return this.took(await got);
      } catch (e) {
        if (!(e instanceof OsError && e.code === 'EINTR')) throw e;
      } finally {
        stop();
        stopInterrupt();
      }
      // ^C: the command line is abandoned with status 130, as bash's read does
      await abandonIfInterrupted(this.shell);
      await this.trapped();
      cancel = canceller();
      got = this.request(most, cancel.signal);
    }
  }

  private async trapped(): Promise<void> {
    const sig = this.shell.traps.interruptingSignal();
    if (sig === undefined) return;
    if (this.shell.options.isOn('posix')) throw new TrapInterrupt(sig);
    await runPendingTraps(this.shell);
  }
}
