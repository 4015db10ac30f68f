// The results of bench/run.mjs as Markdown: one run, medians, ratios, the machine.

import { median, percentile } from './shells.mjs';

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ms` : 'n/a');
const us = (x) => (Number.isFinite(x) ? `${(x * 1000).toFixed(0)} µs` : 'n/a');
const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const signed = (x) => `${x >= 0 ? '+' : '−'}${ms(Math.abs(x))}`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a');

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function scriptSection(title, what, bench, n, unit = 'command') {
  const rows = bench.rows.map((r) => [r.name, ms(r.wallMs), us(r.wallMs / n), ms(r.cpuMs), us(r.cpuMs / n),
    `${ms(Math.min(...r.walls))} – ${ms(Math.max(...r.walls))}`]);
  const j = bench.rows.find((r) => r.name === 'jcsh');
  const ratios = bench.rows.filter((r) => r.name !== 'jcsh')
    .map((r) => `jcsh/${r.name}: wall **${ratio(j.wallMs, r.wallMs)}**, CPU ${ratio(j.cpuMs, r.cpuMs)}`);
  const missing = bench.missing.map((m) => `${m} is not installed here: no figure for it.`);
  return [`### ${title}`, '', what, '',
    table(['shell', 'median wall', `per ${unit}`, 'median CPU', `CPU per ${unit}`, 'wall min – max'], rows), '',
    ...ratios.map((r) => `- ${r}`), ...missing.map((m) => `- ${m}`), ''].join('\n');
}

function stopsSection(stops) {
  const rows = Object.entries(stops).map(([name, r]) => [name, ms(median(r.stop)), ms(percentile(r.stop, 99)),
    ms(median(r.fg)), ms(percentile(r.fg, 99))]);
  const j = stops.jcsh;
  const b = stops.bash;
  const ratios = b ? [`- jcsh/bash p50: ^Z **${ratio(median(j.stop), median(b.stop))}**, fg **${ratio(median(j.fg), median(b.fg))}**`]
    : ['- bash is not installed here: no comparison.'];
  const n = j.stop.length;
  return ['### ^Z to `Stopped`, `fg` to running, through a pty', '',
    `${n} cycles on a foreground \`cat\`: from pressing ^Z to the shell's \`Stopped\` line on the terminal; ` +
    'from typing `fg⏎` to `cat` running again (out of state T, its group in the foreground; /proc polled every ms).', '',
    table(['shell', '^Z p50', '^Z p99', 'fg p50', 'fg p99'], rows), '', ...ratios, ''].join('\n');
}

function startupSection(prompt, startup) {
  const rows = [
    ['jcsh, first prompt in a new pty', ms(median(prompt.jcsh))],
    ...(prompt.bash ? [['bash -i, first prompt in a new pty', ms(median(prompt.bash))]] : []),
    ['`node -e` printing the prompt, in a new pty', ms(median(prompt.node))],
    ...Object.entries(startup).map(([k, runs]) => [`\`${k}\`, start to exit, no pty`, ms(median(runs.map((r) => r.wallMs)))]),
  ];
  const nodeBare = median(startup['node -e 0'].map((r) => r.wallMs));
  const jcshC = median(startup['jcsh -c true'].map((r) => r.wallMs));
  return ['### Time to first prompt', '',
    table(['what', 'median'], rows), '',
    `- jcsh's first prompt ÷ node's: **${ratio(median(prompt.jcsh), median(prompt.node))}** ` +
    `(${signed(median(prompt.jcsh) - median(prompt.node))})`,
    `- \`jcsh -c true\` ÷ \`node -e 0\`: **${ratio(jcshC, nodeBare)}** (${signed(jcshC - nodeBare)})`, ''].join('\n');
}

function memorySection(memory, jobs) {
  const rows = Object.entries(memory).map(([name, m]) => [name, mib(m.idleRss), mib(m.jobsRss),
    `${((m.jobsRss - m.idleRss) / jobs).toFixed(2)} KiB`, ms(median(m.idleTrip)), ms(median(m.jobsTrip))]);
  const j = memory.jcsh;
  const b = memory.bash;
  const ratios = b ? [`- jcsh/bash RSS: idle **${ratio(j.idleRss, b.idleRss)}**, with ${jobs} jobs **${ratio(j.jobsRss, b.jobsRss)}**`,
    `- \`/bin/true\` at the prompt with ${jobs} live jobs, jcsh/bash: **${ratio(median(j.jobsTrip), median(b.jobsTrip))}**`] : [];
  return [`### Memory, idle and with ${jobs} jobs`, '',
    `The shell's resident set (VmRSS) at rest after ten prompts, then with ${jobs} live background jobs ` +
    `(\`sleep 3600 &\`, 100 per line). Also the time from typing \`/bin/true⏎\` to the next prompt (median of 20): ` +
    'every child that ends makes the shell look at its jobs.', '',
    table(['shell', 'RSS idle', `RSS, ${jobs} jobs`, 'per job', '/bin/true idle', `/bin/true, ${jobs} jobs`], rows), '',
    ...ratios, ''].join('\n');
}

function simSection(sim) {
  if (!sim) return '';
  const mb = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  const rows = [
    ['events per second (pipes, forks, exits; event stream on)', `**${sim.eventsPerSecond.toLocaleString('en')}**`],
    [`${sim.procs.toLocaleString('en')} processes fork, exit and are reaped`, `${(sim.procSeconds * 1000).toFixed(0)} ms`],
    ['  live heap before → highest after a collection', `${mb(sim.heapBefore)} → ${mb(sim.heapPeak)}`],
    ['  peak resident set of the node running it', mb(sim.rssPeak)],
    ...(sim.real ? [[`${sim.real.forks.toLocaleString('en')} fork-exit-wait cycles on Linux (\`${sim.real.shell}\`, \`( : )\`)`, `${(sim.real.seconds * 1000).toFixed(0)} ms`]] : []),
  ];
  return ['### The simulated kernel', '',
    `Medians of ${sim.rounds} runs of \`bench/sim.mjs\`, each in a node of its own. The heap is measured after a garbage ` +
    'collection, so it shows what the kernel keeps: it stays flat however many processes have come and gone.', '',
    table(['what', 'figure'], rows), '',
    ...(sim.real ? [`- per process, simulated/real: **${ratio(sim.procSeconds / sim.procs, sim.real.seconds / sim.real.forks)}**`] : []),
    '- goal: at least 1,000,000 simulated events per second', ''].join('\n');
}

function uiSection(ui, prompt) {
  if (!ui) return '';
  const p = (k) => median(ui.prompt[k]);
  const node = median(prompt.node);
  const cat = ui.cat;
  const idle = ui.idle;
  const rows = [
    ['`jcsh` (the UI, Linux engine): first prompt in the pane', ms(p('ui'))],
    ...(ui.prompt['ui-node'] ? [['`node bin/jcsh.js` (the UI, engine started after it, node run directly): first prompt', ms(p('ui-node'))]] : []),
    ['`jcsh --sim` (the UI, simulator): first prompt in the pane', ms(p('sim'))],
    ['`jcsh --plain`: first prompt', ms(p('plain'))],
    ['`node -e` printing the prompt', ms(node)],
    ['`cat` of 20 MB to the prompt, in the UI', ms(median(cat.jcsh))],
    ...(cat.tmux ? [['`cat` of 20 MB to the prompt, in tmux', ms(median(cat.tmux))]] : []),
    [`UI at rest: CPU used in ${idle.ui.seconds} s (UI + engine)`, ms(idle.ui.cpuMs)],
    [`UI on the simulator at rest: CPU used in ${idle.sim.seconds} s`, ms(idle.sim.cpuMs)],
    ['UI at rest: resident set of the UI / of the engine', `${mib(idle.ui.uiRss)} / ${mib(idle.ui.engineRss)}`],
    ['UI on the simulator at rest: resident set', mib(idle.sim.uiRss)],
  ];
  return ['### The terminal UI', '',
    'All in a 200×50 pty read by the bench with @xterm/headless; the prompt counts when it is on the screen. ' +
    'The file has 60-character lines, so neither pane wraps them.', '',
    table(['what', 'median'], rows), '',
    `- first prompt, UI ÷ \`node -e\`: **${ratio(p('ui'), node)}** (goal under 3); simulator ÷ node: **${ratio(p('sim'), node)}**; plain ÷ node: ${ratio(p('plain'), node)}` +
      (ui.prompt['ui-node'] ? `; through node (no jcsh-launch) ÷ node: ${ratio(p('ui-node'), node)}` : ''),
    ...(cat.tmux ? [`- \`cat\` of 20 MB, jcsh's UI ÷ tmux: **${ratio(median(cat.jcsh), median(cat.tmux))}** (goal at most 1)`] : []),
    `- idle CPU: ${ms(idle.ui.cpuMs)} in ${idle.ui.seconds} s (goal zero)`, ''].join('\n');
}

export function render(r) {
  const m = r.machine;
  const n = r.options.lines;
  return [
    '## Latest run', '',
    `${m.date}: ${m.cpu}, ${m.memory}; ${m.kernel}; ${m.libc}; Node ${m.node}; ${m.shells.join('; ')}. ` +
    `Load average at the start: ${m.load}. Options: ${JSON.stringify(r.options)}.`, '',
    scriptSection(`Spawn rate: ${n} sequential \`/bin/true\``, `A script of ${n} lines \`/bin/true\`, run by each shell; ` +
      `median of ${r.options.rounds} interleaved rounds after one warm-up each. CPU is user + system of the shell and ` +
      'everything it waited for (POSIX `times` in a wrapping sh).', r.sequential, n),
    scriptSection(`Background: ${n} × \`true &\`, then \`wait\``, `A script of ${n} lines \`true &\` and a \`wait\`; as above.`,
      r.background, n),
    ...(r.loop ? [scriptSection(`Loop: ${r.options.iterations} iterations of test, arithmetic and case`,
      'A `while [ $n -lt N ]` loop whose body is `n=$((n + 1))` and a `case $((n % 3))` that updates one of two ' +
      'counters: everything runs in the shell itself, so this measures the language, not process creation ' +
      '(bench/lib/scripts.mjs loopScript). Start-up is included. Goal: no slower than bash.', r.loop, r.options.iterations, 'iteration')] : []),
    ...(r.read ? [scriptSection(`Read: a loop of \`read\` over a file of ${r.options.records} lines`,
      '`while read -r line; do n=$((n + 1)); done < file`: one line per `read`, the rest left in the file for the next ' +
      '(bench/lib/scripts.mjs readScript). Start-up is included.', r.read, r.options.records, 'line')] : []),
    ...(r.echo ? [scriptSection(`Echo: ${r.options.records} \`echo\`s into a pipe`,
      'A `while` loop of `echo` and a counter, its output piped to `cat >/dev/null` (bench/lib/scripts.mjs ' +
      'echoScript): every `echo` is a write to a pipe. Start-up is included.', r.echo, r.options.records, 'echo')] : []),
    stopsSection(r.stops),
    startupSection(r.prompt, r.startup),
    memorySection(r.memory, r.options.jobs),
    simSection(r.sim),
    uiSection(r.ui, r.prompt),
    ...(r.missing.length ? [`Not measured: ${r.missing.join(', ')}.`, ''] : []),
  ].join('\n');
}
