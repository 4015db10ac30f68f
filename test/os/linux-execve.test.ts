// LinuxPort.execve (native/exec.c): the process itself becomes the program, which starts as a
// spawned child would: the same pid, exactly the fds asked for, no signal caught or blocked
// (ignored only if ignored when the shell started); and an execve that fails leaves the
// process as it was, its fds and its Node signal handlers working. Each runs in a fresh node
// process on the compiled port.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compiledPortUrl } from './compiled.js';

function runScript(body: string): string {
  const script = `const { LinuxPort } = await import(${JSON.stringify(compiledPortUrl())});\n${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
}

// cat catches nothing itself: its dispositions are what the exec left (caught ones reset by the kernel)
const REPORT = 'echo pid=$$; ls /proc/self/fd | sort -n | tr "\\n" " "; echo; exec cat /proc/self/status';

describe('LinuxPort.execve', () => {
  it('replaces the process: same pid, the fds asked for, signals as a new child has them', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: false });
      port.onSignal(10, () => {});
      port.setSignalAction(2, 'ignore');
      const [r, w] = port.pipe();
      process.stdout.write('before=' + port.getpid() + '\\n');
      port.execve({ path: '/bin/sh', argv: ['sh', '-c', ${JSON.stringify(REPORT)}], env: [], fds: [r, 1, 2], cwd: '/' });
    `);
    const lines = out.trim().split('\n');
    expect(lines[1]).toBe(`pid=${lines[0]!.slice('before='.length)}`);
    // fd 3 is ls's own directory fd
    expect(lines[2]!.trim()).toBe('0 1 2 3');
    expect(lines.filter((l) => /^Sig(Blk|Ign|Cgt):/.test(l)).sort()).toEqual([
      'SigBlk:\t0000000000000000', 'SigCgt:\t0000000000000000', 'SigIgn:\t0000000000000000',
    ]);
  });

  it('puts everything back when execve fails, and a later one still works', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: false });
      let usr1 = 0;
      port.onSignal(10, () => { usr1++; });
      const fd = port.open('/dev/null', 'write');
      for (const path of ['/nonexistent/program', '/etc']) {
        try {
          port.execve({ path, argv: ['x'], env: [], fds: [fd, fd, fd], cwd: '/' });
        } catch (e) {
          process.stdout.write(e.code + '\\n');
        }
      }
      process.kill(process.pid, 'SIGUSR1');
      await new Promise((resolve) => setTimeout(resolve, 50));
      process.stdout.write('usr1=' + usr1 + '\\n');
      port.execve({ path: '/bin/sh', argv: ['sh', '-c', 'echo still-on-stdout'], env: [], fds: [0, 1, 2], cwd: '/' });
    `);
    expect(out).toBe('ENOENT\nEACCES\nusr1=1\nstill-on-stdout\n');
  });
});
