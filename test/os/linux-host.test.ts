// How LinuxPort behaves as part of a Node host: a pending childEvent() keeps the process
// alive while the port has children to wait for (a SIGCHLD listener alone does not), and
// lets it end when there are none; no change of a child is lost, though nothing wakes the
// shell on a timer. These run in a fresh node process on the compiled port, where nothing
// else holds the loop.

import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compiledPortUrl } from './compiled.js';

function script(body: string): string {
  return `const { LinuxPort } = await import(${JSON.stringify(compiledPortUrl())});\n${body}`;
}

function runScript(body: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script(body)], { encoding: 'utf8', timeout: 15_000 });
}

const EXITS = '{ untraced: false, continued: false }';

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
      while ((status = port.waitpid(pid, ${EXITS})) === null) await port.childEvent();
      console.log(JSON.stringify(status));
    `);
    expect(JSON.parse(out)).toEqual({ kind: 'exited', code: 4 });
  });

  it('lets the host end when childEvent() is pending but there is no child to wait for', () => {
    // Without a child nothing could ever wake it: holding the loop would hang the host.
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(`
      const port = new LinuxPort({ blockingWait: false });
      await port.childEvent(); // installs the listener, resolves at once
      port.childEvent().then(() => console.log('woken'));
      console.log('left pending');
    `)], { encoding: 'utf8', timeout: 15_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('left pending\n');
  });

  it('does not lose a change that came while nobody waited', () => {
    // The child exits between two waits (the caller was busy elsewhere): the SIGCHLD was
    // handled with no waiter, and the next childEvent() must still resolve.
    const out = runScript(`
      const fs = await import('node:fs');
      const port = new LinuxPort({ blockingWait: false });
      await port.childEvent();
      const program = { kind: 'exec', path: '/bin/true', argv: ['true'], env: [] };
      const pid = port.spawn({ program, fds: [], cwd: '/', group: { kind: 'lead' } });
      const state = () => { try { return fs.readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1][0]; } catch { return 'gone'; } };
      while (state() !== 'Z') await new Promise((resolve) => setImmediate(resolve));
      // Let the SIGCHLD be handled before anyone waits.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      await port.childEvent();
      console.log(JSON.stringify(port.waitpid(pid, ${EXITS})));
    `);
    expect(JSON.parse(out)).toEqual({ kind: 'exited', code: 0 });
  });

  it('sees the exit of each of 200 children that end together, with no timer to rescue it', () => {
    const out = runScript(`
      const port = new LinuxPort({ blockingWait: false });
      const [r, w] = port.pipe();
      const program = { kind: 'exec', path: '/bin/sh', argv: ['sh', '-c', 'read x; exit 7'], env: [] };
      const pids = new Set();
      for (let i = 0; i < 200; i++) pids.add(port.spawn({ program, fds: [r], cwd: '/', group: { kind: 'lead' } }));
      port.close(r);
      port.close(w); // all of them see end of file at once
      let codes = 0;
      while (pids.size > 0) {
        for (const pid of [...pids]) {
          const s = port.waitpid(pid, ${EXITS});
          if (s !== null) { pids.delete(pid); if (s.code === 7) codes++; }
        }
        if (pids.size > 0) await port.childEvent();
      }
      console.log(codes);
    `);
    expect(Number(out)).toBe(200);
  });
});
