// Shell variables, their export flag, and the environment built for commands.

import { describe, expect, it } from 'vitest';
import { isValidName, Variables } from '../../src/core/vars.js';

describe('Variables', () => {
  it('imports the environment as exported variables', () => {
    const v = Variables.fromEnviron(['HOME=/home/u', 'EMPTY=', 'EQ=a=b', 'junk']);
    expect(v.get('HOME')).toBe('/home/u');
    expect(v.get('EMPTY')).toBe('');
    expect(v.get('EQ')).toBe('a=b');
    expect(v.isExported('HOME')).toBe(true);
    expect(v.names()).toEqual(['EMPTY', 'EQ', 'HOME']);
  });

  it('new variables are not exported until export; assignments keep the flag', () => {
    const v = Variables.fromEnviron(['A=1']);
    v.set('B', '2');
    v.set('A', '3');
    expect(v.environ()).toEqual(['A=3']);
    v.export('B');
    expect(v.environ().sort()).toEqual(['A=3', 'B=2']);
  });

  it('prefix assignments override and add to the environment', () => {
    const v = Variables.fromEnviron(['A=1', 'B=2']);
    expect(v.environ(new Map([['A', 'x'], ['C', 'y']])).sort()).toEqual(['A=x', 'B=2', 'C=y']);
  });

  it('snapshots are copies', () => {
    const v = Variables.fromEnviron(['A=1']);
    const copy = Variables.fromSnapshot(v.snapshot());
    copy.set('A', '2');
    expect(v.get('A')).toBe('1');
    expect(copy.isExported('A')).toBe(true);
  });

  it('counts PATH changes so command lookups can forget', () => {
    const v = Variables.fromEnviron([]);
    const before = v.pathGeneration;
    v.set('PATH', '/bin');
    v.unset('PATH');
    v.set('OTHER', 'x');
    expect(v.pathGeneration).toBe(before + 2);
  });

  it('names are letters, digits and underscores, not starting with a digit', () => {
    expect(['a', '_', 'A_1', '_9'].every(isValidName)).toBe(true);
    expect(['', '1x', 'a-b', 'a b', 'é'].some(isValidName)).toBe(false);
  });
});
