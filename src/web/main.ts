// The page's entry: xterm.js as the terminal, the simulated kernel and the shell behind it,
// the panels beside it. Everything runs in the page; the folder it is served from is static.

import './globals.js';
import { Terminal } from '@xterm/xterm';
import { WebBackend } from './backend.js';
import { appendTimeline, drawSnapshot, type PanelElements } from './panels.js';

function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no #${id}`);
  return e;
}

const panels: PanelElements = {
  jobs: byId('jobs'),
  processes: byId('processes'),
  foreground: byId('foreground'),
  modes: byId('modes'),
  timeline: byId('timeline'),
};

const term = new Terminal({ cols: 80, rows: 24, convertEol: false, fontFamily: 'monospace', cursorBlink: true });
term.open(byId('terminal'));
const backend = new WebBackend();
const status = byId('status');

backend.start({ cols: term.cols, rows: term.rows }, {
  output: (data) => term.write(data),
  snapshot: (s) => drawSnapshot(panels, s),
  timeline: (entries) => appendTimeline(panels.timeline, entries),
  exit: (e) => {
    status.textContent = `the shell ended (${e.signal ?? `status ${e.code}`}); press Enter for a new one`;
    const again = term.onData(() => {
      again.dispose();
      status.textContent = '';
      term.reset();
      backend.restart();
    });
  },
});
term.onData((data) => backend.input(data));
term.focus();

// HOOK(lab): stepping a lab. The labs engine (src/labs: a runner over src/labs/types.ts's Lab,
// and a registry) is not on main yet. Once it is, fill #labs with the registry's labs and make
// #step feed the lab's next step's inputs to backend.input(), show its `say` in #lab-say, and
// check its outcomes against the events backend.watch() reports.
byId('step').setAttribute('disabled', '');
byId('lab-say').textContent = 'Labs arrive with the labs engine.';

// For the tests and the curious: the backend, from the browser's console.
(globalThis as Record<string, unknown>)['jcsh'] = { backend, term };
