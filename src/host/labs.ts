// `jcsh --lab`: the list of labs; a lab played as a transcript when there is no terminal for the
// UI (`jcsh --sim --lab NAME | less`); and a lab on the real kernel, where it runs there.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Options } from '../cli/args.js';
import { explain } from '../labs/explain.js';
import { showKeys } from '../labs/keys.js';
import { findLab, LABS } from '../labs/registry.js';
import { LabRun } from '../labs/runner.js';
import type { Lab } from '../labs/types.js';
import { openLog } from './simsetup.js';

const out = (text: string) => fs.writeSync(1, text);

export function listLabs(): void {
  const width = Math.max(...LABS.map((l) => l.name.length));
  for (const lab of LABS) out(`${lab.name.padEnd(width)}  ${lab.summary}\n`);
}

/** The lab named on the command line; an unknown name is a one-line error and status 2. */
export function labOrExit(name: string): Lab {
  const lab = findLab(name);
  if (lab) return lab;
  fs.writeSync(2, `jcsh: --lab: ${name}: no such lab (jcsh --lab lists them)\n`);
  process.exit(2);
}

/** Plays the lab on the simulator and prints what the terminal showed, each step introduced. */
export async function labTranscript(lab: Lab, o: Options): Promise<void> {
  const log = o.sim?.explain ? openLog(o.sim.explain) : null;
  const run = new LabRun(lab, {
    output: (bytes) => out(new TextDecoder().decode(bytes)),
    ...(log !== null ? { onEvent: (e) => fs.writeSync(log, `${explain(e)}\n`) } : {}),
  });
  out(`# ${lab.title}\n`);
  await run.start();
  while (!run.done) {
    const step = lab.steps[run.next]!;
    out(`\n# ${step.input.say} (${showKeys(step.input.keys)})\n`);
    if (step.predict) out(`# Predict: ${step.predict.question}\n${step.predict.choices.map((c, i) => `#   ${i + 1}. ${c}\n`).join('')}`);
    const r = await run.play();
    if (step.predict && r.answer !== null) out(`\n# Answer: ${r.answer + 1}. ${step.predict.choices[r.answer]}: ${step.predict.why}\n`);
  }
  out('\n');
}

/** The labs the real kernel runs: the shell's own (no twin), and those whose twin is built. */
export function realLab(lab: Lab): { readonly path: string | null } {
  if (!lab.twin) return { path: null };
  // binding.gyp builds the twins into a folder of their own, so that exactly they go on PATH.
  const dir = path.join(twinsRoot(), 'build', 'Release', 'labs');
  try {
    fs.accessSync(path.join(dir, lab.twin), fs.constants.X_OK);
    return { path: dir };
  } catch {
    // not built: said below
  }
  fs.writeSync(2, `jcsh: --lab ${lab.name}: this lab's program is not built (${lab.twin}; npm ci builds it)\n`);
  process.exit(1);
}

/**
 * Before the real shell starts: the twin's folder first in PATH, and without the UI (whose Lab
 * panel types the steps) the lab's steps, to be typed by hand.
 */
export function introduceRealLab(lab: Lab, plain: boolean): void {
  const twin = realLab(lab);
  if (twin.path) process.env['PATH'] = `${twin.path}:${process.env['PATH'] ?? ''}`;
  if (!plain) return;
  fs.writeSync(2, `${lab.title}: type these (the labs step by step are in jcsh --sim --lab ${lab.name})\n`);
  for (const step of lab.steps) fs.writeSync(2, `  ${showKeys(step.input.keys).padEnd(40)} ${step.input.say}\n`);
}

/**
 * The package's root: two folders up from this module, compiled (dist/host) or bundled
 * (dist/bundle). Not native.ts's packageRoot: a module this chunk shared with the script path
 * would become a chunk of its own, one more file every script's start opens, and a shell under
 * a low `ulimit -n` has none to spare.
 */
function twinsRoot(): string {
  return fileURLToPath(new URL('../..', import.meta.url));
}
