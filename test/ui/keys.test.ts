// The UI's keyboard: everything goes to the terminal but the prefix and what follows it.

import { describe, expect, it } from 'vitest';
import { KeyRouter } from '../../src/ui/keys.js';

describe('the key router', () => {
  it('passes every byte to the terminal, ^C ^Z ^\\ ^D included', () => {
    const r = new KeyRouter();
    expect(r.feed('ls\r\x03\x1a\x1c\x04\x1b[A')).toEqual([{ kind: 'send', data: 'ls\r\x03\x1a\x1c\x04\x1b[A' }]);
  });

  it('takes the key after Ctrl-] as a command, in the same read or the next', () => {
    const r = new KeyRouter();
    expect(r.feed('ab\x1dq')).toEqual([{ kind: 'send', data: 'ab' }, { kind: 'prefix' }, { kind: 'command', command: 'quit' }]);
    expect(r.feed('\x1d')).toEqual([{ kind: 'prefix' }]);
    expect(r.mode).toBe('prefix');
    expect(r.feed('p')).toEqual([{ kind: 'command', command: 'panels' }]);
    expect(r.feed('x')).toEqual([{ kind: 'send', data: 'x' }]);
  });

  it('sends a Ctrl-] typed twice, and drops an unknown command or an arrow after the prefix', () => {
    const r = new KeyRouter();
    expect(r.feed('\x1d\x1d')).toEqual([{ kind: 'prefix' }, { kind: 'send', data: '\x1d' }]);
    expect(r.feed('\x1dZ')).toEqual([{ kind: 'prefix' }, { kind: 'command', command: 'cancel' }]);
    expect(r.feed('\x1d\x1b[Ay')).toEqual([{ kind: 'prefix' }, { kind: 'command', command: 'cancel' }, { kind: 'send', data: 'y' }]);
  });

  it('moves in scroll mode until q, and sends nothing meanwhile', () => {
    const r = new KeyRouter();
    expect(r.feed('\x1d[')).toEqual([{ kind: 'prefix' }, { kind: 'command', command: 'scroll' }]);
    expect(r.feed('\x1b[5~k\x1b[Bzg')).toEqual([
      { kind: 'scroll', move: 'pageUp' }, { kind: 'scroll', move: 'up' }, { kind: 'scroll', move: 'down' }, { kind: 'scroll', move: 'top' },
    ]);
    expect(r.feed('qls')).toEqual([{ kind: 'scrollEnd' }, { kind: 'send', data: 'ls' }]);
  });
});
