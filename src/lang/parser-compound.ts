// The compound commands of XCU 2.9.4 and function definitions (2.9.5). Each function starts
// at the command's first token and leaves the parser after its closing word; the caller
// (Parser.parseCompound) reads the redirections after it and cuts the source text.

import type { CaseItem, CompoundBody, FunctionDefinition, List, Word } from './ast.js';
import { SyntaxError } from './ast.js';
import { isName } from './chars.js';
import { unexpectedToken } from './errors.js';
import type { Parser } from './parser.js';
import { condBody } from './parser-cond.js';
import { functionName, isOp, reservedWord, spanStart } from './reserved.js';
import type { ArithToken, Token } from './tokens.js';

const set = (...words: string[]): ReadonlySet<string> => new Set(words);
const THEN = set('then');
const IF_BODY = set('elif', 'else', 'fi');
const FI = set('fi');
const DO = set('do');
const DONE = set('done');
const BRACE = set('}');
const PAREN = set(')');
const CASE_BODY = set(';;', ';&', ';;&', 'esac');
const COMPOUND = set('{', '[[', 'if', 'while', 'until', 'for', 'case');

export function isCompoundStart(t: Token): boolean {
  const word = reservedWord(t);
  return isOp(t, '(') || t.kind === 'arith' || (word !== null && COMPOUND.has(word));
}

export function compoundBody(p: Parser, t: Token): CompoundBody {
  p.take();
  if (isOp(t, '(')) return { kind: 'subshell', list: closed(p, PAREN, ')') };
  if (t.kind === 'arith') return { kind: 'arith', expression: t.expression };
  switch (reservedWord(t)) {
    case '{':
      return { kind: 'group', list: closed(p, BRACE, '}') };
    case 'if':
      return ifBody(p);
    case 'while':
    case 'until':
      return loopBody(p, reservedWord(t) as 'while' | 'until');
    case 'for':
      return forBody(p);
    case '[[':
      return condBody(p);
    default:
      return caseBody(p);
  }
}

/**
 * A compound list (at least one command: `if then` or `{ }` is an error at the closer, as in
 * bash) ended by one of `ends`, which is left unread.
 */
function compoundList(p: Parser, ends: ReadonlySet<string>): List {
  const list = p.parseList(ends);
  if (list.items.length === 0) throw p.unexpected(p.peek());
  return list;
}

/** A compound list and its closer, a reserved word or `)`. */
function closed(p: Parser, ends: ReadonlySet<string>, closer: string): List {
  const list = compoundList(p, ends);
  if (closer === ')') p.expectOp(')');
  else p.expectReserved(closer);
  return list;
}

function ifBody(p: Parser): CompoundBody {
  const clauses: { condition: List; body: List }[] = [];
  for (;;) {
    const condition = closed(p, THEN, 'then');
    const body = compoundList(p, IF_BODY);
    clauses.push({ condition, body });
    const word = reservedWord(p.peek());
    p.take();
    if (word === 'fi') return { kind: 'if', clauses, otherwise: null };
    if (word === 'else') return { kind: 'if', clauses, otherwise: closed(p, FI, 'fi') };
  }
}

function loopBody(p: Parser, kind: 'while' | 'until'): CompoundBody {
  const condition = closed(p, DO, 'do');
  return { kind, condition, body: closed(p, DONE, 'done') };
}

/** `for name [in words] (; | newline) do list done`, with the newlines POSIX allows. */
function forBody(p: Parser): CompoundBody {
  const head = p.peek();
  if (head.kind === 'arith') return arithForBody(p, head);
  const name = loopName(p);
  let words: Word[] | null = null;
  if (isOp(p.peek(), ';')) {
    p.take();
  } else {
    p.skipNewlines();
    if (reservedWord(p.peek()) === 'in') {
      p.take();
      words = forWords(p);
    }
  }
  p.skipNewlines();
  p.expectReserved('do');
  return { kind: 'for', name, words, body: closed(p, DONE, 'done') };
}

/** bash's `for ((init; test; step))` then `[;] do list done` or `{ list }`. */
function arithForBody(p: Parser, head: ArithToken): CompoundBody {
  if (head.forClauses === null) throw p.unexpected(head);
  p.take();
  const [init, test, step] = head.forClauses;
  if (isOp(p.peek(), ';')) p.take();
  p.skipNewlines();
  if (reservedWord(p.peek()) === '{') {
    p.take();
    return { kind: 'arith-for', init, test, step, body: closed(p, BRACE, '}') };
  }
  p.expectReserved('do');
  return { kind: 'arith-for', init, test, step, body: closed(p, DONE, 'done') };
}

function loopName(p: Parser): string {
  const t = p.peek();
  if (t.kind !== 'word') throw p.unexpected(t);
  p.take();
  const name = p.word(t).source;
  // bash reports it when the loop runs; it can never run, so it is reported here
  if (!isName(name)) throw new SyntaxError(`\`${name.replace(/\n/g, '\\n')}': not a valid identifier`, p.at(t), false);
  return name;
}

/** The words after `in`, up to `;` or a newline (which is consumed). */
function forWords(p: Parser): Word[] {
  const words: Word[] = [];
  for (let t = p.peek(); t.kind === 'word'; t = p.peek()) {
    p.take();
    words.push(p.word(t));
  }
  const t = p.peek();
  if (!isOp(t, ';') && !isOp(t, '\n')) throw p.unexpected(t);
  p.take();
  return words;
}

/** `case word in [(]pat[|pat]...) list ;; ... esac`. */
function caseBody(p: Parser): CompoundBody {
  const t = p.peek();
  if (t.kind !== 'word') throw p.unexpected(t);
  p.take();
  const subject = p.word(t);
  p.skipNewlines();
  p.expectReserved('in');
  const items: CaseItem[] = [];
  for (;;) {
    p.skipNewlines();
    // an unquoted `esac` where a pattern would start ends the case (`(esac)` is a pattern)
    if (reservedWord(p.peek()) === 'esac') break;
    const item = caseItem(p);
    items.push(item.item);
    if (!item.terminated) break;
  }
  p.expectReserved('esac');
  return { kind: 'case', subject, items };
}

function caseItem(p: Parser): { item: CaseItem; terminated: boolean } {
  const pos = p.at(p.peek());
  if (isOp(p.peek(), '(')) p.take();
  const patterns = [patternWord(p)];
  while (isOp(p.peek(), '|')) {
    p.take();
    patterns.push(patternWord(p));
  }
  p.expectOp(')');
  const body = p.parseList(CASE_BODY);
  const t = p.peek();
  if (t.kind !== 'op' || !CASE_BODY.has(t.op)) return { item: { patterns, body, terminator: ';;', pos }, terminated: false };
  p.take();
  return { item: { patterns, body, terminator: t.op as CaseItem['terminator'], pos }, terminated: true };
}

function patternWord(p: Parser): Word {
  const t = p.peek();
  if (t.kind !== 'word') throw p.unexpected(t);
  p.take();
  return p.word(t);
}

/** `name() compound [redirections]`, or bash's `function name [()] compound [redirections]`. */
export function functionDefinition(p: Parser): FunctionDefinition {
  const first = p.peek();
  const start = spanStart(first);
  if (reservedWord(first) === 'function') p.take();
  const t = p.peek();
  const name = functionName(t);
  if (name === null) throw p.unexpected(t);
  p.take();
  if (reservedWord(first) !== 'function' || isOp(p.peek(), '(')) {
    p.expectOp('(');
    // bash wants the `)` on the same line: `f (` then the end is an error, not PS2
    if (p.peek().kind === 'eof') throw unexpectedToken('newline', p.at(p.peek()));
    p.expectOp(')');
  }
  p.skipNewlines();
  const next = p.peekCommand();
  if (!isCompoundStart(next)) throw p.unexpected(next);
  const body = p.parseCompound();
  return { kind: 'function', name, body, source: p.src.slice(start, p.lastEnd), pos: p.at(first) };
}
