// The Lab panel (`jcsh --sim --lab NAME`): the next step's sentence and keys, its question and
// choices before it runs; once it ran, the answer and why, and its events one at a time.

import { Box, Text } from 'ink';
import type { LabQuestion, LabState } from '../model.js';
import { Heading } from './heading.js';
import { fit } from './text.js';

export interface LabLine {
  readonly text: string;
  readonly color?: string;
}

/** Words wrapped to `width` columns, each line indented by `indent`. */
function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function revealed(q: LabQuestion, width: number): LabLine[] {
  if (q.answer === null) return [];
  const right = q.chosen === q.answer;
  const head = `Answer: ${q.answer + 1}. ${q.choices[q.answer]}${q.chosen === null ? '' : right ? ' (you were right)' : ` (you said ${q.chosen + 1})`}`;
  return [...wrap(head, width).map((text) => ({ text, color: right ? 'green' : 'yellow' })), ...wrap(q.why, width, '  ').map((text) => ({ text }))];
}

export function labLines(lab: LabState, width: number): LabLine[] {
  const out: LabLine[] = [];
  const last = lab.last;
  if (last) {
    if (last.question) out.push(...revealed(last.question, width));
    const shown = last.events.slice(0, last.shown);
    out.push({ text: `Events ${last.shown}/${last.events.length}${last.shown < last.events.length ? ' (^] . next event)' : ''}`, color: 'gray' });
    for (const e of shown.slice(-3)) out.push(...wrap(e.trim(), width, '  ').map((text) => ({ text })));
  }
  const next = lab.next;
  if (!next) {
    out.push({ text: 'The lab is over: every step was played.', color: 'green' });
    return out;
  }
  out.push(...wrap(`Step ${lab.index + 1}/${lab.total}: ${next.say}`, width).map((text) => ({ text, color: 'cyan' })));
  out.push({ text: `  keys: ${next.keys}   ${lab.busy ? '(running)' : next.question ? '' : '^] ⏎ types them'}` });
  const q = next.question;
  if (q) {
    out.push(...wrap(`Predict: ${q.text}`, width).map((text) => ({ text, color: 'magenta' })));
    q.choices.forEach((c, i) => out.push({ text: `  ${i + 1}. ${c}${q.chosen === i ? '  ←' : ''}` }));
    out.push({ text: q.chosen === null ? 'Press a digit: the step then runs' : 'running…', color: 'gray' });
  }
  return out;
}

export function LabPanel({ lab, width, height }: { lab: LabState; width: number; height: number }) {
  const lines = labLines(lab, width);
  // The newest lines matter most: the question and the step to come are at the end.
  const shown = lines.slice(Math.max(0, lines.length - (height - 1)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading title={`Lab ${lab.name}`} note={lab.title} width={width} />
      {shown.map((l, i) => <Text key={i} color={l.color}>{fit(l.text, width)}</Text>)}
    </Box>
  );
}
