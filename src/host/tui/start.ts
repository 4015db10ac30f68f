// `jcsh` on a terminal: the UI. The backend (and with it the engine) starts first, while the
// UI's code is still loading, so the two start-ups overlap.

import type { Options } from '../../cli/args.js';
import { EarlyListeners } from '../../ui/buffer.js';
import { layout } from '../../ui/layout.js';
import { SimBackend } from './sim.js';

export async function runTui(o: Options): Promise<number> {
  const term = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const pane = layout(term, true).pane;
  const backend = new SimBackend(o);
  const early = new EarlyListeners();
  backend.start({ cols: pane.width, rows: pane.height }, early);
  // CI=false says "not CI": Ink reads it so, but the colour detection Ink uses turns colours
  // off whenever CI is set at all. Both read it as their modules load, just below.
  if (process.env['CI'] === 'false' || process.env['CI'] === '0') delete process.env['CI'];
  const { runUi } = await import('../../ui/run.js');
  return runUi({ backend, early });
}
