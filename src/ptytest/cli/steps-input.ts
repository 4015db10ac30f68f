// Steps that act on the terminal: typing, keys, signals, size, pauses.

import type { StepAction } from './script-steps.js';
import type { ScriptContext } from './script-context.js';

type InputAction = Extract<StepAction, { kind: 'send' | 'type' | 'paste' | 'press' | 'signal' | 'resize' | 'sleep' | 'timeout' | 'show' }>;

/** Carry out `action`; the returned text (if any) goes into the report. */
export async function runInput(ctx: ScriptContext, action: InputAction): Promise<string | undefined> {
  const s = ctx.session;
  switch (action.kind) {
    case 'send':
      s.sendLine(action.text);
      return undefined;
    case 'type':
      s.send(action.text);
      return undefined;
    case 'paste':
      s.paste(action.text);
      return undefined;
    case 'press':
      s.press(action.key, { times: action.times });
      return undefined;
    case 'signal': {
      const target = action.target === 'shell' ? 'process' : 'foreground-group';
      s.kill(action.signal, target);
      return undefined;
    }
    case 'resize':
      s.resize(action.cols, action.rows);
      return undefined;
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, action.seconds * 1000));
      return undefined;
    case 'timeout':
      ctx.timeout = action.ms;
      return undefined;
    case 'show':
      return `\n${await s.snapshot()}`;
  }
}
