// bash's conditional command `[[ expression ]]` (parse.y: parse_cond_command, cond_or,
// cond_and, cond_term), parsed after its `[[`:
//
//   expr = and { "||" and }        and  = term { "&&" term }
//   term = "(" expr ")" | "!" term | unary-op word | word [ binary-op word ]
//
// Newlines may come before a term and after one. `<` and `>` are operators here, not
// redirections, and the right side of `=~` is read as a regular expression word (`|` and
// parentheses are part of it). The errors are bash's; unlike other syntax errors, a script
// does not show the line with them, as bash does not.

import { SyntaxError, type CompoundBody, type CondExpr, type Word } from './ast.js';
import { unexpectedToken } from './errors.js';
import type { Parser } from './parser.js';
import { isOp, plainText } from './reserved.js';
import type { Token } from './tokens.js';
import { isBinary, isUnary } from './test-ops.js';

export function condBody(p: Parser): CompoundBody {
  p.condLexing(true);
  try {
    const expression = condOr(p);
    const t = p.peek();
    if (!isCondEnd(t)) {
      if (t.kind === 'eof') throw eofInCond(p, t);
      const token = t.kind === 'word' ? '' : `: unexpected token \`${p.tokenText(t)}'`;
      throw condError(p, t, `syntax error in conditional expression${token}`);
    }
    p.take();
    return { kind: 'cond', expression };
  } finally {
    p.condLexing(false);
  }
}

function condOr(p: Parser): CondExpr {
  const left = condAnd(p);
  if (!isOp(p.peek(), '||')) return left;
  p.take();
  return { kind: 'or', left, right: condOr(p) };
}

function condAnd(p: Parser): CondExpr {
  const left = condTerm(p);
  if (!isOp(p.peek(), '&&')) return left;
  p.take();
  return { kind: 'and', left, right: condAnd(p) };
}

function condTerm(p: Parser): CondExpr {
  p.skipNewlines();
  const t = p.peek();
  const text = plainText(t);
  if (t.kind === 'eof') throw eofInCond(p, t);
  // bash fails here without a word of why; say which token it was
  if (text === ']]') throw unexpectedToken(']]', p.at(t));
  if (isOp(t, '(')) return group(p);
  if (text === '!') {
    p.take();
    return { kind: 'not', expr: condTerm(p) };
  }
  if (text !== null && isUnary(text)) {
    p.take();
    const arg = operand(p, p.peek(), 'unary');
    return after(p, { kind: 'unary', op: text, arg });
  }
  if (t.kind === 'word') return comparison(p);
  throw condError(p, t, `unexpected token \`${p.tokenText(t)}' in conditional command`);
}

function group(p: Parser): CondExpr {
  p.take();
  const expr = condOr(p);
  const t = p.peek();
  if (t.kind === 'eof') throw eofInCond(p, t);
  if (!isOp(t, ')')) throw condError(p, t, `unexpected token \`${p.tokenText(t)}', expected \`)'`);
  p.take();
  return after(p, { kind: 'group', expr });
}

/** `word`, `word op word`: a lone word is `-n word`. */
function comparison(p: Parser): CondExpr {
  const left = p.word(p.take() as Token & { kind: 'word' });
  const t = p.peek();
  const op = binaryOperator(t);
  if (op === null) {
    if (isCondEnd(t) || isOp(t, '&&') || isOp(t, '||') || isOp(t, ')')) return { kind: 'unary', op: '-n', arg: left };
    if (t.kind === 'eof') throw eofInCond(p, t);
    if (t.kind === 'word') throw condError(p, t, 'conditional binary operator expected');
    throw condError(p, t, `unexpected token \`${p.tokenText(t)}', conditional binary operator expected`);
  }
  p.take();
  const right = operand(p, op === '=~' ? p.regexWord() : p.peek(), 'binary');
  return after(p, { kind: 'binary', op, left, right });
}

function binaryOperator(t: Token): string | null {
  if (t.kind === 'redirect' && t.fd === null && (t.op === '<' || t.op === '>')) return t.op;
  const text = plainText(t);
  return text !== null && (isBinary(text) || text === '=~') ? text : null;
}

/** The word after an operator; `]]` or an operator there is an error. */
function operand(p: Parser, t: Token, which: 'unary' | 'binary'): Word {
  if (t.kind === 'eof') throw eofInCond(p, t);
  if (t.kind !== 'word' || isCondEnd(t)) {
    throw condError(p, t, `unexpected argument \`${p.tokenText(t)}' to conditional ${which} operator`);
  }
  return p.word(p.take() as Token & { kind: 'word' });
}

function after(p: Parser, expr: CondExpr): CondExpr {
  p.skipNewlines();
  return expr;
}

function isCondEnd(t: Token): boolean {
  return plainText(t) === ']]';
}

function condError(p: Parser, t: Token, message: string): SyntaxError {
  return new SyntaxError(message, p.at(t), false, false);
}

/** More lines may finish it: the prompt asks for them. */
function eofInCond(p: Parser, t: Token): SyntaxError {
  return new SyntaxError("unexpected EOF while looking for `]]'", p.at(t), true);
}
