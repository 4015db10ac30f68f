// LinuxPort.countSignal: how a shell waiting in a blocking waitpid learns that it got SIGINT
// (issue 11 item 3). The count is current as soon as the signal is delivered, the blocking
// wait goes on through it, and stop() puts the old disposition back.

import { describe, expect, it } from 'vitest';
import { LinuxPort } from '../../src/os/linux/port.js';
const USR1 = 10;
const USR2 = 12;

describe('LinuxPort.countSignal', () => {
  it('counts arrivals at once, without any turn of the event loop', () => {
    const port = new LinuxPort({ blockingWait: true });
    const before = port.countSignal(USR1);
    try {
      expect(before.count()).toBe(0);
      port.kill(port.getpid(), USR1);
      port.kill(port.getpid(), USR1);
      expect(before.count()).toBe(2);
    } finally {
      before.stop();
    }
  });

  it('lets a blocking waitpid go on through the signal', () => {
    const port = new LinuxPort({ blockingWait: true });
    const count = port.countSignal(USR1);
    try {
      // The child signals the shell, then exits 7 a moment later: the wait must see the exit.
      const child = port.spawn({
        program: { kind: 'exec', path: '/bin/sh', argv: ['sh', '-c', `kill -USR1 ${port.getpid()}; sleep 0.2; exit 7`], env: [] },
        fds: [-1, -1, 2], cwd: '/', group: { kind: 'inherit' },
      });
      expect(port.waitpidBlocking(child, { untraced: false, continued: false })).toEqual({ kind: 'exited', code: 7 });
      expect(count.count()).toBe(1);
    } finally {
      count.stop();
    }
  });

  it('stop() puts back the disposition it replaced; a second count of the same signal is refused', () => {
    const port = new LinuxPort({ blockingWait: true });
    port.setSignalAction(USR2, 'ignore');
    const count = port.countSignal(USR2);
    expect(() => port.countSignal(USR2)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    count.stop();
    count.stop();
    // Still ignored: a USR2 now must not kill the test process.
    port.kill(port.getpid(), USR2);
    expect(count.count()).toBe(0);
    port.setSignalAction(USR2, 'default');
  });
});
