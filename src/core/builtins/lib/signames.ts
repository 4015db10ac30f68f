// Signal names exactly as bash reads and lists them (trap.c decode_signal, support/signames.c,
// builtins/common.c display_signal_list). bash's table differs from a plain name lookup: 0 is
// "EXIT", 32 and 33 have no name, and aliases such as IOT, CLD or POLL are not accepted.

import { SIGRTMAX, SIGRTMIN, signalName } from '../../../os/signals.js';
import { legalNumber } from './numbers.js';

/** Linux NSIG: signals are 0..64. */
export const NSIG = 65;

/** The name bash keeps for a signal ("SIGINT", "EXIT"), or undefined for a gap in the table. */
export function bashSignalName(sig: number): string | undefined {
  if (sig === 0) return 'EXIT';
  const name = signalName(sig);
  return name === undefined ? undefined : `SIG${name}`;
}

/** A signal number or name, any case, with or without SIG; undefined when bash would refuse it. */
export function decodeSignal(spec: string): number | undefined {
  const n = legalNumber(spec);
  if (n !== null) return n >= 0n && n < BigInt(NSIG) ? Number(n) : undefined;
  const rt = /^(SIG)?RTMIN\+/i.exec(spec);
  if (rt) {
    const k = legalNumber(spec.slice(rt[0].length));
    return k !== null && k >= 0n && k <= BigInt(SIGRTMAX - SIGRTMIN) ? SIGRTMIN + Number(k) : undefined;
  }
  const wanted = spec.toUpperCase();
  for (let sig = 0; sig < NSIG; sig++) {
    const name = bashSignalName(sig);
    if (name === undefined) continue;
    if (wanted === name || (name.startsWith('SIG') && wanted === name.slice(3))) return sig;
  }
  return undefined;
}

/** `kill -l`: " 1) SIGHUP" entries, five to a line, each followed by a tab or a newline. */
export function signalTable(): string {
  let out = '';
  let column = 0;
  for (let sig = 1; sig < NSIG; sig++) {
    const name = bashSignalName(sig);
    if (name === undefined) continue;
    out += `${String(sig).padStart(2)}) ${name}`;
    column = (column + 1) % 5;
    out += column === 0 ? '\n' : '\t';
  }
  return column === 0 ? out : `${out}\n`;
}
