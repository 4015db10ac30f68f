// GNU stty's view of a terminal: every mode it lists, in its order, with the flags that decide
// what `stty` (the settings that differ from sane) and `stty -a` (all of them) print.
//
// The simulated driver models only some modes (types.ts Termios). The others keep the values
// the project's real terminals start with (node-pty's: hupcl ixany imaxbel iutf8, eol and eol2
// 0xff) so the listings match Linux; stty keeps what it changes of them on the attribute object
// it hands to tcsetattr (`unmodelled`), and falls back to those values when a kernel gives back
// attributes without them.

import type { Termios } from '../types.js';

type ModeType = 'control' | 'input' | 'output' | 'local';

interface ModeInfo {
  readonly name: string;
  readonly type: ModeType;
  /** SANE_SET: on after `stty sane`; SANE_UNSET: off; REV: `-name` is meaningful. */
  readonly sane: 'set' | 'unset' | null;
  readonly rev: boolean;
}

const m = (name: string, type: ModeType, sane: ModeInfo['sane'], rev = true): ModeInfo => ({ name, type, sane, rev });

/** coreutils 9.1 mode_info, without the OMIT entries; the fixed ones (cs8, delays) have rev false. */
export const MODES: readonly ModeInfo[] = [
  m('parenb', 'control', null), m('parodd', 'control', null), m('cmspar', 'control', null), m('cs8', 'control', null, false),
  m('hupcl', 'control', null), m('cstopb', 'control', null), m('cread', 'control', 'set'), m('clocal', 'control', null),
  m('crtscts', 'control', null),
  m('ignbrk', 'input', 'unset'), m('brkint', 'input', 'set'), m('ignpar', 'input', null), m('parmrk', 'input', null),
  m('inpck', 'input', null), m('istrip', 'input', null), m('inlcr', 'input', 'unset'), m('igncr', 'input', 'unset'),
  m('icrnl', 'input', 'set'), m('ixon', 'input', null), m('ixoff', 'input', 'unset'), m('iuclc', 'input', 'unset'),
  m('ixany', 'input', 'unset'), m('imaxbel', 'input', 'set'), m('iutf8', 'input', 'unset'),
  m('opost', 'output', 'set'), m('olcuc', 'output', 'unset'), m('ocrnl', 'output', 'unset'), m('onlcr', 'output', 'set'),
  m('onocr', 'output', 'unset'), m('onlret', 'output', 'unset'), m('ofill', 'output', 'unset'), m('ofdel', 'output', 'unset'),
  m('nl0', 'output', null, false), m('cr0', 'output', null, false), m('tab0', 'output', null, false),
  m('bs0', 'output', null, false), m('vt0', 'output', null, false), m('ff0', 'output', null, false),
  m('isig', 'local', 'set'), m('icanon', 'local', 'set'), m('iexten', 'local', 'set'), m('echo', 'local', 'set'),
  m('echoe', 'local', 'set'), m('echok', 'local', 'set'), m('echonl', 'local', 'unset'), m('noflsh', 'local', 'unset'),
  m('xcase', 'local', 'unset'), m('tostop', 'local', 'unset'), m('echoprt', 'local', 'unset'), m('echoctl', 'local', 'set'),
  m('echoke', 'local', 'set'), m('flusho', 'local', 'unset'), m('extproc', 'local', 'unset'),
];

/** Control characters in GNU's order, with their sane values (0 is <undef>). */
export const CHARS: ReadonlyArray<readonly [string, number]> = [
  ['intr', 3], ['quit', 28], ['erase', 127], ['kill', 21], ['eof', 4], ['eol', 0], ['eol2', 0], ['swtch', 0],
  ['start', 17], ['stop', 19], ['susp', 26], ['rprnt', 18], ['werase', 23], ['lnext', 22], ['discard', 15],
];

const MODELLED_FLAGS = ['isig', 'icanon', 'echo', 'echoe', 'echok', 'echoctl', 'noflsh', 'tostop', 'icrnl'] as const;
const MODELLED_CHARS = ['intr', 'quit', 'susp', 'eof', 'erase', 'kill', 'werase'] as const;

/** Every mode and character stty shows, as one record. */
export interface Modes {
  readonly flags: Record<string, boolean>;
  readonly chars: Record<string, number>;
  readonly min: number;
  readonly time: number;
}

/** What node-pty's terminals start with, for the modes the driver does not model. */
export const START: Modes = {
  flags: {
    parenb: false, parodd: false, cmspar: false, cs8: true, hupcl: true, cstopb: false, cread: true, clocal: false,
    crtscts: false, ignbrk: false, brkint: true, ignpar: false, parmrk: false, inpck: false, istrip: false,
    inlcr: false, igncr: false, ixon: true, ixoff: false, iuclc: false, ixany: true, imaxbel: true, iutf8: true,
    opost: true, olcuc: false, ocrnl: false, onlcr: true, onocr: false, onlret: false, ofill: false, ofdel: false,
    nl0: true, cr0: true, tab0: true, bs0: true, vt0: true, ff0: true, iexten: true, echonl: false, xcase: false,
    echoprt: false, echoke: true, flusho: false, extproc: false,
  },
  chars: { eol: 0xff, eol2: 0xff, swtch: 0, start: 17, stop: 19, rprnt: 18, lnext: 22, discard: 15 },
  min: 1,
  time: 0,
};

/** `stty raw`: what it turns off besides the modelled modes. */
export const RAW_OFF = ['ignbrk', 'brkint', 'ignpar', 'parmrk', 'inpck', 'istrip', 'inlcr', 'igncr', 'icrnl', 'ixon',
  'ixoff', 'icanon', 'opost', 'isig', 'iuclc', 'ixany', 'imaxbel', 'xcase'];
/** `stty cooked` (-raw). */
export const COOKED_ON = ['brkint', 'ignpar', 'istrip', 'icrnl', 'ixon', 'opost', 'isig', 'icanon'];

type Unmodelled = Pick<Modes, 'flags' | 'chars'>;
type Carrier = Termios & { readonly unmodelled?: Unmodelled };

/** The full set of modes for attributes read from the driver. */
export function modesOf(t: Termios): Modes {
  const kept = (t as Carrier).unmodelled;
  const flags: Record<string, boolean> = { ...START.flags, ...kept?.flags };
  const chars: Record<string, number> = { ...START.chars, ...kept?.chars };
  if (!kept && !t.icrnl && !t.isig && !t.icanon) for (const f of RAW_OFF) flags[f] = false;
  for (const f of MODELLED_FLAGS) flags[f] = t[f];
  // The driver's onlcr stands for OPOST|ONLCR together: turning either off clears it.
  if (!kept) flags.opost = t.onlcr;
  else if (!t.onlcr && flags.opost && flags.onlcr) flags.opost = false;
  for (const c of MODELLED_CHARS) chars[c] = t.cc[c];
  return { flags, chars, min: t.cc.min, time: t.cc.time };
}

/** Attributes for tcsetattr carrying every mode (the unmodelled ones ride along). */
export function termiosOf(modes: Modes, base: Termios): Termios {
  const f = modes.flags;
  const cc = { ...base.cc, min: modes.min, time: modes.time };
  for (const c of MODELLED_CHARS) cc[c] = modes.chars[c]!;
  const modelled = Object.fromEntries(MODELLED_FLAGS.map((n) => [n, f[n]!])) as Pick<Termios, (typeof MODELLED_FLAGS)[number]>;
  const unmodelled: Unmodelled = { flags: { ...f }, chars: { ...modes.chars } };
  const t: Carrier = { ...base, ...modelled, onlcr: f.opost! && f.onlcr!, cc, unmodelled };
  return t;
}

/** `stty sane`. */
export function sane(modes: Modes): Modes {
  const flags = { ...modes.flags };
  for (const mode of MODES) if (mode.sane) flags[mode.name] = mode.sane === 'set';
  return { flags, chars: Object.fromEntries(CHARS), min: 1, time: 0 };
}

/** A control character as stty shows it: ^C, ^?, M-^?, <undef>. */
export function visible(c: number): string {
  if (c === 0) return '<undef>';
  if (c >= 128) return `M-${visible(c - 128)}`;
  if (c === 127) return '^?';
  if (c < 32) return `^${String.fromCharCode(c + 64)}`;
  return String.fromCharCode(c);
}

/** GNU stty's wrapf: items separated by a space, a new line when the next would pass max_col. */
class Wrapper {
  text = '';
  private col = 0;

  constructor(private readonly maxCol: number) {}

  add(item: string): void {
    if (this.col > 0) {
      if (this.maxCol - this.col < item.length) {
        this.text += '\n';
        this.col = 0;
      } else {
        this.text += ' ';
        this.col++;
      }
    }
    this.text += item;
    this.col = item.endsWith('\n') ? 0 : this.col + item.length;
  }

  newline(): void {
    this.text += '\n';
    this.col = 0;
  }

  get atStart(): boolean {
    return this.col === 0;
  }
}

const modeWord = (mode: ModeInfo, on: boolean): string | null => (on ? mode.name : mode.rev ? `-${mode.name}` : null);

/** `stty -a`. */
export function displayAll(modes: Modes, size: { rows: number; cols: number } | null, maxCol: number): string {
  const w = new Wrapper(maxCol);
  w.add('speed 38400 baud;');
  if (size) w.add(`rows ${size.rows}; columns ${size.cols};`);
  w.add('line = 0;');
  w.newline();
  for (const [name] of CHARS) w.add(`${name} = ${visible(modes.chars[name]!)};`);
  w.add(`min = ${modes.min}; time = ${modes.time};`);
  if (!w.atStart) w.newline();
  let prev: ModeType = 'control';
  for (const mode of MODES) {
    if (mode.type !== prev) {
      w.newline();
      prev = mode.type;
    }
    const word = modeWord(mode, modes.flags[mode.name]!);
    if (word) w.add(word);
  }
  w.newline();
  return w.text;
}

/** `stty`: the speed line, then the characters and modes that differ from sane. */
export function displayChanged(modes: Modes, maxCol: number): string {
  const w = new Wrapper(maxCol);
  w.add('speed 38400 baud;');
  w.add('line = 0;');
  w.newline();
  let empty = true;
  for (const [name, saneValue] of CHARS) {
    if (modes.chars[name] === saneValue) continue;
    empty = false;
    w.add(`${name} = ${visible(modes.chars[name]!)};`);
  }
  if (!modes.flags.icanon) w.add(`min = ${modes.min}; time = ${modes.time};\n`);
  else if (!empty) w.newline();
  empty = true;
  let prev: ModeType = 'control';
  for (const mode of MODES) {
    if (mode.type !== prev) {
      if (!empty) w.newline();
      empty = true;
      prev = mode.type;
    }
    const on = modes.flags[mode.name]!;
    if (on && mode.sane === 'unset') w.add(mode.name);
    else if (!on && mode.sane === 'set' && mode.rev) w.add(`-${mode.name}`);
    else continue;
    empty = false;
  }
  if (!empty) w.newline();
  return w.text;
}
