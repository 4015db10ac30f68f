// The terminal UI end to end, through a real pty, on both kernels: the shell works in the
// pane, the panels show what job control did, keys reach the terminal's line discipline, the
// UI survives its engine's death and gives the user's terminal back on every way out.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPty } from '../../src/ptytest/index.js';
import { JCSH, tempHome } from '../e2e/harness.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { startUi, type Kernel } from './harness.js';

const KERNELS: readonly Kernel[] = ['sim', 'linux'];

describe.each(KERNELS)('the UI on %s', (kernel) => {
  it('shows the prompt in the pane and the shell leading its session in the panels', async () => {
    const ui = await startUi(kernel);
    const panels = await ui.waitPanels(/Rs\+?\s+jcsh|Ss\+?\s+.*jcsh/);
    expect(panels).toContain('Session');
    expect(panels).toMatch(/foreground pgrp \d+/);
  });

  it('cat & shows Stopped (tty input) in Jobs and a SIGTTIN in the Timeline', async () => {
    const ui = await startUi(kernel);
    ui.s.sendLine('cat &');
    await ui.waitPanels(/\[1\]\+ Stopped \(tty input\)\s+\d+\s+cat/);
    await ui.waitPanels('SIGTTIN');
    // The process table may be redrawn after the Jobs panel: wait for it rather than reading
    // the snapshot that showed the job.
    await ui.waitPanels(/\d+\s+\d+\s+\d+\s+\d+ T\s+cat/);
    // bash tells of a background job's stop before the next prompt.
    ui.s.sendLine('');
    await ui.waitPane(/\[1\]\+\s+Stopped\s+cat/);
  });

  it('^Z on sleep 100 stops it: Jobs and Timeline say so', async () => {
    const ui = await startUi(kernel);
    ui.s.sendLine('sleep 100');
    await ui.waitPanels(/T?\s+sleep 100|R\s+sleep 100|S\+\s+sleep 100/);
    await ui.s.waitIdle();
    ui.s.send('\x1a');
    await ui.waitPane(/\[1\]\+\s+Stopped\s+sleep 100/);
    await ui.waitPanels(/\[1\]\+ Stopped\s+\d+\s+sleep/);
    await ui.waitPanels(/SIGTSTP|stopped \(SIGTSTP\)/);
  });

  it('a resize reflows: the engine\'s terminal takes the pane\'s new size', async () => {
    const ui = await startUi(kernel);
    ui.cols = 90;
    ui.rows = 30;
    ui.s.resize(90, 30);
    const pane = ui.layout().pane;
    expect(ui.layout().placement).toBe('below');
    // Typed only once the UI has taken the new size (drawn its panels under the pane): keys
    // read before the UI handled its SIGWINCH would reach the engine before the resize.
    await ui.waitPanels(/─ Jobs[\s\S]*─ Session/);
    ui.s.sendLine('stty size');
    await ui.waitPane(`${pane.height} ${pane.width}`);
  });

  it('reports the engine killed and restarts it', async () => {
    const ui = await startUi(kernel);
    ui.s.sendLine('kill -9 $$');
    await ui.s.expect(/engine ended: SIGKILL/, { on: 'screen' });
    ui.menu('r');
    await ui.s.expectGone(/engine ended/);
    await ui.waitPane(/^ui\$$/m);
    ui.s.sendLine('echo again');
    await ui.waitPane(/^again$/m);
  });

  it('the menu hides the panels and shows the help', async () => {
    const ui = await startUi(kernel);
    ui.menu('?');
    await ui.s.expect('Ctrl-] (the prefix) then one key', { on: 'screen' });
    ui.s.send('x');
    await ui.s.expectGone('Ctrl-] (the prefix) then one key');
    ui.menu('p');
    await ui.s.expectGone(/─ Jobs/);
    ui.s.sendLine('echo wide');
    await ui.s.expect(/^wide$/m, { on: 'screen' });
  });

  it('browses the pane\'s scrollback and comes back to the live screen', async () => {
    const ui = await startUi(kernel);
    const numbers = Array.from({ length: 80 }, (_, i) => i + 1).join(' ');
    ui.s.sendLine(`printf 'line%s\\n' ${numbers}`);
    await ui.waitPane(/^line80$/m);
    expect(await ui.pane()).not.toMatch(/^line1$/m);
    ui.menu('[');
    ui.s.send('g');
    await ui.waitPane(/^line1$/m);
    await ui.s.expect(/scrollback -\d+/, { on: 'screen' });
    ui.s.send('q');
    await ui.waitPane(/^line80$/m);
    expect(await ui.pane()).not.toMatch(/^line1$/m);
  });

  it('hostile output stays in the pane: no sequence reaches the user\'s terminal', async () => {
    const ui = await startUi(kernel);
    const before = ui.s.output.length;
    // A title, a clipboard write, the alternate screen, mouse reporting, invalid UTF-8.
    ui.s.sendLine("printf '\\033]0;PWNED\\007\\033]52;c;cHduZWQ=\\007\\033[?1000h\\377\\376\\033[?1049hALT\\033[?1049l'; echo; echo done");
    await ui.waitPane(/^done$/m);
    const after = ui.s.output.slice(before);
    expect(after).not.toContain('\x1b]0;');
    expect(after).not.toContain('\x1b]52;');
    expect(after).not.toContain('\x1b[?1000h');
    ui.s.sendLine('echo still');
    await ui.waitPane(/^still$/m);
  });

  it('gives the terminal back when the UI gets SIGTERM, and the session is hung up', async () => {
    const ui = await startUi(kernel, { command: ['sh', '-c', '"$@"; echo "UI ended $?"; stty -a; sleep 30', 'sh'] });
    ui.s.sendLine('sleep 300 &');
    await ui.waitPanels(/sleep 300/);
    const uiPid = ui.s.processes().find((p) => p.comm === 'node' || p.comm === 'jcsh')!.pid;
    process.kill(uiPid, 'SIGTERM');
    await ui.s.expect(/UI ended 143/);
    const screen = await ui.s.screen();
    expect(screen.altScreen).toBe(false);
    expect(screen.cursorVisible).toBe(true);
    await ui.s.expect(/ icanon /);
    expect(ui.s.output).toMatch(/ echo /);
  });
});

describe('the UI on the simulator: the virtual clock and the event log', () => {
  it('writes the kernel\'s events with --events, as without the UI', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-ui-')), 'events.jsonl');
    const ui = await startUi('sim', { args: ['--events', log] });
    ui.s.sendLine('cat &');
    await ui.waitPanels('SIGTTIN');
    const events = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; signal?: number; by?: string });
    expect(events.some((e) => e.kind === 'signal' && e.signal === 21 && e.by === 'tty')).toBe(true);
  });


  it('pauses, single-steps to the next timer and resumes', async () => {
    const ui = await startUi('sim');
    ui.menu(' ');
    await ui.s.expect(/PAUSED/, { on: 'screen' });
    // A thousand seconds: only the step can end this sleep within the test's time.
    ui.s.sendLine('sleep 1000; echo slept');
    await ui.waitPanels(/S\+?\s+sleep 1000/);
    ui.menu('.');
    await ui.s.expect(/the clock moves to 10\d\d\.\d{3} s/, { on: 'screen' });
    await ui.waitPane(/^slept$/m);
    await ui.waitPanels(/reaped \d+: exit 0/);
    ui.menu(' ');
    await ui.s.expect(/clock running/, { on: 'screen' });
    ui.menu('.');
    await ui.s.expect(/no timer is set/, { on: 'screen' });
  });
});

describe('without the UI', () => {
  it('--plain runs the shell alone, on both kernels', async () => {
    for (const kernel of KERNELS) {
      const ui = spawnPlain([...(kernel === 'sim' ? ['--sim'] : []), '--plain']);
      await ui.expect(/ui\$ /);
      ui.sendLine('echo plain');
      await ui.expect(/^plain\r?$/m);
      expect(ui.output).not.toContain('\x1b[?1049h');
      expect(ui.output).not.toContain('─ Jobs');
    }
  });

  it('an output that is not a terminal means no UI', async () => {
    const s = spawnPlain([...(KERNELS.includes('linux') ? [] : ['--sim'])], ['sh', '-c', '"$@" | cat', 'sh']);
    await s.expect(/ui\$ /);
    s.sendLine('echo piped');
    await s.expect(/piped/);
    expect(s.output).not.toContain('\x1b[?1049h');
  });
});

function spawnPlain(args: readonly string[], wrapper: readonly string[] = []) {
  const home = tempHome();
  const argv = [JCSH, ...args, '--norc'];
  const [command, rest] = wrapper.length > 0 ? [wrapper[0]!, [...wrapper.slice(1), process.execPath, ...argv]] : [process.execPath, argv];
  return spawnPty(command, rest, { cols: 100, rows: 30, cwd: home, timeout: 10000, env: { CI: 'false', PS1: 'ui$ ', HOME: home, PATH: pathWithHelpers() } });
}

describe('the UI on Linux: full-screen programs and the hang-up', () => {
  it('less draws in the pane, on its alternate screen, and quits back to the prompt', async () => {
    const ui = await startUi('linux');
    ui.s.sendLine('less /etc/passwd');
    await ui.waitPane(/^root:/m);
    await ui.waitPanels(/S\+?\s+less/);
    // less's own screen: its prompt line at the bottom of the pane, not of the UI.
    await ui.waitPane(/^(:|\/etc\/passwd)/m);
    ui.s.send('q');
    await ui.waitPane(/^ui\$$/m);
    expect(await ui.pane()).not.toMatch(/^root:/m);
  });

  it('vim draws, takes keys and quits', async () => {
    const ui = await startUi('linux');
    ui.s.sendLine('vim -u NONE -N');
    await ui.waitPane(/^~/m);
    ui.s.send('ihello from vim\x1b');
    await ui.waitPane(/^hello from vim/m);
    ui.s.send(':q!\r');
    await ui.waitPane(/^ui\$$/m);
  });

  it('the UI killed with SIGKILL: the engine and its jobs get the hang-up', async () => {
    const ui = await startUi('linux');
    ui.s.sendLine('sleep 300 &');
    const pane = await ui.waitPane(/^\[1\] (\d+)$/m);
    const sleepPid = Number(/^\[1\] (\d+)$/m.exec(pane)![1]);
    await ui.waitPanels(new RegExp(`${sleepPid}\\s+\\d+\\s+${sleepPid}\\s+\\d+ S\\s+sleep 300`));
    // The engine leads the pane's session: its pid is the session's id.
    const engine = Number(/sid (\d+)/.exec(await ui.panels())![1]);
    expect(alive(engine)).toBe(true);
    process.kill(ui.s.pid, 'SIGKILL');
    await ui.s.waitUntil(() => !alive(sleepPid) && !alive(engine), { timeout: 10000, description: 'the engine and sleep 300 to be gone' });
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each(KERNELS)('the UI on %s, hung up', (kernel) => {
  it('ends when its terminal goes away, and does not spin on the dead terminal', async () => {
    const ui = await startUi(kernel);
    const pid = ui.s.pid;
    ui.s.hangup();
    await ui.s.waitUntil(() => !alive(pid) || stateOf(pid) === 'Z', { timeout: 10000, description: 'the UI to end after the hang-up' });
  });
});

function stateOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  } catch {
    return undefined;
  }
}
