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

/** Words wrapped to `width` columns, each line indented by `indent`; one line only when compact. */
function wrap(text: string, width: number, indent = '', compact = false): string[] {
  if (compact) return [fit(indent + text, width)];
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

function revealed(q: LabQuestion, width: number, compact: boolean): LabLine[] {
  if (q.answer === null) return [];
  const right = q.chosen === q.answer;
  const head = `Answer: ${q.answer + 1}. ${q.choices[q.answer]}${q.chosen === null ? '' : right ? ' (you were right)' : ` (you said ${q.chosen + 1})`}`;
  const answer = wrap(head, width, '', compact).map((text) => ({ text, color: right ? 'green' : 'yellow' }));
  return compact ? answer : [...answer, ...wrap(q.why, width, '  ').map((text) => ({ text }))];
}

/** The panel's lines; `compact` keeps one line per part (the why and older events left out). */
export function labLines(lab: LabState, width: number, compact = false): LabLine[] {
  const out: LabLine[] = [];
  const last = lab.last;
  if (last) {
    if (last.question) out.push(...revealed(last.question, width, compact));
    const shown = last.events.slice(0, last.shown);
    const count = `Events ${last.shown}/${last.events.length}`;
    const latest = shown[shown.length - 1]?.trim().replace(/\s+/g, ' ');
    if (compact) out.push({ text: fit(latest ? `${count}: ${latest}` : `${count} (^] . next event)`, width) });
    else {
      out.push({ text: `${count}${last.shown < last.events.length ? ' (^] . next event)' : ''}`, color: 'gray' });
      for (const e of shown.slice(-3)) out.push(...wrap(e.trim(), width, '  ').map((text) => ({ text })));
    }
  }
  const next = lab.next;
  if (!next) {
    out.push({ text: 'The lab is over: every step was played.', color: 'green' });
    return out;
  }
  out.push(...wrap(`Step ${lab.index + 1}/${lab.total}: ${next.say}`, width, '', compact).map((text) => ({ text, color: 'cyan' })));
  const q = next.question;
  out.push({ text: `  keys: ${next.keys}   ${lab.busy ? '(running)' : q ? 'a digit answers, then they are typed' : '^] ⏎ types them'}` });
  if (q) {
    out.push(...wrap(`Predict: ${q.text}`, width, '', compact).map((text) => ({ text, color: 'magenta' })));
    const choices = q.choices.map((c, i) => `${i + 1}. ${c}${q.chosen === i ? ' ←' : ''}`);
    if (compact) out.push({ text: fit(`  ${choices.join('  ')}`, width) });
    else choices.forEach((c) => out.push({ text: `  ${c}` }));
    if (!compact) out.push({ text: q.chosen === null ? 'Press a digit: the step then runs' : 'running…', color: 'gray' });
  }
  return out;
}

export function LabPanel({ lab, width, height }: { lab: LabState; width: number; height: number }) {
  const full = labLines(lab, width);
  const lines = full.length < height ? full : labLines(lab, width, true);
  // The newest lines matter most: the question and the step to come are at the end.
  const shown = lines.slice(Math.max(0, lines.length - (height - 1)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Heading title={`Lab ${lab.name}`} note={lab.title} width={width} />
      {shown.map((l, i) => <Text key={i} color={l.color}>{fit(l.text, width)}</Text>)}
    </Box>
  );
}
