// The compound commands of the simulated sh: ( list ) in a forked child, { list; }, if, case,
// while, until and for in the shell itself, with their redirections around them, break/continue
// unwinding loops as dash does.

import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { expandString, expandWord, paramValue, type Params } from './sh-expand.js';
import type { Word } from './sh-lex.js';
import type { Compound, List } from './sh-parse.js';
import { redirect, restore } from './sh-redir.js';
import type { ShellState } from './sh-state.js';

/** What compound commands need of the executor. */
export interface Runner {
  list(items: List): Code<number>;
  expand<T>(f: () => T): Code<T | null>;
  waitFor(pid: number): Code<number>;
  child(sh: ShellState): Runner;
  finish(status: number): Code<number>;
}

/** A case pattern as a regular expression: * ? [...] from unquoted parts, quoted parts literal. */
function patternRegex(word: Word, p: Params): RegExp {
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  let source = '';
  for (const part of word) {
    if (part.kind !== 'text' || part.quoted) {
      source += literal(part.kind === 'text' ? part.text : part.kind === 'param' ? paramValue(part.name, p) : expandString([part], p));
      continue;
    }
    for (let i = 0; i < part.text.length; i++) {
      const ch = part.text[i]!;
      const close = ch === '[' ? part.text.indexOf(']', i + 2) : -1;
      if (ch === '*') source += '.*';
      else if (ch === '?') source += '.';
      else if (close > 0) {
        const inner = part.text.slice(i + 1, close);
        source += `[${inner.startsWith('!') ? `^${inner.slice(1)}` : inner}]`;
        i = close;
      } else source += literal(ch);
    }
  }
  return new RegExp(`^${source}$`, 's');
}

/** After a loop body: true when the loop must end (break, exit, or a continue for an outer loop). */
function endsLoop(sh: ShellState): boolean {
  if (sh.exiting !== null || sh.returning !== null) return true;
  const loop = sh.loop;
  if (loop === null) return false;
  loop.levels--;
  if (loop.levels > 0) return true;
  sh.loop = null;
  return loop.kind === 'break';
}

function* body(run: Runner, sh: ShellState, cmd: Compound): Code<number> {
  switch (cmd.kind) {
    case 'subshell':
    case 'group':
      return yield* run.list(cmd.body);
    case 'if': {
      for (const clause of cmd.clauses) {
        const cond = yield* run.list(clause.cond);
        if (sh.exiting !== null || sh.loop !== null) return cond;
        if (cond === 0) return yield* run.list(clause.body);
      }
      return cmd.otherwise ? yield* run.list(cmd.otherwise) : 0;
    }
    case 'loop': {
      let status = 0;
      sh.loopDepth++;
      for (;;) {
        const cond = yield* run.list(cmd.cond);
        if (sh.exiting !== null || sh.loop !== null || (cond === 0) === cmd.until) break;
        status = yield* run.list(cmd.body);
        if (endsLoop(sh)) break;
      }
      sh.loopDepth--;
      return status;
    }
    case 'case': {
      const subject = yield* run.expand(() => expandString(cmd.word, sh));
      if (subject === null) return 2;
      for (const item of cmd.items) {
        const patterns = yield* run.expand(() => item.patterns.map((p) => patternRegex(p, sh)));
        if (patterns === null) return 2;
        if (patterns.some((re) => re.test(subject))) return yield* run.list(item.body);
      }
      return 0;
    }
    case 'for': {
      const words = cmd.words === null ? [...sh.args] : yield* run.expand(() => cmd.words!.flatMap((w) => expandWord(w, sh)));
      if (words === null) return 2;
      let status = 0;
      sh.loopDepth++;
      for (const w of words) {
        sh.vars.set(cmd.name, w);
        status = yield* run.list(cmd.body);
        if (endsLoop(sh)) break;
      }
      sh.loopDepth--;
      return status;
    }
  }
}

/** A compound command; a subshell forks unless this process is already the child (`inChild`). */
export function* compound(run: Runner, sh: ShellState, cmd: Compound, inChild: boolean): Code<number> {
  if (cmd.kind === 'subshell' && !inChild) {
    const pid = yield* sys.fork(function* () {
      const child = yield* sh.forChild();
      if ((yield* redirect(child, cmd.redirs, false)) === null) return 2;
      const sub = run.child(child);
      return yield* sub.finish(yield* sub.list(cmd.body));
    });
    if (pid instanceof sys.SysError) {
      yield* sh.warn('Cannot fork');
      return 2;
    }
    return yield* run.waitFor(pid);
  }
  const undo = yield* redirect(sh, cmd.redirs, true);
  if (undo === null) return 2;
  const status = yield* body(run, sh, cmd);
  yield* restore(undo);
  return status;
}
