#!/usr/bin/env node
// pty cycles: N sequential spawn + expect + exit cycles of `jcsh --plain -c 'echo ready'` in a
// pty, driven by jcsh/pty and by Python's pexpect in the same run. Prints the totals and the
// ratios. Each side times itself inside its own process (interpreter start-up excluded) after
// one warm-up cycle. pexpect runs twice: with its defaults, and with delayafterclose = 0, since
// its close() otherwise sleeps 0.1 s per cycle, which would dominate the comparison.
// Without python3 or pexpect it says so and still exits 0.
//   node bench/pty-cycles.mjs [--cycles N]
// Needs the compiled toolkit (npm run compile).

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnPty } from '../dist/ptytest/index.js';

const args = process.argv.slice(2);
const at = args.indexOf('--cycles');
const cycles = at >= 0 ? Number(args[at + 1]) : 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jcsh = path.join(root, 'bin', 'jcsh.js');
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', TERM: 'xterm-256color', LANG: 'C.UTF-8' };

async function cycle() {
  const s = spawnPty(process.execPath, [jcsh, '--plain', '-c', 'echo ready'], { env, timeout: 10000 });
  await s.expect('ready');
  const exit = await s.waitExit();
  await s.close();
  if (exit.exitCode !== 0) throw new Error(`jcsh exited with ${exit.exitCode ?? exit.signal}`);
}

async function ours() {
  await cycle();
  const t0 = performance.now();
  for (let i = 0; i < cycles; i++) await cycle();
  return performance.now() - t0;
}

const PEXPECT = `
import json, sys, time
try:
    import pexpect
except ImportError as e:
    print(json.dumps({"missing": str(e)}))
    sys.exit(0)
node, jcsh, cycles, env, delay = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
def cycle():
    child = pexpect.spawn(node, [jcsh, "--plain", "-c", "echo ready"], env=env, dimensions=(24, 80), timeout=10)
    if delay != "default":
        # pexpect hands close() to ptyprocess, which sleeps its own copy of the delay.
        child.delayafterclose = child.ptyproc.delayafterclose = float(delay)
    child.expect("ready")
    child.expect(pexpect.EOF)
    child.close()
    if child.exitstatus != 0:
        raise SystemExit("jcsh exited with %r" % (child.exitstatus,))
cycle()
t0 = time.perf_counter()
for _ in range(cycles):
    cycle()
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "version": pexpect.__version__, "pythonVersion": sys.version.split()[0]}))
`;

/**
 * Run the pexpect side with the first python3 that has pexpect, or say why none could.
 * `delay` is pexpect's delayafterclose: 'default' (0.1 s, slept in every close()) or seconds.
 */
function theirs(delay) {
  const reasons = [];
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', PEXPECT, process.execPath, jcsh, String(cycles), JSON.stringify(env), delay], { encoding: 'utf8' });
    if (r.error) {
      reasons.push(`${python}: ${r.error.code === 'ENOENT' ? 'not found' : r.error.message}`);
      continue;
    }
    if (r.status !== 0) throw new Error(`${python} failed:\n${r.stderr}`);
    const result = JSON.parse(r.stdout.trim().split('\n').at(-1));
    if (result.missing) {
      reasons.push(`${python}: ${result.missing}`);
      continue;
    }
    return { ...result, interpreter: python };
  }
  return { reasons };
}

const ms = await ours();
console.log(`pty cycles: ${cycles} × spawn jcsh --plain -c 'echo ready', expect "ready", wait for the exit`);
console.log(`  ${'jcsh/pty'.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms  ${(ms / cycles).toFixed(1).padStart(6)} ms/cycle`);
const runs = [['default', 'pexpect'], ['0', 'pexpect, delayafterclose=0']];
for (const [delay, name] of runs) {
  const py = theirs(delay);
  if (py.ms === undefined) {
    console.log(`  pexpect   unavailable (${py.reasons.join('; ')}); install it with: apt-get install -y python3-pexpect`);
    break;
  }
  console.log(`  ${name.padEnd(28)} ${py.ms.toFixed(0).padStart(7)} ms  ${(py.ms / cycles).toFixed(1).padStart(6)} ms/cycle  (pexpect ${py.version}, Python ${py.pythonVersion})`);
  console.log(`    jcsh/pty ÷ ${name} = ${(ms / py.ms).toFixed(3)}`);
}
