// while, until and for (XCU 2.9.4.3-2.9.4.5). Each iteration's body runs in the shell itself;
// `break n` and `continue n` arrive as LoopControl and are counted down one loop at a time.
// A job stopped by ^Z inside the body does not end the loop: as in bash, its status (148)
// is the body's, and the loop goes on.

import type { List, Word } from '../lang/ast.js';
import { expandWords } from '../lang/expand.js';
import { isPromise, lastly, repeat, andThen, type Maybe } from '../lang/maybe.js';
import { expansionContext } from './expansion.js';
import { LoopControl } from './flow.js';
import { breathe } from './interrupt.js';
import { testList } from './testing.js';
import type { Shell } from './shell.js';

/** Iterations run without a turn of the event loop: a few ms of builtins, at most. */
const TURNS_BETWEEN_BREATHS = 1000;

export type ListRunner = (shell: Shell, list: List) => Maybe<number>;

/** What a loop does after its body threw: go on, or stop with this outcome. */
function caught(e: unknown): Outcome {
  if (!(e instanceof LoopControl)) throw e;
  if (e.levels > 1) return new LoopControl(e.kind, e.levels - 1);
  return e.kind === 'continue' ? 'next' : 'stop';
}

type Outcome = 'next' | 'stop' | LoopControl;

export function runWhile(shell: Shell, until: boolean, condition: List, body: List, run: ListRunner): Maybe<number> {
  return loop(shell, () => holds(shell, until, condition, run), body, run);
}

/** Whether a while (or until) loop goes on: its condition's status, `set -e` aside. */
function holds(shell: Shell, until: boolean, condition: List, run: ListRunner): Maybe<boolean> {
  const status = testList(shell, condition, run);
  return isPromise(status) ? status.then((s) => (s === 0) !== until) : (status === 0) !== until;
}

/** `for name [in words]`: without `in`, the positional parameters. */
export function runFor(shell: Shell, name: string, words: readonly Word[] | null, body: List, run: ListRunner): Maybe<number> {
  const values = words === null ? [...shell.positional] : expandWords(words, expansionContext(shell, run));
  return andThen(values, (list) => {
    if (list.length > 0 && shell.vars.isReadonly(name)) return readonlyLoop(shell, name);
    let i = 0;
    return loop(shell, () => {
      if (i >= list.length) return false;
      shell.vars.set(name, list[i++]!);
      return true;
    }, body, run);
  });
}

/** `for` over a readonly name: as in bash, the loop does not start. */
async function readonlyLoop(shell: Shell, name: string): Promise<number> {
  await shell.diag(`${name}: readonly variable`);
  shell.lastStatus = 1;
  return 1;
}

/**
 * Runs `body` while `more` says so, one loop level deeper. A `break` or `continue` in `more`
 * (a while condition may run one) counts as in the body. The status is the last body's, or 0.
 */
export function loop(shell: Shell, more: () => Maybe<boolean>, body: List, run: ListRunner): Maybe<number> {
  const state = new Loop(shell, more, body, run);
  shell.loopDepth++;
  const ran = lastly(() => repeat(state.turn), () => {
    shell.loopDepth--;
  });
  return andThen(ran, () => {
    shell.lastStatus = state.status;
    return state.status;
  });
}

/** One loop's turns. A class, so that a turn that waits for nothing makes no closures. */
class Loop {
  status = 0;
  private turns = 0;

  constructor(
    private readonly shell: Shell,
    private readonly more: () => Maybe<boolean>,
    private readonly body: List,
    private readonly run: ListRunner,
  ) {}

  /** Now and then the event loop must turn, or ^C could never stop `while :; do :; done`. */
  readonly turn = (): Maybe<boolean> => (++this.turns % TURNS_BETWEEN_BREATHS === 0 ? breathe(this.shell).then(() => this.once()) : this.once());

  /** One turn: the condition, then the body; false once the loop is over. */
  private once(): Maybe<boolean> {
    let tested: Maybe<Outcome>;
    try {
      const go = this.more();
      tested = isPromise(go) ? go.then(outcomeOf, caught) : outcomeOf(go);
    } catch (e) {
      tested = caught(e);
    }
    return isPromise(tested) ? tested.then((t) => this.tested(t)) : this.tested(tested);
  }

  private tested(outcome: Outcome): Maybe<boolean> {
    if (outcome !== 'next') return finish(outcome);
    let ran: Maybe<Outcome>;
    try {
      const status = this.run(this.shell, this.body);
      ran = isPromise(status) ? status.then(next, caught) : 'next';
    } catch (e) {
      ran = caught(e);
    }
    return isPromise(ran) ? ran.then((r) => this.ran(r)) : this.ran(ran);
  }

  private ran(outcome: Outcome): boolean {
    this.status = this.shell.lastStatus;
    return finish(outcome);
  }
}

function outcomeOf(go: boolean): Outcome {
  return go ? 'next' : 'stop';
}

function next(): Outcome {
  return 'next';
}

/** Whether the loop goes on after this outcome; a control meant for an outer loop is passed on. */
function finish(outcome: Outcome): boolean {
  if (outcome === 'next') return true;
  if (outcome === 'stop') return false;
  throw outcome;
}
