// `jcsh-pty suspend-check -- PROGRAM ARGS…`: the suspend/resume checklist for one program.

import { UsageError } from './errors.js';
import { launchOptions, shellsOf } from './inputs.js';
import type { CliIo } from './io.js';
import type { Command } from './options.js';
import { quoteWord } from './shellwords.js';
import { suspendCheck } from './suspend-check.js';
import { parseText, unescape } from './values.js';

const DEFAULT_TIMEOUT_MS = 5000;

function quitKeys(raw: string | null): string {
  if (raw === null) return 'q';
  try {
    // Escapes work with or without the quotes: --quit ':q!\r'.
    return raw.startsWith('"') ? parseText(raw) : unescape(raw);
  } catch (error) {
    throw new UsageError(`--quit: ${(error as Error).message}`);
  }
}

export async function commandSuspend(command: Extract<Command, { kind: 'suspend-check' }>, io: CliIo): Promise<number> {
  const launch = launchOptions(command.options, DEFAULT_TIMEOUT_MS);
  const [spec] = shellsOf(command.options, launch);
  const quit = quitKeys(command.quit);
  io.out(`suspend-check: ${command.program.map(quoteWord).join(' ')} under ${spec!.label}\n`);
  const list = await suspendCheck(command.program, spec!, { launch, quit });
  io.out(list.render());
  return list.ok ? 0 : 1;
}
