// The last row: which kernel, the prefix key, and whatever mode the keyboard is in.

import { Text } from 'ink';
import type { Backend } from './backend.js';
import { fit } from './panels/text.js';
import type { UiState } from './store.js';

export function statusText(s: UiState, kernel: Backend['kernel']): { left: string; right: string } {
  const left = s.keyMode === 'prefix'
    ? `^] p panels  j s t l one panel  Tab focus  [ scroll  ? help  q quit${s.lab ? '  ⏎ next step  . next event' : s.clock ? '  space pause  . step' : ''}${s.exit ? '  r restart' : ''}  ^] send ^]`
    : s.keyMode === 'scroll'
      ? `scroll ${s.focus === 'timeline' ? 'timeline' : 'terminal'}: ↑↓ PgUp PgDn g G, q to leave`
      : s.message || `jcsh (${kernel === 'sim' ? 'simulated kernel' : 'Linux'})  ^] menu`;
  const parts: string[] = [];
  if (s.exit) parts.push(`engine ended: ${s.exit.signal ?? `exit ${s.exit.code}`} — ^] r restart, ^] q quit`);
  if (s.lab) parts.push(`lab ${s.lab.name} ${Math.min(s.lab.index + 1, s.lab.total)}/${s.lab.total}`);
  else if (s.clock) parts.push(s.clock.paused ? 'PAUSED' : 'clock running');
  if (s.paneScroll > 0) parts.push(`scrollback -${s.paneScroll}`);
  return { left, right: parts.join('  ') };
}

export function StatusLine({ s, kernel, width }: { s: UiState; kernel: Backend['kernel']; width: number }) {
  const { left, right } = statusText(s, kernel);
  const room = Math.max(0, width - right.length - 1);
  const text = right ? `${fit(left, room)} ${right}` : fit(left, width);
  return <Text inverse color={s.exit ? 'red' : s.keyMode === 'normal' ? undefined : 'cyan'}>{fit(text, width)}</Text>;
}
