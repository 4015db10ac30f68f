// Terminal attributes: the defaults a Linux pty starts with (`stty sane`), and the opaque
// snapshot the shell's port hands back unchanged.

import type { Termios } from '../types.js';

export const SANE: Termios = {
  isig: true, icanon: true, echo: true, echoe: true, echok: true, echoctl: true, noflsh: false, tostop: false,
  onlcr: true, icrnl: true,
  cc: { intr: 0x03, quit: 0x1c, susp: 0x1a, eof: 0x04, erase: 0x7f, kill: 0x15, werase: 0x17, min: 1, time: 0 },
};

/** `stty raw`: no line editing, no signals, no echo, no output processing. */
export function raw(t: Termios): Termios {
  return { ...t, isig: false, icanon: false, echo: false, onlcr: false, icrnl: false, cc: { ...t.cc, min: 1, time: 0 } };
}

const FLAGS = ['isig', 'icanon', 'echo', 'echoe', 'echok', 'echoctl', 'noflsh', 'tostop', 'onlcr', 'icrnl'] as const;
const CCS = ['intr', 'quit', 'susp', 'eof', 'erase', 'kill', 'werase', 'min', 'time'] as const;

export function encodeTermios(t: Termios): Uint8Array {
  const out = new Uint8Array(FLAGS.length + CCS.length);
  FLAGS.forEach((f, i) => (out[i] = t[f] ? 1 : 0));
  CCS.forEach((c, i) => (out[FLAGS.length + i] = t.cc[c]));
  return out;
}

export function decodeTermios(b: Uint8Array): Termios | null {
  if (b.length !== FLAGS.length + CCS.length) return null;
  const flags = Object.fromEntries(FLAGS.map((f, i) => [f, b[i] === 1])) as Record<(typeof FLAGS)[number], boolean>;
  const cc = Object.fromEntries(CCS.map((c, i) => [c, b[FLAGS.length + i]!])) as Termios['cc'];
  return { ...flags, cc };
}
