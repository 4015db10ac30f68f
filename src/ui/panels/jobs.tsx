// The Jobs panel: the shell's job table as `jobs -l` words it, with each job's process group.

import { Box, Text } from 'ink';
import type { JobRow } from '../model.js';
import { Heading } from './heading.js';
import { fit } from './text.js';

/** The width of bash's longest state word column (`Stopped (tty output)`). */
const STATE_WIDTH = 20;

export function jobLine(j: JobRow): string {
  return `[${j.id}]${j.mark} ${j.state.padEnd(STATE_WIDTH)} ${String(j.pgid).padStart(6)}  ${j.command}`;
}

export function JobsPanel({ jobs, width, height }: { jobs: readonly JobRow[]; width: number; height: number }) {
  const rows = height - 1;
  const shown = jobs.slice(Math.max(0, jobs.length - rows));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading title="Jobs" note={jobs.length > 0 ? String(jobs.length) : ''} width={width} />
      {shown.length === 0 ? <Text dimColor>{fit('  no jobs', width)}</Text> : null}
      {shown.map((j) => (
        <Text key={j.id} color={color(j)} bold={j.mark === '+'}>{fit(jobLine(j), width)}</Text>
      ))}
    </Box>
  );
}

function color(j: JobRow): string | undefined {
  if (j.state.startsWith('Stopped')) return 'yellow';
  if (j.state === 'Running') return j.foreground ? 'green' : undefined;
  return 'gray';
}
