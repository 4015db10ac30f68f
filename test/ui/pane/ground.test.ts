// The ground-state tracker (ground.ts): when it says xterm's parser is in ground and the active
// buffer's scroll region is the whole screen, xterm agrees; each rule by example, then random
// output checked against xterm's own state.

import fc from 'fast-check';
import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { GroundTracker } from '../../../src/ui/pane/ground.js';

function tracked(...texts: string[]): GroundTracker {
  const t = new GroundTracker();
  for (const text of texts) t.scan(text);
  return t;
}

const ground = (...texts: string[]): boolean => tracked(...texts).ground;
const safe = (...texts: string[]): boolean => tracked(...texts).safe;

describe('GroundTracker: the parser state', () => {
  it('is ground before any introducer, whatever plain text and controls came', () => {
    expect(ground('')).toBe(true);
    expect(ground('hello\r\n\tworld 中文 😀')).toBe(true);
    expect(ground('a\x07b\x08c\x00\x7f\x0e')).toBe(true);
  });

  it('is ground after a complete CSI, ESC [ or C1, and text after it', () => {
    expect(ground('\x1b[1;31mred')).toBe(true);
    expect(ground('\x1b[?25l')).toBe(true);
    expect(ground('\x1b[ q')).toBe(true); // with an intermediate
    expect(ground('\u009b2Jx')).toBe(true);
  });

  it('is not ground inside a CSI, also when it is split across writes, until its final byte', () => {
    expect(ground('\x1b[')).toBe(false);
    expect(ground('\x1b[12;')).toBe(false);
    expect(ground('\u009b12')).toBe(false);
    expect(ground('\x1b[12', ';3', 'H')).toBe(true);
    expect(ground('\u009b1', 'mtext')).toBe(true);
  });

  it('a CSI with a line feed inside is not known to be ground, nor is the text after it', () => {
    expect(ground('\x1b[1\nm')).toBe(false);
    expect(ground('\x1b[1\nmtext\r\n')).toBe(false);
    // The next introducer starts afresh.
    expect(ground('\x1b[1\nm', 'x\x1b[0m', 'y')).toBe(true);
  });

  it('a CSI with a character that is neither parameter, intermediate nor final is not known', () => {
    expect(ground('\x1b[1é')).toBe(false);
    expect(ground('\x1b[1\x7fm')).toBe(false);
    expect(ground('\x1b[1\x18')).toBe(false);
  });

  it('is ground after a complete ESC sequence, with or without intermediates', () => {
    expect(ground('\x1b7')).toBe(true);
    expect(ground('\x1b(0')).toBe(true);
    expect(ground('\x1b#8')).toBe(true);
    expect(ground('\x1b=x')).toBe(true);
    expect(ground('\x1b(')).toBe(false);
    expect(ground('\x1b')).toBe(false);
    expect(ground('\x1b\n7')).toBe(false);
  });

  it('an OSC is ground when ended by BEL or by ESC \\, not while unterminated', () => {
    expect(ground('\x1b]0;title\x07')).toBe(true);
    expect(ground('\u009d0;title\x07after')).toBe(true);
    expect(ground('\x1b]0;title\x1b\\')).toBe(true);
    expect(ground('\x1b]0;unterminated title\r\n')).toBe(false);
    expect(ground('\x1b]0;title', ' more\x07')).toBe(true);
  });

  it('an OSC ended by a C1 ST, CAN or SUB is not known (ground in fact: conservative)', () => {
    expect(ground('\x1b]0;t\u009c')).toBe(false);
    expect(ground('\x1b]0;t\x18')).toBe(false);
  });

  it('DCS, SOS, PM and APC strings are not ground until an ESC \\ ends them', () => {
    for (const intro of ['\x1bP', '\x1bX', '\x1b^', '\x1b_', '\u0090', '\u0098', '\u009e', '\u009f']) {
      expect(ground(`${intro}1$qm`)).toBe(false);
      expect(ground(`${intro}1$qm\x1b\\`)).toBe(true);
      expect(ground(`${intro}1$qm\u009c`)).toBe(false);
    }
  });
});

describe('GroundTracker: the scroll region', () => {
  it('a region set with DECSTBM is not safe; the forms that reset it are', () => {
    expect(safe('\x1b[2;4r')).toBe(false);
    expect(safe('\x1b[2r')).toBe(false);
    expect(safe('\x1b[;4r')).toBe(false);
    expect(safe('\x1b[2;4r', '\x1b[r')).toBe(true);
    expect(safe('\x1b[2;4r\x1b[1;0r')).toBe(true);
    expect(safe('\x1b[2;4r\x1b[0;r')).toBe(true);
    expect(safe('\x1b[2;4r\x1b[1;24r')).toBe(false); // whole only if the screen has 24 rows
  });

  it('r with a prefix or an intermediate is no DECSTBM', () => {
    expect(safe('\x1b[?2;4r')).toBe(true);
    expect(safe('\x1b[2;4$r')).toBe(true);
  });

  it('follows the alternate buffer: its region is cleared when the normal buffer comes back', () => {
    const t = tracked('\x1b[?1049h\x1b[2;4r');
    expect(t.altScreen).toBe(true);
    expect(t.safe).toBe(false);
    t.scan('\x1b[?1049l');
    expect(t.altScreen).toBe(false);
    expect(t.safe).toBe(true);
    expect(safe('\x1b[?1049h\x1b[2;4r\x1b[?1049l\x1b[?1049h')).toBe(true);
  });

  it('the normal buffer keeps its region while the alternate one is shown', () => {
    expect(safe('\x1b[2;4r\x1b[?47h')).toBe(true);
    expect(safe('\x1b[2;4r\x1b[?47h\x1b[?47l')).toBe(false);
    expect(safe('\x1b[2;4r\x1b[?2004;1047h\x1b[?1047;1l')).toBe(false);
  });

  it('sub-parameters or too many parameters in r, h or l make it lost until RIS', () => {
    expect(safe('\x1b[?1049:1h')).toBe(false);
    expect(safe(`\x1b[?${'1;'.repeat(40)}1049h`)).toBe(false);
    expect(safe('\x1b[?1049:1h\x1b[r\x1b[?1049l')).toBe(false);
    expect(safe('\x1b[?1049:1h\x1bc')).toBe(true);
  });

  it('a CSI with a control inside makes it lost: xterm may still act on it', () => {
    expect(safe('\x1b[2;\n4r')).toBe(false);
    expect(safe('\x1b[2;\n4r\x1b[0m')).toBe(false);
    expect(safe('\x1b[2;\n4r\x1b[0m\x1bc')).toBe(true);
  });

  it('RIS makes the normal buffer active with the whole screen as its region', () => {
    const t = tracked('\x1b[2;4r\x1b[?1049h\x1b[1;2r\x1bc');
    expect(t.altScreen).toBe(false);
    expect(t.safe).toBe(true);
  });
});

// Internals read only here, to check the tracker against the real thing.
interface Core {
  _core: {
    _inputHandler: { _parser: { currentState: number } };
    buffer: { scrollTop: number; scrollBottom: number };
  };
}

const PIECES = [
  'text', ' ', '\r\n', '\n', '\t', '中', '\x07', '\x08', '\x18', '\x7f', '\x1b', '[', ']', 'P', '_', '\\',
  '0', '1', '2', '4', ';', ':', '?', '$', '!', 'r', 'h', 'l', 'm', 'c', '\x1b[2;4r', '\x1b[r', '\x1b[?1049h',
  '\x1b[?1049l', '\x1b[?47h', '\x1b[?47l', '\x1bc', '\x1b]0;t\x07', '\u009b', '\u009c', '\u009d', '\u0090',
];

describe('GroundTracker against xterm', () => {
  it('when it says ground or safe, xterm is in ground with a whole-screen region (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), async (pieces) => {
        const term = new xterm.Terminal({ cols: 20, rows: 6, allowProposedApi: true, logLevel: 'off' });
        const core = (term as unknown as Core)._core;
        const tracker = new GroundTracker();
        for (const piece of pieces) {
          tracker.scan(piece);
          await new Promise<void>((resolve) => term.write(piece, resolve));
          if (tracker.ground) expect(core._inputHandler._parser.currentState).toBe(0);
          if (tracker.safe) {
            expect([core.buffer.scrollTop, core.buffer.scrollBottom]).toEqual([0, 5]);
            expect(term.buffer.active.type === 'alternate').toBe(tracker.altScreen);
          }
        }
        term.dispose();
      }),
      { numRuns: 300 },
    );
  });
});
