// The arithmetic evaluator against bash 5.2's answers (recorded from bash -c 'echo $((…))'
// with x=3 and y=4): precedence, every operator, 64-bit wraparound, bases, errors word for
// word, short-circuits, assignments and variables whose values are expressions.

import { describe, expect, it } from 'vitest';
import { ArithError } from '../../src/lang/arith/error.js';
import { evaluateArith } from '../../src/lang/arith/evaluate.js';
import { tokenize } from '../../src/lang/arith/lexer.js';

function env(initial: Record<string, string> = { x: '3', y: '4' }) {
  const vars = new Map(Object.entries(initial));
  return { vars, get: (n: string) => vars.get(n), set: (n: string, v: string) => void vars.set(n, v) };
}

function ev(src: string, initial?: Record<string, string>): string {
  return String(evaluateArith(src, env(initial)));
}

function error(src: string, initial?: Record<string, string>): string {
  try {
    evaluateArith(src, env(initial));
  } catch (e) {
    if (e instanceof ArithError) return e.message;
    throw e;
  }
  throw new Error(`expected an error for ${src}`);
}

describe('values', () => {
  it.each([
    ['', '0'], ['  ', '0'], ['42', '42'], ['010', '8'], ['0x1f', '31'], ['0XfF', '255'], ['0x', '0'],
    ['2#101', '5'], ['36#zZ', '1295'], ['37#z', '35'], ['64#@_', '4031'], ['10#09', '9'], ['0', '0'],
    ['9223372036854775807', '9223372036854775807'], ['9223372036854775808', '-9223372036854775808'],
    ['99999999999999999999', '7766279631452241919'], ['-9223372036854775808', '-9223372036854775808'],
  ])('%j is %s', (src, value) => {
    expect(ev(src)).toBe(value);
  });
});

describe('operators and precedence', () => {
  it.each([
    ['1+2*3', '7'], ['(1+2)*3', '9'], ['7/2', '3'], ['-7/2', '-3'], ['7%-3', '1'], ['-7%3', '-1'],
    ['3**2**2', '81'], ['-2**2', '4'], ['!2**2', '0'], ['~0', '-1'], ['!5', '0'], ['+-+3', '-3'],
    ['1<<3', '8'], ['-16>>2', '-4'], ['1<<64', '1'], ['1<<-1', '-9223372036854775808'],
    ['1<2', '1'], ['2<=2', '1'], ['1>2', '0'], ['2>=3', '0'], ['1==1', '1'], ['1!=1', '0'], ['1 < 2 == 1', '1'],
    ['5 & 3 ^ 6 | 8', '15'], ['6&3', '2'], ['6^3', '5'], ['6|3', '7'],
    ['1 && 0 || 1', '1'], ['2 && 3', '1'], ['0 || 0', '0'],
    ['1 ? 2 : 3', '2'], ['0 ? 2 : 3', '3'], ['1 ? 2 : 3 ? 4 : 5', '2'], ['0 ? 2 : 0 ? 4 : 5', '5'], ['1 ? 0, 7 : 9', '7'],
    ['1,2', '2'], ['1++2', '3'], ['1--1', '2'], ['++5', '5'], ['- -1', '1'],
    ['2**63', '-9223372036854775808'], ['2**64', '0'], ['3**40', '-6289078614652622815'],
    ['9223372036854775807+1', '-9223372036854775808'], ['-9223372036854775808-1', '9223372036854775807'],
    ['-9223372036854775808/-1', '-9223372036854775808'], ['-9223372036854775808%-1', '0'],
    ['-(-9223372036854775808)', '-9223372036854775808'], ['4611686018427387904*2', '-9223372036854775808'],
  ])('%s = %s', (src, value) => {
    expect(ev(src)).toBe(value);
  });
});

describe('variables', () => {
  it('reads unset and empty ones as 0 and evaluates values as expressions', () => {
    expect(ev('u + e + 1', { e: '' })).toBe('1');
    expect(ev('x * 2', { x: '1+2' })).toBe('6');
    expect(ev('x + 1', { x: '  5 ' })).toBe('6');
    expect(ev('x + 1', { x: 'y', y: 'z', z: '010' })).toBe('9');
    expect(ev('x + 1', { x: ' ' })).toBe('1');
  });

  it('assigns with = and every op=', () => {
    const e = env({ x: '7' });
    const results = ['x<<=1', 'x>>=2', 'x&=3', 'x|=8', 'x^=1', 'x%=4', 'x-=10', 'x/=2', 'x*=-3', 'x+=1'].map((s) =>
      String(evaluateArith(s, e)),
    );
    expect(results).toEqual(['14', '3', '3', '11', '10', '2', '-8', '-4', '12', '13']);
    expect(e.vars.get('x')).toBe('13');
    expect(String(evaluateArith('a=b=c=4', e))).toBe('4');
    expect([e.vars.get('a'), e.vars.get('b'), e.vars.get('c')]).toEqual(['4', '4', '4']);
  });

  it('increments and decrements before and after', () => {
    const e = env({ x: '3' });
    expect(['x++ + 1', 'x--', 'x', '--x', '++x', 'x'].map((s) => String(evaluateArith(s, e)))).toEqual(['4', '4', '3', '2', '3', '3']);
    expect(ev('x++ + ++x')).toBe('8');
    const f = env({ x: '1+1' });
    expect(String(evaluateArith('x++', f))).toBe('2');
    expect(f.vars.get('x')).toBe('3');
  });

  it('does not read a variable that is being assigned with =', () => {
    const e = env({ x: '1+' });
    expect(String(evaluateArith('x = 5', e))).toBe('5');
    expect(e.vars.get('x')).toBe('5');
  });

  it('has no effects on the side a short-circuit does not take', () => {
    const e = env({});
    for (const src of ['0 && (z=1)', '1 || (z=1)', '0 ? z=1 : 2', '1 ? 2 : (z=1)', '0 && z++', '1 || --z', '0 && (z+=1)', '0 && 1/0']) {
      evaluateArith(src, e);
    }
    expect(e.vars.has('z')).toBe(false);
  });

  it('keeps the effects made before a syntax error, as bash evaluates while it parses', () => {
    const e = env({});
    expect(() => evaluateArith('x=1, 1+', e)).toThrow(ArithError);
    expect(e.vars.get('x')).toBe('1');
  });
});

describe('errors, worded as bash words them', () => {
  it.each([
    ['1/0', '1/0: division by 0 (error token is "0")'],
    [' 1/0 ', '1/0 : division by 0 (error token is "0 ")'],
    ['1/0+3', '1/0+3: division by 0 (error token is "0+3")'],
    ['x/=0', 'x/=0: division by 0 (error token is "0")'],
    ['1 +', '1 +: syntax error: operand expected (error token is "+")'],
    ['1 +  ', '1 +  : syntax error: operand expected (error token is "+  ")'],
    ['2**-1', '2**-1: exponent less than 0 (error token is "1")'],
    ['0 && 2**-1', '0 && 2**-1: exponent less than 0 (error token is "1")'],
    ['x+y=3', 'x+y=3: attempted assignment to non-variable (error token is "=3")'],
    ['(x)=3', '(x)=3: attempted assignment to non-variable (error token is "=3")'],
    ['5=3', '5=3: attempted assignment to non-variable (error token is "=3")'],
    ['08', '08: value too great for base (error token is "08")'],
    ['12abc', '12abc: value too great for base (error token is "12abc")'],
    ['0x1G', '0x1G: value too great for base (error token is "0x1G")'],
    ['37#Z', '37#Z: value too great for base (error token is "37#Z")'],
    ['1#1', '1#1: invalid arithmetic base (error token is "1#1")'],
    ['65#1', '65#1: invalid arithmetic base (error token is "65#1")'],
    ['0#1', '0#1: invalid number (error token is "0#1")'],
    ['2#', '2#: invalid integer constant (error token is "2#")'],
    ['1 2', '1 2: syntax error in expression (error token is "2")'],
    ['a=', 'a=: syntax error: operand expected (error token is "=")'],
    ['++x++', '++x++: ++: assignment requires lvalue (error token is "++")'],
    ['--', '--: syntax error: operand expected (error token is "-")'],
    ['1?2', "1?2: `:' expected for conditional expression (error token is \"2\")"],
    ['1?:3', '1?:3: expression expected (error token is ":3")'],
    ['1?2:', '1?2:: expression expected (error token is ":")'],
    ['1 ? 2 : 3 : 4', '1 ? 2 : 3 : 4: syntax error in expression (error token is ": 4")'],
    ['1 @ 2', '1 @ 2: syntax error: invalid arithmetic operator (error token is "@ 2")'],
    ['@', '@: syntax error: operand expected (error token is "@")'],
    ['(1) @', '(1) @: syntax error: operand expected (error token is "@")'],
    ['1/0 @', '1/0 @: syntax error: invalid arithmetic operator (error token is "@")'],
    ["'1' ", "'1' : syntax error: operand expected (error token is \"'1' \")"],
    ['(1', "(1: missing `)' (error token is \"1\")"],
    ['((1)', "((1): missing `)' (error token is \")\")"],
    ['1)', '1): syntax error in expression (error token is ")")'],
    [')', '): syntax error: operand expected (error token is ")")'],
  ])('%j', (src, message) => {
    expect(error(src)).toBe(message);
  });

  it('reports an error inside a variable with that variable\'s expression', () => {
    expect(error('x', { x: '1+' })).toBe('1+: syntax error: operand expected (error token is "+")');
    expect(error('x+1', { x: '3 4' })).toBe('3 4: syntax error in expression (error token is "4")');
  });

  it('fails a bad token after a name before reading the name', () => {
    expect(error('x @', { x: '1/0' })).toBe('x @: syntax error: invalid arithmetic operator (error token is "@")');
  });

  it('limits the recursion of variable values', () => {
    expect(error('x', { x: 'x' })).toBe('x: expression recursion level exceeded (error token is "x")');
    expect(error('x', { x: 'y', y: 'x' })).toBe('y: expression recursion level exceeded (error token is "y")');
  });
});

describe('lexer', () => {
  it('reads ++ and -- by context', () => {
    const types = (src: string) => tokenize(src).map((t) => t.type);
    expect(types('x++')).toEqual(['STR', 'POSTINC', 'EOF']);
    expect(types('++ x')).toEqual(['PREINC', 'STR', 'EOF']);
    expect(types('1--1')).toEqual(['NUM', '-', '-', 'NUM', 'EOF']);
    expect(types('a<<=b>>=c**d')).toEqual(['STR', '<<=', 'STR', '>>=', 'STR', '**', 'STR', 'EOF']);
  });
});
