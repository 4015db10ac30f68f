// The Terminal panel: the terminal's foreground group and the modes job control depends on,
// in stty's words (`-tostop` is off).

import { Box, Text } from 'ink';
import type { ProcRow, TermInfo } from '../model.js';
import { Heading } from './heading.js';
import { fit } from './text.js';

export function modesLine(t: TermInfo): string {
  const flag = (on: boolean, name: string) => (on ? name : `-${name}`);
  return `${flag(t.isig, 'isig')} ${flag(t.icanon, 'icanon')} ${flag(t.echo, 'echo')} ${flag(t.tostop, 'tostop')}`;
}

export function foregroundLine(t: TermInfo, processes: readonly ProcRow[]): string {
  if (t.tpgid === null) return 'foreground pgrp ?';
  const leader = processes.find((p) => p.pid === t.tpgid) ?? processes.find((p) => p.pgid === t.tpgid);
  const name = leader ? ` (${leader.command.split(' ')[0]})` : '';
  return `foreground pgrp ${t.tpgid}${name}  ${t.cols}x${t.rows}`;
}

export function TerminalPanel({ terminal, processes, width }: { terminal: TermInfo; processes: readonly ProcRow[]; width: number }) {
  return (
    <Box flexDirection="column" width={width} height={3}>
      <Heading title="Terminal" width={width} />
      <Text>{fit(` ${foregroundLine(terminal, processes)}`, width)}</Text>
      <Text>{fit(` ${modesLine(terminal)}`, width)}</Text>
    </Box>
  );
}
