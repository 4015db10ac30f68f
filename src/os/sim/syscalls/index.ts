// The system call table: a call's name to its handler. A call the simulator does not model
// fails with ENOSYS and its name, never with a JavaScript exception.

import { SysError } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { Outcome } from '../outcome.js';
import type { Call } from '../process.js';
import { ioCalls } from './io.js';
import { procCalls } from './proc.js';
import { signalCalls } from './signals.js';
import { ttyCalls } from './tty.js';

type Handler = (k: Kernel, c: Call, req: never) => unknown;

const TABLE: Record<string, Handler> = {
  ...procCalls,
  ...signalCalls,
  ...ioCalls,
  ...ttyCalls,
  unknown: (_k: Kernel, c: Call) => new SysError('ENOSYS', (c.req as { name: string }).name),
};

export function dispatch(k: Kernel, call: Call): Outcome<unknown> {
  const handler = TABLE[call.req.call];
  if (!handler) return new SysError('ENOSYS', call.req.call);
  return handler(k, call, call.req as never) as Outcome<unknown>;
}
