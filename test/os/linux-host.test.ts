// How LinuxPort behaves as part of a Node host: a pending childEvent() keeps the process
// alive (a SIGCHLD listener alone does not), and resolves by itself if a SIGCHLD was lost.
// These run in a fresh node process on the compiled port, where nothing else holds the loop.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compiledPortUrl } from './compiled.js';

function runScript(body: string): string {
  const script = `const { LinuxPort } = await import(${JSON.stringify(compiledPortUrl())});\n${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 });
}

describe('LinuxPort in a Node host', () => {
  it('keeps the host alive while childEvent() is pending, until the child exits', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: false });
      const program = { kind: 'exec', path: '/bin/sh', argv: ['sh', '-c', 'read x; exit 4'], env: [] };
      const [r, w] = port.pipe();
      const pid = port.spawn({ program, fds: [r], cwd: '/', group: { kind: 'lead' } });
      port.close(r);
      port.close(w); // the child sees end of file and exits
      let status = null;
      while ((status = port.waitpid(pid, { untraced: false, continued: false })) === null) await port.childEvent();
      console.log(JSON.stringify(status));
    `);
    expect(JSON.parse(out)).toEqual({ kind: 'exited', code: 4 });
  });

  it('resolves childEvent() after the guard interval when no SIGCHLD comes', () => {
    // The first call only installs the SIGCHLD listener and returns at once (a child may
    // have changed before anyone listened); the second one sleeps.
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: false });
      const t0 = Date.now();
      await port.childEvent();
      const first = Date.now() - t0;
      const t1 = Date.now();
      await port.childEvent();
      console.log(first, Date.now() - t1);
    `);
    const [first, second] = out.trim().split(' ').map(Number);
    expect(first).toBeLessThan(100);
    expect(second).toBeGreaterThanOrEqual(900);
    expect(second).toBeLessThan(5000);
  });
});
