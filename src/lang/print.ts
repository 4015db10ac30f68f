// Commands printed as bash 5.2 prints them (print_cmd.c, make_command_string): what `jobs`
// shows for a job and `type` for a function. bash reprints from its parse tree, not from the
// text typed: one space between words, `( a; b )`, loops and ifs over several lines indented by
// four, and inside a function body one command a line. Pure: no I/O.
//
// bash's printer is a walk with a little state (the indentation, whether the next command's
// indentation is skipped, whether it is inside a function, here-document bodies waiting for
// the connector after their command); Printer keeps the same state so that the corner cases
// (here-documents inside pipelines and lists, `&` before `;`) come out as bash's do.

import type { AndOr, Command, CompoundBody, CompoundCommand, FunctionDefinition, List, Pipeline, Redirect, Word } from './ast.js';
import { heredocBody, heredocHeader, isHeredoc, redirectionText } from './print-redirect.js';
import { andOrNode, commandNode, listNode, pipelineNode, type Connector, type Node } from './print-tree.js';
import { condText } from './print-cond.js';
import { wordText } from './print-word.js';

const INDENT = 4;

type IfClause = (CompoundBody & { kind: 'if' })['clauses'][number];

/** What `jobs` shows for a job that is this one command (a stage of a pipeline, or all of it). */
export function printCommand(cmd: Command): string {
  return new Printer().print(commandNode(cmd, false));
}

/** The list on one line as bash prints it (`a; b & c`), compound commands in their own layout. */
export function printList(list: List): string {
  const node = listNode(list);
  return node ? new Printer().print(node) : '';
}

export function printAndOr(item: AndOr): string {
  return new Printer().print(andOrNode(item));
}

export function printPipeline(p: Pipeline): string {
  return new Printer().print(pipelineNode(p));
}

/**
 * The command text `jobs` shows for the job an and-or list starts (without the ` &` it adds
 * for a running background job). bash keeps one text per process: an and-or list with `&&` or
 * `||` is one process and prints whole; a pipeline is one process per stage, joined by ` | `,
 * and its `!` is not shown.
 */
export function printJob(item: AndOr): string {
  if (item.rest.length > 0) return printAndOr(item);
  return item.first.commands.map(printCommand).join(' | ');
}

/** What `type NAME` prints after `NAME is a function` (bash's named_function_string). */
export function printFunction(def: FunctionDefinition): string {
  return new Printer().printFunction(def);
}

class Printer {
  private out = '';
  private indentation = 0;
  /** How many of the next commands start where the text is, not on a fresh indentation. */
  private skipIndent = 0;
  private insideFunction = 0;
  /** Depth of connections being printed: inside one, here-document bodies wait for the connector. */
  private inConnection = 0;
  private deferred: readonly Redirect[] | null = null;
  /** The last thing printed was a here-document body (its newline stands for a `;`). */
  private wasHeredoc = false;

  print(node: Node | null): string {
    this.node(node);
    return this.out;
  }

  printFunction(def: FunctionDefinition): string {
    this.emit(`${RESERVED.has(def.name) ? 'function ' : ''}${def.name} () \n`);
    this.indentation += INDENT;
    this.insideFunction++;
    this.emit('{ \n');
    const redirects = this.functionBody(def.body);
    this.indentation -= INDENT;
    this.insideFunction--;
    this.closeFunction(redirects);
    return this.out;
  }

  private emit(s: string): void {
    this.out += s;
  }

  private indent(n: number): void {
    this.out += ' '.repeat(n);
  }

  private newline(s: string): void {
    this.emit('\n');
    this.indent(this.indentation);
    this.emit(s);
  }

  /** A `;` unless the text already ends a command (`&` or a newline). */
  private semicolon(): void {
    const last = this.out[this.out.length - 1];
    if (last === '&' || last === '\n') return;
    this.emit(';');
  }

  private node(node: Node | null): void {
    if (node === null) return;
    if (this.skipIndent > 0) this.skipIndent--;
    else this.indent(this.indentation);
    if (node.bang) this.emit('! ');
    if (node.kind === 'connection') this.connection(node);
    else this.command(node.command);
  }

  private connection(c: Node & { kind: 'connection' }): void {
    this.skipIndent++;
    this.inConnection++;
    this.node(c.first);
    this.connector(c.connector, c.second !== null);
    this.node(c.second);
    this.flushHeredocs('');
    this.inConnection--;
  }

  private connector(connector: Connector, hasSecond: boolean): void {
    switch (connector) {
      case '&':
      case '|':
        this.printDeferred(` ${connector}`);
        if (connector === '|' || hasSecond) {
          this.emit(' ');
          this.skipIndent++;
        }
        return;
      case '&&':
      case '||':
        this.printDeferred(` ${connector} `);
        if (hasSecond) this.skipIndent++;
        return;
      case ';':
        if (this.deferred === null) {
          if (!this.wasHeredoc) this.emit(';');
          else this.wasHeredoc = false;
        } else this.printDeferred(this.insideFunction ? '' : ';');
        if (this.insideFunction) this.emit('\n');
        else {
          this.emit(' ');
          if (hasSecond) this.skipIndent++;
        }
    }
  }

  private command(cmd: Command): void {
    switch (cmd.kind) {
      case 'simple': {
        const words = [...cmd.assignments.map((a) => `${a.name}=${wordText(a.value)}`), ...cmd.words.map(wordText)];
        this.emit(words.join(' '));
        if (cmd.redirects.length > 0) {
          if (words.length > 0) this.emit(' ');
          this.redirects(cmd.redirects);
        }
        return;
      }
      case 'compound':
        this.compound(cmd.body);
        if (cmd.redirects.length > 0) {
          this.emit(' ');
          this.redirects(cmd.redirects);
        }
        return;
      case 'function':
        this.functionDefinition(cmd);
    }
  }

  private compound(body: CompoundBody): void {
    switch (body.kind) {
      case 'subshell':
        this.emit('( ');
        this.skipIndent++;
        this.node(listNode(body.list));
        this.flushHeredocs('');
        this.emit(' )');
        return;
      case 'group':
        return this.group(body.list);
      case 'if':
        return this.ifClauses(body.clauses, body.otherwise);
      case 'while':
      case 'until':
        return this.loop(body.kind, body.condition, body.body);
      case 'for':
        return this.forLoop(`${body.name} in ${body.words ? body.words.map(wordText).join(' ') : '"$@"'};`, body.body);
      case 'arith-for':
        // bash puts no `;` after an arithmetic head
        return this.forLoop(`((${[body.init, body.test, body.step].map(forClause).join('; ')}))`, body.body);
      case 'case':
        return this.caseCommand(body);
      case 'arith':
        return this.emit(`((${body.expression.source}))`);
      case 'cond':
        return this.emit(`[[ ${condText(body.expression)} ]]`);
    }
  }

  private group(list: List): void {
    this.emit('{ ');
    // inside a function a group takes several lines, at the current indentation
    if (this.insideFunction) {
      this.emit('\n');
      this.indentation += INDENT;
    } else this.skipIndent++;
    this.node(listNode(list));
    this.flushHeredocs('');
    if (this.insideFunction) {
      this.emit('\n');
      this.indentation -= INDENT;
      this.indent(this.indentation);
    } else {
      this.semicolon();
      this.emit(' ');
    }
    this.emit('}');
  }

  /** bash keeps `elif` as an `if` inside the `else`, and prints it so. */
  private ifClauses(clauses: readonly IfClause[], otherwise: List | null): void {
    const [clause, ...more] = clauses;
    this.emit('if ');
    this.skipIndent++;
    this.node(listNode(clause!.condition));
    this.semicolon();
    this.emit(' then\n');
    this.indented(clause!.body);
    if (more.length > 0 || otherwise) {
      this.semicolon();
      this.newline('else\n');
      this.indentation += INDENT;
      if (more.length > 0) {
        this.indent(this.indentation);
        this.ifClauses(more, otherwise);
      } else this.node(listNode(otherwise!));
      this.flushHeredocs('');
      this.indentation -= INDENT;
    }
    this.semicolon();
    this.newline('fi');
  }

  /** A body one level in, its here-documents printed before the level ends. */
  private indented(list: List): void {
    this.indentation += INDENT;
    this.node(listNode(list));
    this.flushHeredocs('');
    this.indentation -= INDENT;
  }

  private loop(which: 'while' | 'until', condition: List, body: List): void {
    this.emit(`${which} `);
    this.skipIndent++;
    this.node(listNode(condition));
    this.flushHeredocs('');
    this.semicolon();
    this.emit(' do\n');
    this.indented(body);
    this.semicolon();
    this.newline('done');
  }

  private forLoop(head: string, body: List): void {
    this.emit(`for ${head}`);
    this.newline('do\n');
    this.indentation += INDENT;
    this.node(listNode(body));
    this.flushHeredocs('');
    this.semicolon();
    this.indentation -= INDENT;
    this.newline('done');
  }

  private caseCommand(body: CompoundBody & { kind: 'case' }): void {
    this.emit(`case ${wordText(body.subject)} in `);
    this.indentation += INDENT;
    for (const item of body.items) {
      this.newline('');
      this.emit(`${item.patterns.map(wordText).join(' | ')})\n`);
      this.indentation += INDENT;
      this.node(listNode(item.body));
      this.indentation -= INDENT;
      this.flushHeredocs('');
      this.newline(item.terminator);
    }
    this.indentation -= INDENT;
    this.newline('esac');
  }

  /** A function defined inside what is printed (bash's print_function_def, not in POSIX mode). */
  private functionDefinition(def: FunctionDefinition): void {
    this.emit(`function ${def.name} () \n`);
    this.indent(this.indentation);
    this.emit('{ \n');
    this.insideFunction++;
    this.indentation += INDENT;
    const redirects = this.functionBody(def.body);
    this.indentation -= INDENT;
    this.insideFunction--;
    this.closeFunction(redirects);
  }

  /** Prints a function's body; returns the redirections of a `{ }` body, which go after the `}`. */
  private functionBody(body: CompoundCommand): readonly Redirect[] {
    if (body.body.kind === 'group') this.node(listNode(body.body.list));
    else this.node(commandNode(body, false));
    this.flushHeredocs('');
    return body.body.kind === 'group' ? body.redirects : [];
  }

  private closeFunction(redirects: readonly Redirect[]): void {
    if (redirects.length === 0) return this.newline('}');
    this.newline('} ');
    this.redirects(redirects);
  }

  /**
   * On one line, here-documents by their headers; the bodies follow at once, or, inside a
   * connection, after its connector (`cat <<EOF |` newline body, then the next stage).
   */
  private redirects(rs: readonly Redirect[]): void {
    const heredocs: Redirect[] = [];
    this.wasHeredoc = false;
    rs.forEach((r, i) => {
      if (isHeredoc(r)) {
        this.emit(heredocHeader(r));
        heredocs.push(r);
      } else this.emit(redirectionText(r));
      if (i < rs.length - 1) this.emit(' ');
    });
    if (heredocs.length === 0) return;
    if (this.inConnection > 0) this.deferred = heredocs;
    else this.heredocBodies(heredocs);
  }

  private heredocBodies(heredocs: readonly Redirect[]): void {
    this.emit('\n');
    for (const r of heredocs) this.emit(`${heredocBody(r)}\n`);
    this.wasHeredoc = true;
  }

  private flushHeredocs(connector: string): void {
    if (this.deferred) this.printDeferred(connector);
  }

  /** The connector (a lone `;` is left out: the body's last newline ends the command), then the waiting bodies. */
  private printDeferred(connector: string): void {
    const shown = connector !== '' && connector !== ';';
    if (shown) this.emit(connector);
    if (this.deferred) {
      this.heredocBodies(this.deferred);
      if (shown) this.emit(' ');
      this.wasHeredoc = true;
    }
    this.deferred = null;
  }
}

/** bash's reserved words: a function so named is printed `function NAME () `. */
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in',
  'function', 'time', '{', '}', '!', '[[', ']]', 'coproc',
]);

/** A clause of `for ((…))` as bash keeps it: leading blanks dropped, an empty one is `1`. */
function forClause(w: Word): string {
  return w.source.replace(/^\s+/, '') || '1';
}
