// Spawning at the edges, each in a fresh node process on the compiled port (they change the
// process's fd limit or signal dispositions): the fd shuffle near the fd limit, signals the
// shell inherited as ignored while it catches them, and signals a request asks to ignore.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledPortUrl } from './compiled.js';

// glibc's sigaction refuses its internal signals 32 and 33, and so does every shell: a launcher
// that ignores 32 with the raw system call, then execs its arguments, built with cc.
const scratch = mkdtempSync(join(tmpdir(), 'jcsh-edges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function ignore32Launcher(): string | null {
  const source = join(scratch, 'ignore32.c');
  const exe = join(scratch, 'ignore32');
  writeFileSync(source, `#include <unistd.h>
#include <sys/syscall.h>
int main(int argc, char **argv) {
  unsigned long act[4] = { 1 /* SIG_IGN */, 0, 0, 0 };
  (void)argc;
  if (syscall(SYS_rt_sigaction, 32, act, 0, 8) != 0) return 126;
  execv(argv[1], argv + 1);
  return 127;
}
`);
  return spawnSync('cc', ['-o', exe, source]).status === 0 ? exe : null;
}
const launcher = ignore32Launcher();

const methods = [['the shared stack', false], ['the fallback', true]] as const;

/** Runs body as an ES module with LinuxPort in scope, under `sh -c PREFIX; exec node`. */
function runScript(body: string, o: { prefix?: string; env?: Record<string, string>; launcher?: string } = {}): string {
  const script = `const { LinuxPort } = await import(${JSON.stringify(compiledPortUrl())});
    const fs = await import('node:fs');
    /** Spawns argv with stdout on a pipe and returns what it wrote. */
    async function output(port, argv, more = {}) {
      const [r, w] = port.pipe();
      const program = { kind: 'exec', path: argv[0], argv, env: [] };
      const pid = port.spawn({ program, fds: [-1, w, 2], cwd: '/', group: { kind: 'inherit' }, ...more });
      port.close(w);
      let text = '';
      for (let c = await port.read(r); c; c = await port.read(r)) text += Buffer.from(c).toString();
      port.close(r);
      port.waitpidBlocking(pid, { untraced: false, continued: false });
      return text;
    }
    ${body}`;
  const exec = o.launcher ? `exec "${o.launcher}"` : 'exec';
  return execFileSync('/bin/sh', ['-c', `${o.prefix ?? ':'}; ${exec} "$0" --input-type=module -e "$1"`, process.execPath, script], {
    encoding: 'utf8', timeout: 15_000, env: { ...process.env, ...o.env },
  });
}

describe.each(methods)('spawn with %s', (_name, forkFallback) => {
  it('maps fds near the fd limit while low fds are free (ulimit -n 64, issue 11 item 5)', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} });
      // Fill every free fd, then free the top two for the pipe: its ends sit at the limit.
      const filler = [];
      for (;;) { try { filler.push(fs.openSync('/dev/null', 'r')); } catch { break; } }
      fs.closeSync(filler.pop());
      fs.closeSync(filler.pop());
      const [r, w] = port.pipe();
      for (const fd of filler) fs.closeSync(fd);
      const program = { kind: 'exec', path: '/bin/sh', argv: ['sh', '-c', 'echo mapped'], env: [] };
      const pid = port.spawn({ program, fds: [-1, w, 2], cwd: '/', group: { kind: 'inherit' } });
      port.close(w);
      const chunk = await port.read(r);
      port.waitpidBlocking(pid, { untraced: false, continued: false });
      console.log(w, Buffer.from(chunk).toString().trim());
    `, { prefix: 'ulimit -n 64' });
    const [w, text] = out.trim().split(' ');
    expect(Number(w)).toBeGreaterThanOrEqual(60);
    expect(text).toBe('mapped');
  });

  it('keeps an inherited SIG_IGN in children while the shell catches the signal (nohup, issue 11 item 9)', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} });
      port.onSignal(1, () => {});
      process.stdout.write(await output(port, ['/bin/grep', 'SigIgn', '/proc/self/status']));
    `, { env: { JCSH_SIGIGN: '1' } });
    expect(out).toBe('SigIgn:\t0000000000000001\n');
  });

  it('starts a child with the signals of ignoreSignals ignored, caught or not in the shell', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} });
      const grep = ['/bin/grep', 'SigIgn', '/proc/self/status'];
      process.stdout.write(await output(port, grep, { ignoreSignals: [2, 3] }));
      port.onSignal(2, () => {});
      process.stdout.write(await output(port, grep, { ignoreSignals: [2, 3] }));
      process.stdout.write(await output(port, grep));
    `, { env: { JCSH_SIGIGN: '1' } });
    expect(out).toBe('SigIgn:\t0000000000000007\n'.repeat(2) + 'SigIgn:\t0000000000000001\n');
  });

  it('starts a child with every signal default but the inherited ignored ones and nothing blocked, while the shell catches and ignores others', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} });
      for (const sig of [2, 17, 28]) port.onSignal(sig, () => {}); // SIGINT, SIGCHLD, SIGWINCH
      for (const sig of [20, 21, 22]) port.setSignalAction(sig, 'ignore'); // a job-control shell
      const own = fs.readFileSync('/proc/self/status', 'utf8');
      const mask = (key) => BigInt('0x' + own.split(String.fromCharCode(10)).find((l) => l.startsWith(key)).slice(7).trim());
      // The shell really catches (glibc's 33 included) and ignores (Node's SIGPIPE too) them.
      console.log((mask('SigCgt') & 0x1_0801_0002n).toString(16), (mask('SigIgn') & 0x381001n).toString(16));
      // cat installs no handler of its own (grep catches SIGSEGV).
      const child = await output(port, ['/bin/cat', '/proc/self/status']);
      for (const key of ['SigBlk', 'SigIgn', 'SigCgt']) console.log(child.split(String.fromCharCode(10)).find((l) => l.startsWith(key)));
    `, { env: { JCSH_SIGIGN: '1' } });
    expect(out).toBe('108010002 381001\n' +
      'SigBlk:\t0000000000000000\nSigIgn:\t0000000000000001\nSigCgt:\t0000000000000000\n');
  });

  // A real reason to skip: the launcher needs a C compiler.
  it.skipIf(launcher === null)('starts a child with signal 32 (glibc-internal) at SIG_DFL when the shell inherited it ignored', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} });
      const bit32 = (text) => (BigInt('0x' + text.split(String.fromCharCode(10)).find((l) => l.startsWith('SigIgn')).slice(7).trim()) >> 31n) & 3n;
      const child = await output(port, ['/bin/cat', '/proc/self/status']);
      console.log(bit32(fs.readFileSync('/proc/self/status', 'utf8')).toString(), bit32(child).toString());
    `, { launcher: launcher ?? '' });
    expect(out).toBe('1 0\n');
  });

  it('starts children correctly while a worker thread spawns at the same time (one shared child stack)', () => {
    const out = runScript(`
      const { Worker } = await import('node:worker_threads');
      const body = async (port, tag) => {
        let bad = 0;
        for (let i = 0; i < 150; i++) if ((await output(port, ['/bin/echo', tag + i])) !== tag + i + '\\n') bad++;
        return bad;
      };
      const workerCode = \`
        const { LinuxPort } = await import(\${JSON.stringify(${JSON.stringify(compiledPortUrl())})});
        const { parentPort } = await import('node:worker_threads');
        \${output.toString()}
        const body = \${body.toString()};
        parentPort.postMessage(await body(new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} }), 'w'));
      \`;
      const worker = new Worker(workerCode, { eval: true, type: 'module' });
      const done = new Promise((resolve, reject) => { worker.on('message', resolve); worker.on('error', reject); });
      const mine = await body(new LinuxPort({ blockingWait: true, forkFallback: ${forkFallback} }), 'm');
      console.log(mine, await done);
    `);
    expect(out).toBe('0 0\n');
  });
});
