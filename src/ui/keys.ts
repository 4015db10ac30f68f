// The UI's keyboard: every byte goes to the terminal, except the prefix key (Ctrl-], as
// telnet's escape). After the prefix one key is a command; in scroll mode keys move the view
// until q or Esc. A pure state machine: bytes in, actions out.

export const PREFIX = '\x1d';

export type Command =
  | 'panels' | 'focus' | 'scroll' | 'help' | 'quit' | 'restart'
  | 'pause' | 'step' | 'jobs' | 'session' | 'terminal' | 'timeline' | 'cancel'
  /** A lab's next step: type its keys. */
  | 'next';

export type ScrollMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export type KeyAction =
  | { readonly kind: 'send'; readonly data: string }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'scroll'; readonly move: ScrollMove }
  | { readonly kind: 'scrollEnd' };

export type KeyMode = 'normal' | 'prefix' | 'scroll';

const COMMANDS: Readonly<Record<string, Command>> = {
  p: 'panels', '\t': 'focus', '[': 'scroll', '?': 'help', q: 'quit', r: 'restart',
  ' ': 'pause', '.': 'step', n: 'step', j: 'jobs', s: 'session', t: 'terminal', l: 'timeline',
  '\x1b': 'cancel', '\r': 'next',
};

const SCROLL_KEYS: readonly (readonly [string, ScrollMove])[] = [
  ['\x1b[A', 'up'], ['\x1bOA', 'up'], ['k', 'up'],
  ['\x1b[B', 'down'], ['\x1bOB', 'down'], ['j', 'down'],
  ['\x1b[5~', 'pageUp'], ['b', 'pageUp'], ['\x02', 'pageUp'],
  ['\x1b[6~', 'pageDown'], [' ', 'pageDown'], ['\x06', 'pageDown'],
  ['\x1b[H', 'top'], ['\x1bOH', 'top'], ['g', 'top'],
  ['\x1b[F', 'bottom'], ['\x1bOF', 'bottom'], ['G', 'bottom'],
];

export class KeyRouter {
  mode: KeyMode = 'normal';

  /** The actions for one read from the keyboard. */
  feed(data: string): KeyAction[] {
    const actions: KeyAction[] = [];
    let rest = data;
    while (rest.length > 0) rest = this.step(rest, actions);
    return actions;
  }

  private step(data: string, actions: KeyAction[]): string {
    if (this.mode === 'normal') {
      const at = data.indexOf(PREFIX);
      if (at < 0) {
        actions.push({ kind: 'send', data });
        return '';
      }
      if (at > 0) actions.push({ kind: 'send', data: data.slice(0, at) });
      this.mode = 'prefix';
      actions.push({ kind: 'prefix' });
      return data.slice(at + 1);
    }
    if (this.mode === 'prefix') return this.command(data, actions);
    return this.scroll(data, actions);
  }

  private command(data: string, actions: KeyAction[]): string {
    this.mode = 'normal';
    const key = data[0]!;
    if (key === PREFIX) {
      actions.push({ kind: 'send', data: PREFIX });
      return data.slice(1);
    }
    // A lone Esc cancels; an escape sequence (an arrow key) after the prefix is dropped whole.
    const length = key === '\x1b' && data.length > 1 ? sequenceLength(data) : 1;
    const command = length === 1 ? COMMANDS[key] : undefined;
    if (command === 'scroll') this.mode = 'scroll';
    actions.push({ kind: 'command', command: command ?? 'cancel' });
    return data.slice(length);
  }

  private scroll(data: string, actions: KeyAction[]): string {
    for (const [seq, move] of SCROLL_KEYS) {
      if (data.startsWith(seq)) {
        actions.push({ kind: 'scroll', move });
        return data.slice(seq.length);
      }
    }
    const length = data[0] === '\x1b' && data.length > 1 ? sequenceLength(data) : 1;
    if (data[0] === 'q' || (data[0] === '\x1b' && length === 1) || data[0] === PREFIX) {
      this.mode = 'normal';
      actions.push({ kind: 'scrollEnd' });
    }
    return data.slice(length);
  }
}

/** Length of the CSI or SS3 sequence at the start of `data` (ESC [ params final, ESC O x). */
function sequenceLength(data: string): number {
  if (data[1] === 'O') return Math.min(3, data.length);
  if (data[1] !== '[') return 2;
  let i = 2;
  while (i < data.length && /[0-9;?]/.test(data[i]!)) i++;
  return Math.min(i + 1, data.length);
}
