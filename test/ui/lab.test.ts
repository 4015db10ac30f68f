// `jcsh --sim --lab NAME` in a real pty: the lab's panel shows the step to come and its
// question, a digit answers it and runs the step, ^] ⏎ types the next step, ^] . shows the
// step's events one at a time, and the panels follow the lab to its end.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JCSH } from '../e2e/harness.js';
import { startUi, type UiSession } from './harness.js';

/** Shows the step's events one by one (^] .) until the panels show `pattern`. */
async function revealUntil(ui: UiSession, pattern: RegExp): Promise<void> {
  for (let text = await ui.panels(); !pattern.test(text); ) {
    const [, shown, total] = /Events (\d+)\/(\d+)/.exec(text) ?? [];
    if (shown === undefined || shown === total) throw new Error(`every event was shown and the panels never showed ${pattern}:\n${text}`);
    ui.menu('.');
    // The Lab panel counts the events shown.
    text = await ui.waitPanels(`Events ${Number(shown) + 1}/${total}`);
  }
}

describe('the UI in lab mode', () => {
  it('jcsh --sim --lab ttin: predict, reveal, step events, play to the end', async () => {
    const ui = await startUi('sim', { args: ['--lab', 'ttin'], prompt: /^\$/m });
    await ui.waitPanels('Lab ttin');
    await ui.waitPanels(/Step 1\/7: Start cat in the/);
    await ui.waitPanels(/Predict: What happens when the background/);
    ui.s.send('3');
    await ui.waitPanels(/Answer: 3\. it is stopped by/);
    await ui.waitPanels(/were right\)/);
    // The step's effects are held: the screen shows the machine as it was before it.
    await ui.waitPanels(/Events 0\/\d+/);
    expect(await ui.pane()).not.toContain('cat > notes');
    expect(await ui.panels()).not.toContain('Stopped');
    // Event by event: the keys typed, cat forked, ..., cat stopped by SIGTTIN.
    ui.menu('.');
    await ui.waitPanels(/Events 1\//);
    await ui.waitPane(/cat > notes &/);
    await revealUntil(ui, /Stopped \(tty input\)/);
    // The digit went to the lab, not to the terminal.
    expect(await ui.pane()).not.toMatch(/^\$ 3/m);
    for (let step = 2; step <= 7; step++) {
      await ui.waitPanels(new RegExp(`Step ${step}/7`));
      ui.menu('\r');
      if (step < 7) await ui.waitPanels(new RegExp(`Step ${step + 1}/7`));
    }
    await ui.waitPanels('The lab is over');
    await revealUntil(ui, /Events (\d+)\/\1$/m);
    await ui.waitPane(/^\$ cat notes\n^hello$/m);
  });

  it('jcsh --lab ttin on Linux: the steps are typed into the real shell, whose jobs the panels show', async () => {
    const ui = await startUi('linux', { args: ['--lab', 'ttin'] });
    await ui.waitPanels(/Predict: What happens when the background/);
    ui.s.send('3');
    await ui.waitPane(/cat > notes &/);
    await ui.waitPanels(/Stopped \(tty input\)/);
    for (let step = 2; step <= 7; step++) {
      await ui.waitPanels(new RegExp(`Step ${step}/7`));
      ui.menu('\r');
      if (step < 7) await ui.waitPanels(new RegExp(`Step ${step + 1}/7`));
    }
    await ui.waitPanels('The lab is over');
    await ui.waitPane(/cat notes\n^hello$/m);
  });

  it('exit at the lab\'s prompt ends the UI with the shell\'s status', async () => {
    const ui = await startUi('sim', { args: ['--lab', 'zombie'], prompt: /^\$/m });
    await ui.waitPanels('Lab zombie');
    ui.s.send('exit 3\r');
    expect(await ui.s.waitUntil(() => ui.s.exitStatus, { timeout: 5000, description: 'the UI ends' })).toMatchObject({ exitCode: 3 });
  });

  it('a twin lab on Linux runs the twin program of the install (skipped when it is not built)', async (t) => {
    if (!fs.existsSync(path.join(JCSH, '..', '..', 'build', 'Release', 'labs', 'zombie'))) return t.skip();
    const ui = await startUi('linux', { args: ['--lab', 'zombie'] });
    await ui.waitPanels(/Step 1\/4/);
    ui.menu('\r');
    await ui.waitPane(/^parent \d+: forked child \d+$/m);
    await ui.waitPanels(/Step 2\/4/);
    ui.s.send('3');
    // The real kernel's ps shows the zombie, as the simulator's answer says.
    await ui.waitPane(/^ *\d+ +\d+ Z +zombie/m);
    await ui.waitPanels(/Answer: 3\. Z \(zombie\)/);
  });
});
