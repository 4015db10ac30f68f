// The panels in HTML: Jobs, Session processes, Terminal and Timeline, drawn from the same
// Snapshot and TimelineEntry values as the terminal UI's panels (src/ui/panels), in the same
// words: `jobs -l` for jobs, ps's columns for processes, stty's for the terminal's modes.

import type { JobRow, ProcRow, Snapshot, TermInfo, TimelineEntry } from '../ui/model.js';

/** Timeline lines kept on the page; older ones scroll away. */
const TIMELINE_KEEP = 500;

function element(tag: string, text: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

function row(cells: readonly string[], className?: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (className) tr.className = className;
  for (const c of cells) tr.append(element('td', c));
  return tr;
}

function jobClass(j: JobRow): string {
  if (j.state.startsWith('Stopped')) return 'stopped';
  if (j.state === 'Running') return j.foreground ? 'foreground' : 'running';
  return 'ended';
}

export function drawJobs(body: HTMLElement, jobs: readonly JobRow[]): void {
  body.replaceChildren(...jobs.map((j) => row([`[${j.id}]${j.mark}`, j.state, String(j.pgid), j.command], jobClass(j))));
}

export function drawProcesses(body: HTMLElement, processes: readonly ProcRow[], tpgid: number | null): void {
  body.replaceChildren(...processes.map((p) =>
    row([String(p.pid), String(p.ppid), String(p.pgid), String(p.sid), p.state, p.command], p.pgid === tpgid ? 'foreground' : undefined)));
}

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

export interface PanelElements {
  readonly jobs: HTMLElement;
  readonly processes: HTMLElement;
  readonly foreground: HTMLElement;
  readonly modes: HTMLElement;
  readonly timeline: HTMLElement;
}

export function drawSnapshot(at: PanelElements, s: Snapshot): void {
  drawJobs(at.jobs, s.jobs);
  drawProcesses(at.processes, s.processes, s.terminal.tpgid);
  at.foreground.textContent = foregroundLine(s.terminal, s.processes);
  at.modes.textContent = modesLine(s.terminal);
}

export function appendTimeline(list: HTMLElement, entries: readonly TimelineEntry[]): void {
  for (const e of entries) {
    const li = element('li', '', e.kind);
    li.append(element('span', `${(e.time / 1000).toFixed(3)}`, 'time'), element('span', e.text));
    list.append(li);
  }
  while (list.childElementCount > TIMELINE_KEEP) list.firstElementChild?.remove();
  list.scrollTop = list.scrollHeight;
}
