// Wait statuses as values. Both kernels report child changes in this shape; nothing above
// the OS layer ever sees a raw 16-bit status.

export type WaitStatus =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'signaled'; readonly signal: number; readonly coreDumped: boolean }
  | { readonly kind: 'stopped'; readonly signal: number }
  | { readonly kind: 'continued' };

export const exited = (code: number): WaitStatus => ({ kind: 'exited', code: code & 0xff });
export const signaled = (signal: number, coreDumped = false): WaitStatus =>
  ({ kind: 'signaled', signal, coreDumped });
export const stopped = (signal: number): WaitStatus => ({ kind: 'stopped', signal });
export const continued: WaitStatus = { kind: 'continued' };

/** Decodes a Linux wait status word (rule W5.6). */
export function decodeWaitStatus(raw: number): WaitStatus {
  if (raw === 0xffff) return continued;
  const low = raw & 0x7f;
  if (low === 0) return exited((raw >> 8) & 0xff);
  if (low === 0x7f) return stopped((raw >> 8) & 0xff);
  return signaled(low, (raw & 0x80) !== 0);
}

/** Encodes a status as the Linux kernel would (rule W5.6); used by the simulator and tests. */
export function encodeWaitStatus(s: WaitStatus): number {
  switch (s.kind) {
    case 'exited': return (s.code & 0xff) << 8;
    case 'signaled': return s.signal | (s.coreDumped ? 0x80 : 0);
    case 'stopped': return (s.signal << 8) | 0x7f;
    case 'continued': return 0xffff;
  }
}

/** The shell's `$?` for a status (rule B10.5): the code, or 128 + the signal for deaths and stops. */
export function shellStatus(s: WaitStatus): number {
  switch (s.kind) {
    case 'exited': return s.code;
    case 'signaled': return 128 + s.signal;
    case 'stopped': return 128 + s.signal;
    case 'continued': return 0;
  }
}

export function isFinished(s: WaitStatus): boolean {
  return s.kind === 'exited' || s.kind === 'signaled';
}
