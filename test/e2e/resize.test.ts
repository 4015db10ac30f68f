// The line editor follows the terminal's width, also when it changed while the shell was away
// from its prompt or sat at it: readline lays out completions (and wraps the line) by the
// width it believes the terminal has.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PtySession } from '../../src/ptytest/index.js';
import { run, startJcsh, tempHome } from './harness.js';

/** A home with twelve files file01 … file12, for a completion list wider than 30 columns. */
function homeWithFiles(): string {
  const home = tempHome();
  for (let i = 1; i <= 12; i++) fs.writeFileSync(path.join(home, `file${String(i).padStart(2, '0')}`), '');
  return home;
}

/** Asks for the completions of `echo f` (Tab, then Tab again) and returns the rows that list them. */
async function completionRows(s: PtySession): Promise<string[]> {
  s.send('echo f');
  await s.expect('echo f');
  s.press('Tab');
  await s.expect('ile');
  s.press('Tab');
  await s.expect('file12');
  const rows = (await s.screen()).lines.filter((l) => /^file\d\d/.test(l));
  return rows.map((r) => r.trim());
}

describe('the width of the terminal', () => {
  it('a resize between two prompts is seen by the next one', async () => {
    const s = await startJcsh({ cols: 100, home: homeWithFiles() });
    await run(s, 'true');
    s.resize(30, 30);
    await run(s, 'true');
    const rows = await completionRows(s);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.length <= 30)).toBe(true);
  });

  it('a resize at the prompt is seen at once', async () => {
    const s = await startJcsh({ cols: 100, home: homeWithFiles() });
    await s.waitIdle();
    s.resize(30, 30);
    const rows = await completionRows(s);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.length <= 30)).toBe(true);
  });
});
