// `jcsh --sim --lab NAME` in a real pty: the lab's panel shows the step to come and its
// question, a digit answers it and runs the step, ^] ⏎ types the next step, ^] . shows the
// step's events one at a time, and the panels follow the lab to its end.

import { describe, expect, it } from 'vitest';
import { startUi } from './harness.js';

describe('the UI in lab mode', () => {
  it('jcsh --sim --lab ttin: predict, reveal, step events, play to the end', async () => {
    const ui = await startUi('sim', { args: ['--lab', 'ttin'], prompt: /^\$/m });
    await ui.waitPanels('Lab ttin');
    await ui.waitPanels(/Step 1\/7: Start cat in the/);
    await ui.waitPanels(/Predict: What happens when the background/);
    ui.s.send('3');
    await ui.waitPanels(/Answer: 3\. it is stopped by/);
    await ui.waitPanels(/were right\)/);
    await ui.waitPanels(/Stopped \(tty input\)/);
    // The digit went to the lab, not to the terminal.
    expect(await ui.pane()).not.toMatch(/^\$ 3/m);
    ui.menu('.');
    await ui.waitPanels(/Events 1\//);
    for (let step = 2; step <= 7; step++) {
      await ui.waitPanels(new RegExp(`Step ${step}/7`));
      ui.menu('\r');
      if (step < 7) await ui.waitPanels(new RegExp(`Step ${step + 1}/7`));
    }
    await ui.waitPanels('The lab is over');
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
});
