// The Session panel: every process of the terminal's session, as `ps -o pid,ppid,pgid,sid,stat,args`
// shows it: `s` marks the session leader, `+` the foreground group (which is also drawn
// bright), a zombie is `Z` and `<defunct>`.

import { Box, Text } from 'ink';
import type { ProcRow } from '../model.js';
import { Heading } from './heading.js';
import { fit } from './text.js';

const HEADER = '  PID  PPID  PGID   SID STAT COMMAND';

export function stat(p: ProcRow, tpgid: number | null): string {
  return `${p.state}${p.pid === p.sid ? 's' : ''}${p.pgid === tpgid ? '+' : ''}`;
}

export function processLine(p: ProcRow, tpgid: number | null): string {
  const n = (v: number) => String(v).padStart(5);
  const command = p.state === 'Z' ? `${p.command} <defunct>` : p.command;
  return `${n(p.pid)} ${n(p.ppid)} ${n(p.pgid)} ${n(p.sid)} ${stat(p, tpgid).padEnd(4)} ${command}`;
}

export function SessionPanel({ processes, sid, tpgid, width, height }: { processes: readonly ProcRow[]; sid: number; tpgid: number | null; width: number; height: number }) {
  const rows = Math.max(0, height - 2);
  const shown = processes.slice(0, rows);
  const more = processes.length - shown.length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading title="Session" note={sid ? `sid ${sid}${more > 0 ? ` +${more}` : ''}` : ''} width={width} />
      {height > 1 ? <Text dimColor>{fit(HEADER, width)}</Text> : null}
      {shown.map((p) => (
        <Text key={p.pid} color={color(p)} bold={p.pgid === tpgid} inverse={p.pgid === tpgid && p.state !== 'Z'}>
          {fit(processLine(p, tpgid), width)}
        </Text>
      ))}
    </Box>
  );
}

function color(p: ProcRow): string | undefined {
  if (p.state === 'Z') return 'red';
  if (p.state === 'T' || p.state === 't') return 'yellow';
  return undefined;
}
