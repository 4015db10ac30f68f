// The page's entry: xterm.js as the terminal, the simulated kernel and the shell behind it,
// the panels beside it, and the labs. Everything runs in the page; the folder it is served
// from is static.

import './globals.js';
import { Terminal } from '@xterm/xterm';
import type { Lab } from '../labs/types.js';
import { freeShell, isEngineError, WebBackend, type SessionOpener } from './backend.js';
import { labSession, type LabPlay } from './lab.js';
import { labs, startLab } from './labhook.js';
import { LabPanel } from './labpanel.js';
import { appendTimeline, drawSnapshot, type PanelElements } from './panels.js';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no #${id}`);
  return e as T;
}

const panels: PanelElements = {
  jobs: byId('jobs'),
  processes: byId('processes'),
  foreground: byId('foreground'),
  modes: byId('modes'),
  timeline: byId('timeline'),
};
const status = byId('status');
const labPanel = new LabPanel({
  step: byId<HTMLButtonElement>('step'), say: byId('lab-say'), predict: byId('lab-predict'),
  reveal: byId('lab-reveal'), outcomes: byId('lab-outcomes'),
});

const term = new Terminal({ cols: 80, rows: 24, fontFamily: 'monospace', cursorBlink: true });
term.open(byId('terminal'));
let backend: WebBackend | null = null;
/** The shell ended: the next key starts a new one. */
let ended = false;

/** A fresh terminal and panels, on a new backend running `open`; the old one is hung up. */
function connect(open: SessionOpener): void {
  backend?.close();
  term.reset();
  panels.timeline.replaceChildren();
  status.textContent = '';
  ended = false;
  const mine = new WebBackend(open);
  backend = mine;
  const live = () => backend === mine;
  mine.start({ cols: term.cols, rows: term.rows }, {
    output: (data) => live() && term.write(data),
    snapshot: (s) => live() && drawSnapshot(panels, s),
    timeline: (entries) => live() && appendTimeline(panels.timeline, entries),
    exit: (e) => {
      if (!live()) return;
      ended = true;
      status.textContent = `the shell ended (${e.signal ?? `status ${e.code}`}); press a key for a new one`;
    },
  });
  term.focus();
}

term.onData((data) => {
  if (ended && backend) {
    ended = false;
    status.textContent = '';
    term.reset();
    backend.restart();
    return;
  }
  backend?.input(data);
});

addEventListener('error', (ev) => {
  if (isEngineError(ev.error)) ev.preventDefault();
});
addEventListener('unhandledrejection', (ev) => {
  if (isEngineError(ev.reason)) ev.preventDefault();
});

function play(lab: Lab | null): void {
  if (!lab) {
    labPanel.attach(null);
    connect(freeShell);
    return;
  }
  connect(labSession(startLab, lab, (run: LabPlay) => labPanel.attach(run)));
}

const picker = byId<HTMLSelectElement>('labs');
picker.append(new Option('free shell', ''), ...labs.map((lab) => new Option(`${lab.name}: ${lab.title}`, lab.name)));
picker.addEventListener('change', () => play(labs.find((lab) => lab.name === picker.value) ?? null));

play(null);

// For the tests and the curious: the page's parts, from the browser's console.
(globalThis as Record<string, unknown>)['jcsh'] = { term, backend: () => backend, labs };
