// SimPort: the same OS-interface contract the Linux port passes, on the simulated kernel. The
// clock is manual, so `sleep 30` never ends by itself, as on Linux within a test's time.

import { Machine } from '../../src/os/sim/machine.js';
import { SimPort } from '../../src/os/sim/port.js';
import { PROGRAMS } from '../../src/os/sim/programs/index.js';
import type { Program } from '../../src/os/port.js';
import { portContract } from './contract.js';

let machine: Machine;
let scratch = 0;

portContract({
  name: 'the simulated kernel',
  makePort() {
    machine = new Machine({ clock: { kind: 'manual' }, programs: PROGRAMS, dirs: ['/home/user'] });
    const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env: ['PATH=/bin:/usr/bin'], cwd: '/home/user', onExit: () => {} });
    return new SimPort(machine.kernel, proc, { hostname: 'sim', username: 'user', uid: 1000, home: '/home/user' });
  },
  exec(argv: readonly string[], env: readonly string[] = []): Program {
    const name = argv[0]!;
    return { kind: 'exec', path: name.startsWith('/') ? name : `/usr/bin/${name}`, argv, env };
  },
  tmpdir() {
    const dir = `/tmp/scratch${++scratch}`;
    machine.kernel.fs.mkdirp(dir);
    return dir;
  },
  processState(pid: number) {
    const p = machine.kernel.procs.get(pid);
    if (!p) return 'gone';
    if (p.state === 'Z') return 'zombie';
    if (p.state === 'T') return 'stopped';
    return 'alive';
  },
});
