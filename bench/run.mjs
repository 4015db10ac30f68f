#!/usr/bin/env node
// npm run bench: every benchmark of issue 11 in one run, written into docs/performance.md
// (between the markers there; the analysis around them is kept) and printed.
//   node bench/run.mjs [--rounds R] [--lines N] [--records N] [--cycles C] [--jobs J] [--quick] [--no-write]
// Needs the compiled tree (npm run compile). bash and dash are compared where installed; a
// missing one is named in the report, never a crash.

import fs from 'node:fs';
import path from 'node:path';
import { describeMachine } from './lib/machine.mjs';
import { firstPrompt, memoryWithJobs, nodeInPty, stopAndContinue } from './lib/pty.mjs';
import { render } from './lib/report.mjs';
import { backgroundTrue, benchScript, echoScript, loopScript, readInput, readScript, sequentialTrue } from './lib/scripts.mjs';
import { JCSH, ROOT, timeRun, which } from './lib/shells.mjs';
import { flag, numberOption } from './lib/options.mjs';
import { simulatorFigures } from './lib/sim.mjs';
import { bigFile, catInTmux, catInUi, uiFirstPrompt, uiIdle } from './lib/ui.mjs';

const opt = numberOption;
const quick = flag('quick');
const o = {
  rounds: opt('rounds', quick ? 3 : 7),
  lines: opt('lines', 2000),
  cycles: opt('cycles', quick ? 20 : 100),
  starts: opt('starts', quick ? 5 : 15),
  jobs: opt('jobs', 1000),
  iterations: opt('iterations', 100_000),
  records: opt('records', 20_000),
  catRuns: opt('cat-runs', quick ? 2 : 5),
};
const say = (text) => process.stderr.write(`${text}\n`);

const results = { machine: describeMachine(), options: o, missing: [] };

say(`sequential: ${o.lines} × /bin/true, ${o.rounds} rounds`);
results.sequential = benchScript(sequentialTrue(o.lines), o.rounds);
say(`background: ${o.lines} × true & + wait, ${o.rounds} rounds`);
results.background = benchScript(backgroundTrue(o.lines), o.rounds);
say(`loop: ${o.iterations} iterations of test, arithmetic and case, ${o.rounds} rounds`);
results.loop = benchScript(loopScript(o.iterations), o.rounds);
say(`read: a loop of read over a file of ${o.records} lines, ${o.rounds} rounds`);
results.read = benchScript(readScript, o.rounds, { 'input.txt': readInput(o.records) });
say(`echo: ${o.records} echoes of a loop into a pipe, ${o.rounds} rounds`);
results.echo = benchScript(echoScript(o.records), o.rounds);

const ptyShells = ['jcsh', ...(which('bash') ? ['bash'] : [])];
if (!which('bash')) results.missing.push('bash (terminal benchmarks)');
results.stops = {};
results.prompt = {};
results.memory = {};
for (const name of ptyShells) {
  say(`^Z / fg: ${o.cycles} cycles with ${name}`);
  results.stops[name] = await stopAndContinue(name, o.cycles);
  say(`first prompt: ${o.starts} starts of ${name}`);
  results.prompt[name] = await firstPrompt(name, o.starts);
  say(`memory: idle and ${o.jobs} jobs with ${name}`);
  results.memory[name] = await memoryWithJobs(name, o.jobs, 20);
}
results.prompt.node = await nodeInPty(o.starts);

say(`start-up without a terminal: ${o.starts} runs each`);
const startups = { 'node -e 0': [process.execPath, '-e', '0'], 'jcsh -c true': [process.execPath, JCSH, '-c', 'true'] };
for (const sh of ['bash', 'dash']) if (which(sh)) startups[`${sh} -c true`] = [sh, '-c', 'true'];
results.startup = Object.fromEntries(Object.entries(startups).map(([k, argv]) => {
  timeRun(argv);
  return [k, Array.from({ length: o.starts }, () => timeRun(argv))];
}));

say('simulated kernel: events per second, and 10,000 processes that fork and exit');
results.sim = simulatorFigures(o.starts);

say(`UI: first prompt (${o.starts} starts each of the UI on Linux, as a program and through node, on the simulator, and --plain)`);
results.ui = { prompt: {} };
for (const kind of ['ui', 'ui-node', 'sim', 'plain']) results.ui.prompt[kind] = await uiFirstPrompt(kind, o.starts);
const big = bigFile(20);
say(`UI: cat of a 20 MB file in the UI and in tmux, ${o.catRuns} runs each`);
results.ui.cat = { jcsh: await catInUi(big, o.catRuns), tmux: await catInTmux(big, o.catRuns) };
if (!results.ui.cat.tmux) results.missing.push('tmux (the UI\'s cat benchmark)');
say('UI: memory and CPU at rest');
results.ui.idle = { ui: await uiIdle('ui', 3), sim: await uiIdle('sim', 3) };

const markdown = render(results);
process.stdout.write(markdown);
if (!flag('no-write')) {
  const file = path.join(ROOT, 'docs', 'performance.md');
  const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
  const END = '<!-- bench:end -->';
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`;
  const [head, rest] = old.includes(BEGIN) ? old.split(BEGIN) : [`${old.trimEnd()}\n\n`, END];
  const tail = rest.includes(END) ? rest.slice(rest.indexOf(END) + END.length) : '\n';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${head}${BEGIN}\n${markdown}${END}${tail}`);
  say(`written: ${path.relative(process.cwd(), file)}`);
}
