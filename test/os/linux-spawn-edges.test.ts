// Spawning at the edges, each in a fresh node process on the compiled port (they change the
// process's fd limit or signal dispositions): the fd shuffle near the fd limit, signals the
// shell inherited as ignored while it catches them, and signals a request asks to ignore.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compiledPortUrl } from './compiled.js';

const methods = [['the shared stack', false], ['the fallback', true]] as const;

/** Runs body as an ES module with LinuxPort in scope, under `sh -c PREFIX; exec node`. */
function runScript(body: string, o: { prefix?: string; env?: Record<string, string> } = {}): string {
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
  return execFileSync('/bin/sh', ['-c', `${o.prefix ?? ':'}; exec "$0" --input-type=module -e "$1"`, process.execPath, script], {
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
});
