// The browser page end to end: built by scripts/bundle-web.mjs, served by `npm run web`'s
// server, opened in headless Chromium (Debian's package, driven by playwright-core; nothing is
// downloaded). The learner's keys go through xterm.js into the simulated terminal, and the
// panels must show what the kernel and the shell did.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env['JCSH_CHROMIUM'] ?? '/usr/bin/chromium';
/** Git-ignored (dist/), and outside dist/web, which every build empties. */
const SCREENSHOT = resolve(root, 'dist/screenshots/web-page.png');
const WAIT = 15_000;

/** Starts `npm run web`'s server on a free port; resolves to its address once it says it listens. */
function startServer(): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['scripts/serve-web.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let said = '';
    server.stdout!.on('data', (d: Buffer) => {
      said += d.toString();
      const url = /http:\/\/\S+/.exec(said)?.[0];
      if (url) done({ server, url });
    });
    server.on('exit', (code) => fail(new Error(`the web server exited with status ${code}: ${said}`)));
  });
}

/** Text of an element, once it contains `text` (or the wait's timeout fails the test). */
async function waitForText(page: Page, selector: string, text: string): Promise<string> {
  await page.locator(selector, { hasText: text }).waitFor({ timeout: WAIT });
  return (await page.locator(selector).textContent()) ?? '';
}

const screen = (page: Page) => page.locator('.xterm-rows').innerText();

describe.skipIf(!existsSync(CHROMIUM))(`the browser page (skipped when ${CHROMIUM} is missing: apt-get install chromium)`, () => {
  let browser: Browser;
  let page: Page;
  let server: ChildProcess;
  const errors: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/bundle-web.mjs'], { cwd: root, stdio: 'inherit' });
    const started = await startServer();
    server = started.server;
    // As root (the CI's container) Chromium refuses to start without --no-sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(started.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('loads and shows the shell prompt in the terminal', async () => {
    await waitForText(page, '.xterm-rows', '$');
    expect(await screen(page)).toMatch(/^jcsh-[\d.]+\$/);
    expect(await page.locator('#processes').innerText()).toMatch(/^\d+\t1\t\d+\t\d+\tS\tjcsh/);
  }, 30_000);

  it('`cat &` is stopped by SIGTTIN: the Jobs panel says Stopped (tty input)', async () => {
    await page.locator('#terminal').click();
    await page.keyboard.type('cat &');
    await page.keyboard.press('Enter');
    const jobs = await waitForText(page, '#jobs', 'Stopped (tty input)');
    expect(jobs).toMatch(/^\[1\]\+Stopped \(tty input\)\d+cat$/);
    const timeline = await waitForText(page, '#timeline', 'SIGTTIN');
    expect(timeline).toMatch(/SIGTTIN → pgrp \d+ \(cat\)/);
    expect(await page.locator('#processes').innerText()).toMatch(/\tT\tcat/);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }, 30_000);

  it('Ctrl-Z stops the foreground job and gives the terminal back to the shell; fg resumes it', async () => {
    await page.keyboard.type('sleep 100');
    await page.keyboard.press('Enter');
    await waitForText(page, '#foreground', '(sleep)');
    await page.keyboard.press('Control+z');
    await waitForText(page, '#jobs', '[2]+Stopped');
    expect(await page.locator('#foreground').innerText()).toMatch(/\(jcsh\)/);
    await page.keyboard.type('fg %2');
    await page.keyboard.press('Enter');
    await waitForText(page, '#foreground', '(sleep)');
    expect(await page.locator('#jobs').innerText()).toMatch(/\[2\]\+\tRunning\t\d+\tsleep 100/);
    await page.keyboard.press('Control+c');
    await waitForText(page, '#foreground', '(jcsh)');
  }, 30_000);

  it('`exit` ends the shell; a key starts a new one', async () => {
    await page.keyboard.type('exit');
    await page.keyboard.press('Enter');
    // Jobs are left (cat, stopped): bash warns once, the second exit ends the shell.
    await waitForText(page, '.xterm-rows', 'There are stopped jobs.');
    await page.keyboard.type('exit');
    await page.keyboard.press('Enter');
    // Its status is the first exit's, refused with status 1, as in bash.
    await waitForText(page, '#status', 'the shell ended (status 1)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: WAIT }).toBe('');
    await waitForText(page, '.xterm-rows', '$');
    expect(await page.locator('#jobs').innerText()).toBe('');
  }, 30_000);

  it('a lab steps to its end, and every outcome it promised holds', async () => {
    // every lab of the registry is offered, after the free shell
    expect(await page.locator('#labs option').count()).toBe(12);
    await page.locator('#labs').selectOption('ttin');
    const steps = Number(/Step 1 of (\d+)/.exec(await waitForText(page, '#lab-say', 'Step 1 of'))![1]);
    for (let played = 0; played < steps; played++) await page.locator('#step:enabled').click({ timeout: WAIT });
    await waitForText(page, '#lab-say', 'is over');
    const outcomes = await page.locator('#lab-outcomes li').allInnerTexts();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.startsWith('✓'))).toEqual([]);
    expect(await page.locator('#timeline').innerText()).toMatch(/SIGTTIN → pgrp \d+ \(cat\)/);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-lab.png'), fullPage: true });
  }, 60_000);

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
