// The simulated stty prints what GNU stty 9.1 prints on the project's real terminals (node-pty
// ptys: hupcl ixany imaxbel iutf8, eol and eol2 0xff), texts taken from the real tool.

import { describe, expect, it } from 'vitest';
import type { Program } from '../../../src/os/sim/types.js';
import * as sys from '../../../src/os/sim/sys.js';
import { PROGRAMS } from '../../../src/os/sim/programs/index.js';
import { displayAll, modesOf } from '../../../src/os/sim/programs/stty-modes.js';
import { exited, run } from './run.js';

const ALL_80 = `speed 38400 baud; rows 24; columns 80; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = M-^?; eol2 = M-^?;
swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R; werase = ^W;
lnext = ^V; discard = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 hupcl -cstopb cread -clocal -crtscts
-ignbrk brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff
-iuclc ixany imaxbel iutf8
opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`;

const SHORT_HEAD = 'speed 38400 baud; line = 0;\neol = M-^?; eol2 = M-^?;\n';

const sh = (line: string) => run(['/bin/sh', '-c', line]);

describe('stty', () => {
  it('prints the settings that differ from sane, as GNU stty on a fresh terminal', async () => {
    const r = await run(['/bin/stty']);
    expect(r.out).toBe(`${SHORT_HEAD}ixany iutf8\n`);
    expect(r.status).toEqual(exited(0));
  });

  it('prints every setting with -a, rows and columns from the window size', async () => {
    expect((await run(['/bin/stty', '-a'])).out).toBe(ALL_80);
  });

  it('wraps -a at the width of its standard output as GNU stty does (real stty at 20 and 100 columns)', () => {
    const sane = modesOf({ ...SANE_TERMIOS });
    const flags = { ...sane.flags, hupcl: false, brkint: false, imaxbel: false, ixany: false, iutf8: false };
    const chars = { ...sane.chars, eol: 0, eol2: 0 };
    const text = displayAll({ ...sane, flags, chars }, { rows: 30, cols: 100 }, 100);
    expect(text).toBe(`speed 38400 baud; rows 30; columns 100; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>; eol2 = <undef>;
swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R; werase = ^W; lnext = ^V; discard = ^O;
min = 1; time = 0;
-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff -iuclc -ixany -imaxbel
-iutf8
opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt echoctl echoke -flusho
-extproc
`);
    expect(displayAll({ ...sane, flags, chars }, { rows: 5, cols: 20 }, 20).split('\n').slice(0, 6)).toEqual([
      'speed 38400 baud;', 'rows 5; columns 20;', 'line = 0;', 'intr = ^C; quit = ^\\;', 'erase = ^?;', 'kill = ^U; eof = ^D;',
    ]);
  });

  it('sets and shows tostop, -echo, -icanon, -isig, -echoctl and noflsh', async () => {
    expect((await sh('stty tostop; stty')).out).toBe(`${SHORT_HEAD}ixany iutf8\ntostop\n`);
    expect((await sh('stty -echo; stty')).out).toBe(`${SHORT_HEAD}ixany iutf8\n-echo\n`);
    expect((await sh('stty -icanon; stty')).out).toBe('speed 38400 baud; line = 0;\neol = M-^?; eol2 = M-^?; min = 1; time = 0;\nixany iutf8\n-icanon\n');
    expect((await sh('stty -isig -echoctl noflsh; stty')).out).toBe(`${SHORT_HEAD}ixany iutf8\n-isig noflsh -echoctl\n`);
  });

  it('raw clears every input flag and opost; sane puts everything back to sane', async () => {
    expect((await sh('stty raw; stty; stty sane; stty')).out).toBe(
      'speed 38400 baud; line = 0;\neol = M-^?; eol2 = M-^?; min = 1; time = 0;\n-brkint -icrnl -imaxbel\n-opost\n-isig -icanon\nspeed 38400 baud; line = 0;\n',
    );
    const all = (await sh('stty raw; stty -a')).out;
    expect(all).toContain('-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr -icrnl -ixon -ixoff\n-iuclc -ixany -imaxbel -iutf8\n-opost -olcuc');
    expect(all).toContain('-isig -icanon iexten echo');
    expect((await sh('stty raw; stty cooked; stty')).out).toContain('speed 38400 baud; line = 0;\n');
  });

  it('sets control characters', async () => {
    expect((await sh('stty intr ^X erase ^H; stty')).out).toBe('speed 38400 baud; line = 0;\nintr = ^X; erase = ^H; eol = M-^?; eol2 = M-^?;\nixany iutf8\n');
  });

  it('rejects a bad operand in two lines with status 1, and modes with -a in one', async () => {
    const r = await run(['stty', 'foo']);
    expect(r.out).toBe("stty: invalid argument 'foo'\nTry 'stty --help' for more information.\n");
    expect(r.status).toEqual(exited(1));
    const both = await run(['stty', '-a', 'tostop']);
    expect(both.out).toBe('stty: when specifying an output style, modes may not be set\n');
    expect(both.status).toEqual(exited(1));
  });

  it('sets rows and columns and prints them with size', async () => {
    expect((await sh('stty rows 5 cols 20; stty size')).out).toBe('5 20\n');
  });

  it('is stopped by SIGTTOU when it sets modes from a background group (W2.3, S2-b: tcsetattr is checked whatever TOSTOP says)', async () => {
    // A parent that runs stty in a group of its own, without giving it the terminal.
    const background: Program = function* () {
      const pid = yield* sys.fork(function* () {
        yield* sys.setpgid(0, 0);
        const e = yield* sys.execve('/bin/stty', ['stty', 'tostop']);
        return e instanceof sys.SysError ? 127 : 0;
      });
      if (pid instanceof sys.SysError) return 1;
      yield* sys.setpgid(pid, pid);
      const r = yield* sys.waitpid(pid, { untraced: true });
      if (r instanceof sys.SysError || r === 0) return 1;
      yield* sys.write(1, `${r.status.kind} ${r.status.kind === 'stopped' ? r.status.signal : ''}\n`);
      yield* sys.kill(pid, 9);
      return 0;
    };
    const programs = new Map([...PROGRAMS, ['/bin/bgstty', background]]);
    expect((await run(['/bin/bgstty'], { programs })).out).toBe('stopped 22\n');
  });
});

const SANE_TERMIOS = {
  isig: true, icanon: true, echo: true, echoe: true, echok: true, echoctl: true, noflsh: false, tostop: false,
  onlcr: true, icrnl: true,
  cc: { intr: 3, quit: 28, susp: 26, eof: 4, erase: 127, kill: 21, werase: 23, min: 1, time: 0 },
};
