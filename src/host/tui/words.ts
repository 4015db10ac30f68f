// The Timeline's sentences: `SIGCONT → pgrp 4213 (cat)`, `4213 stopped (SIGTTIN)`,
// `reaped 4213: killed by SIGINT`. Signals by their names (the panel is about which signal),
// processes by pid and, when the shell knows it, the command.

import type { SpawnRequest, WaitStatus } from '../../os/port.js';
import { signalName } from '../../os/signals.js';

/** How the observer names a pid or a process group. */
export interface Names {
  /** The shell's own pid (its group is the one it leads). */
  readonly shellPid: number;
  ofPid(pid: number): string | undefined;
  ofGroup(pgid: number): string | undefined;
}

/** Longest command text in one entry: a pasted script must not fill the panel. */
const MAX_COMMAND = 120;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_COMMAND ? line : `${line.slice(0, MAX_COMMAND - 1)}…`;
}

export function signalLabel(signal: number): string {
  const name = signalName(signal);
  return name === undefined ? `signal ${signal}` : `SIG${name}`;
}

/** What a spawn runs, as a person would name it. */
export function describeSpawn(req: SpawnRequest): string {
  const p = req.program;
  switch (p.kind) {
    case 'exec': return clip(p.argv.join(' '));
    case 'emit': return '(builtin output)';
    case 'subshell': return clip(`(${p.source})`);
  }
}

/** A kill(2) target: a pid, a group (negative), the caller's group (0) or everyone (-1). */
export function describeTarget(target: number, names: Names): string {
  if (target === 0) return 'pgrp of jcsh';
  if (target === -1) return 'every process';
  const pid = Math.abs(target);
  const isShell = pid === names.shellPid;
  const name = isShell ? 'jcsh' : target < 0 ? names.ofGroup(pid) : names.ofPid(pid);
  const who = target < 0 ? `pgrp ${pid}` : String(pid);
  return name === undefined ? who : `${who} (${clip(name)})`;
}

/** A status waitpid collected. */
export function describeStatus(pid: number, s: WaitStatus): string {
  switch (s.kind) {
    case 'stopped': return `${pid} stopped (${signalLabel(s.signal)})`;
    case 'continued': return `${pid} continued`;
    case 'exited': return `reaped ${pid}: exit ${s.code}`;
    case 'signaled': return `reaped ${pid}: killed by ${signalLabel(s.signal)}${s.coreDumped ? ' (core dumped)' : ''}`;
  }
}
