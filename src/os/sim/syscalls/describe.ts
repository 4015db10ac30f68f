// Short texts for the event log: a call's arguments, its result, a wait status.

import { signalName } from '../../signals.js';
import type { WaitStatus } from '../../status.js';
import { SysError } from '../errno.js';
import type { Syscall } from '../types.js';

export function describeStatus(s: WaitStatus): string {
  switch (s.kind) {
    case 'exited': return `exited ${s.code}`;
    case 'signaled': return `killed by SIG${signalName(s.signal)}${s.coreDumped ? ' (core dumped)' : ''}`;
    case 'stopped': return `stopped by SIG${signalName(s.signal)}`;
    case 'continued': return 'continued';
  }
}

const preview = (data: Uint8Array): string => {
  const text = new TextDecoder().decode(data.subarray(0, 40));
  return JSON.stringify(text) + (data.length > 40 ? `…(${data.length} bytes)` : '');
};

export function describeCall(req: Syscall): string {
  switch (req.call) {
    case 'fork': return '';
    case 'execve': return `${JSON.stringify(req.path)}, [${req.argv.map((a) => JSON.stringify(a)).join(', ')}]`;
    case 'write': return `${req.fd}, ${preview(req.data)}`;
    case 'read': return `${req.fd}, ${req.count}`;
    case 'kill': return `${req.pid}, SIG${signalName(req.signal)}`;
    case 'waitpid': return `${req.pid}, ${[req.flags.nohang && 'WNOHANG', req.flags.untraced && 'WUNTRACED', req.flags.continued && 'WCONTINUED'].filter(Boolean).join('|') || '0'}`;
    case 'sigaction': return `SIG${signalName(req.signal)}, ${req.action === null ? 'NULL' : typeof req.action.handler === 'function' ? 'handler' : req.action.handler === 'ignore' ? 'SIG_IGN' : 'SIG_DFL'}`;
    case 'sigprocmask': return `${req.how}, [${(req.set ?? []).map((s) => signalName(s)).join(' ')}]`;
    case 'tcsetattr': return `${req.fd}, ${req.when}`;
    default: {
      const { call: _call, ...args } = req as Record<string, unknown>;
      return Object.values(args).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
    }
  }
}

export function describeResult(r: unknown): string {
  if (r instanceof SysError) return `-1 ${r.errno}`;
  if (r instanceof Uint8Array) return r.length === 0 ? '0 (end of file)' : `${r.length} ${preview(r)}`;
  if (r === undefined || r === null) return '0';
  if (typeof r === 'object' && 'status' in r && 'pid' in r) {
    const x = r as { pid: number; status: WaitStatus; raw: number };
    return `${x.pid} (${describeStatus(x.status)}, status 0x${x.raw.toString(16).padStart(4, '0')})`;
  }
  if (Array.isArray(r)) return `[${r.length > 8 ? `${r.length} items` : r.map(item).join(', ')}]`;
  if (typeof r === 'object') return '{…}';
  return String(r);
}

/** One element of a list a call returned: a process of `procs()` by its pid and name. */
function item(v: unknown): string {
  if (typeof v !== 'object' || v === null) return String(v);
  const p = v as { pid?: unknown; comm?: unknown };
  return typeof p.pid === 'number' ? `${p.pid}${typeof p.comm === 'string' ? ` ${p.comm}` : ''}` : '{…}';
}

/**
 * A system call's event, its texts made only when someone reads them: most listeners (the UI's
 * panels, a counter) never look at them, and formatting every call would cost more than the call.
 */
export class SyscallEvent {
  readonly kind = 'syscall' as const;
  private argsText: string | undefined;
  private resultText: string | undefined;

  constructor(
    readonly t: number,
    readonly who: { readonly pid: number; readonly pgid: number; readonly comm: string },
    private readonly req: Syscall,
    private readonly value: unknown,
  ) {}

  get call(): string {
    return this.req.call;
  }

  get args(): string {
    return (this.argsText ??= describeCall(this.req));
  }

  get result(): string {
    return (this.resultText ??= describeResult(this.value));
  }

  toJSON(): object {
    return { kind: this.kind, t: this.t, who: this.who, call: this.call, args: this.args, result: this.result };
  }
}
