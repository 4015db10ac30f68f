// Steps that wait for something to hold: output, prompt, terminal owner, process states,
// terminal modes, the shell's exit. Each fails with a report, after the step's timeout.

import { describeExit } from '../errors.js';
import { escapeShort } from '../escape.js';
import { describePattern, findMatch } from '../match.js';
import { isAlive } from '../procsource.js';
import { SimView } from '../simview.js';
import type { PtySession } from '../session.js';
import type { ProcessInfo } from '../types.js';
import { runningJob, shellIdle, shellPgid } from './ready.js';
import { StepFailure, type ScriptContext } from './script-context.js';
import type { ProcessState, StepAction } from './script-steps.js';

type CheckAction = Exclude<StepAction, { kind: 'send' | 'type' | 'paste' | 'press' | 'signal' | 'resize' | 'sleep' | 'timeout' | 'show' }>;

const MODES_POLL_MS = 50;

function hasState(p: ProcessInfo, wanted: ProcessState): boolean {
  if (wanted === 'running') return isAlive(p) && p.state !== 'T' && p.state !== 't';
  if (wanted === 'stopped') return p.state === 'T';
  return p.state === wanted;
}

/** Every process called `comm` (other than the shell) is in `wanted`; `gone`: none is alive. */
function statesHold(s: PtySession, comm: string, wanted: ProcessState): boolean {
  const named = s.processes().filter((p) => p.comm === comm && p.pid !== s.view.shellPid);
  if (wanted === 'gone') return !named.some(isAlive);
  const considered = wanted === 'Z' ? named : named.filter(isAlive);
  return considered.length > 0 && considered.every((p) => hasState(p, wanted));
}

async function notOnStream(ctx: ScriptContext, action: Extract<CheckAction, { kind: 'not' }>): Promise<void> {
  const s = ctx.session;
  const text = s.output.slice(ctx.segmentStart);
  const found = findMatch(action.pattern, text);
  if (found === null) return;
  const around = text.slice(Math.max(0, found.index - 60), found.index + found.text.length + 60);
  throw new StepFailure(
    `found ${describePattern(action.pattern)} in the output of the last command: …${escapeShort(around, 200)}…\n\nScreen:\n${await s.snapshot()}`,
  );
}

async function modesHold(ctx: ScriptContext, action: Extract<CheckAction, { kind: 'modes' }>): Promise<string> {
  const s = ctx.session;
  // The real pty under a simulated kernel is in raw mode: the simulated driver's modes are not there.
  if (s.view instanceof SimView) throw new StepFailure('modes: the simulated terminal\'s modes cannot be read from the pty; print them with stty in the script');
  const deadline = Date.now() + ctx.timeout;
  for (;;) {
    const modes = await s.terminalModes();
    const wrong = action.flags.filter((f) => modes.flags[f.name] !== f.on);
    const shown = action.flags.map((f) => `${modes.flags[f.name] === undefined ? '?' : modes.flags[f.name] ? '' : '-'}${f.name}`);
    if (wrong.length === 0) return shown.join(' ');
    if (Date.now() >= deadline) {
      throw new StepFailure(`terminal modes after ${ctx.timeout} ms: ${shown.join(' ')}\n\nstty -a:\n${modes.text.trimEnd()}\n\nScreen:\n${await s.snapshot()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, MODES_POLL_MS));
  }
}

async function waitExit(ctx: ScriptContext, wanted: number | NodeJS.Signals | null): Promise<string> {
  const s = ctx.session;
  const exit = await s.waitExit({ timeout: ctx.timeout });
  const matches = wanted === null || (typeof wanted === 'number' ? exit.exitCode === wanted : exit.signal === wanted);
  const said = describeExit(exit);
  if (!matches) {
    const expected = typeof wanted === 'number' ? `status ${wanted}` : wanted;
    throw new StepFailure(`the shell ${said}, expected ${expected}\n\nScreen:\n${await s.snapshot()}`);
  }
  return said;
}

/** Carry out `action`; the returned text (if any) goes into the report. */
export async function runCheck(ctx: ScriptContext, action: CheckAction): Promise<string | undefined> {
  const s = ctx.session;
  const timeout = ctx.timeout;
  switch (action.kind) {
    case 'expect': {
      const match = await s.expect(action.pattern, { on: action.on, timeout });
      if (action.on === 'stream') ctx.consumed(match);
      return escapeShort(match.text, 60);
    }
    case 'not':
      if (action.on === 'screen') await s.expectGone(action.pattern, { on: 'screen', timeout });
      else await notOnStream(ctx, action);
      return undefined;
    case 'prompt': {
      ctx.consumed(await s.expectPrompt({ timeout }));
      await s.waitUntil(() => shellIdle(s), { timeout, description: 'the shell to own the terminal and wait for input' });
      return undefined;
    }
    case 'idle':
      await s.waitIdle({ timeout });
      return undefined;
    case 'fg': {
      if (action.owner === 'shell') {
        await s.waitUntil(() => s.foregroundPgid() === shellPgid(s), { timeout, description: 'the shell to own the terminal' });
        return undefined;
      }
      const what = action.comm === null ? 'a job' : `a job running ${action.comm}`;
      const group = await s.waitUntil(() => runningJob(s, action.comm), { timeout, description: `${what} to own the terminal` });
      return `pgid ${group[0]!.pgid}: ${group.map((p) => p.comm).join(', ')}`;
    }
    case 'state':
      await s.waitUntil(() => statesHold(s, action.comm, action.state), { timeout, description: `every ${action.comm} process to be ${action.state}` });
      return undefined;
    case 'no-zombies':
      await s.waitUntil(() => s.zombies().length === 0, { timeout, description: 'no zombie children of the shell' });
      return undefined;
    case 'modes':
      return modesHold(ctx, action);
    case 'wait-exit':
      return waitExit(ctx, action.status);
  }
}
