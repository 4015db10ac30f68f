// Process groups, sessions, the controlling terminal and its foreground group, with the shell
// itself as the example: a pipeline is one group, fg hands it the terminal, ^Z stops it whole.

import { SIG } from '../../os/signals.js';
import type { SimEvent } from '../../os/sim/events.js';
import type { Lab } from '../types.js';
import { deliveries, ofKind, ttyDecisions } from '../query.js';

const stoppedByTstp = (events: readonly SimEvent[]) => deliveries(events, SIG.TSTP, 'stopped').map((e) => e.to);

export const pgrp: Lab = {
  name: 'pgrp',
  title: 'Process groups, sessions and the foreground group',
  summary: 'a pipeline is one process group; fg gives it the terminal; ^Z stops the whole group',
  doc: 'docs/labs/pgrp.md',
  steps: [
    { input: { keys: 'sleep 100 | cat &\r', say: 'Start a two-process pipeline in the background: one job, one process group.' } },
    { input: { keys: 'ps -o pid,ppid,pgid,sid,tpgid,stat,comm\r', say: 'Compare PGID, SID and TPGID: sleep and cat share a group; ps is the foreground group.' } },
    { input: { keys: 'fg\r', say: "Bring the job to the foreground: the shell makes its group the terminal's foreground group." } },
    {
      input: { keys: '\x1a', say: 'Press ^Z: the terminal driver sends SIGTSTP to the foreground group.' },
      predict: {
        question: 'Which processes does ^Z stop?',
        choices: ['only sleep', 'only cat', 'both sleep and cat', 'the shell'],
        answer: (events) => {
          const names = new Set(stoppedByTstp(events).map((w) => w.comm));
          return names.has('sleep') && names.has('cat') ? 2 : names.has('sleep') ? 0 : names.has('cat') ? 1 : null;
        },
        why: '^Z sends SIGTSTP to every member of the foreground process group [K3.1]; each one stops [R4.5], and the shell takes the terminal back [B10.4].',
      },
    },
    { input: { keys: 'jobs -l\r', say: 'List the job with its process ids: it is stopped.' } },
    { input: { keys: 'kill %1\r', say: 'Kill the stopped job: the shell sends SIGTERM to the group, then SIGCONT so it can die.' } },
  ],
  outcomes: [
    {
      says: 'sleep and cat are in one process group, led by sleep',
      rules: ['B10.3'],
      holds: (events) => {
        const moves = ofKind(events, 'setpgid').filter((e) => e.who.comm === 'sleep' || e.who.comm === 'cat');
        const sleep = moves.find((e) => e.who.comm === 'sleep');
        return sleep !== undefined && moves.some((e) => e.who.comm === 'cat') && moves.every((e) => e.pgid === sleep.who.pid);
      },
    },
    {
      says: '^Z stops both members of the foreground group',
      rules: ['K3.1', 'R4.5'],
      holds: (events) => new Set(stoppedByTstp(events).map((w) => w.comm)).size === 2,
    },
    {
      says: 'fg makes the job the foreground group, and the shell takes the terminal back after ^Z',
      rules: ['B10.4'],
      holds: (events) => {
        const fg = ttyDecisions(events, 'foreground').map((e) => e.pgid);
        const job = ofKind(events, 'setpgid').find((e) => e.who.comm === 'sleep')?.pgid;
        const at = fg.lastIndexOf(job ?? -1);
        return at >= 0 && fg.slice(at + 1).includes(100);
      },
    },
    {
      says: 'kill %1 sends SIGTERM then SIGCONT to the stopped job, and it dies of SIGTERM',
      rules: ['B10.6', 'G4.6'],
      holds: (events) => {
        const toSleep = ofKind(events, 'signal').filter((e) => e.to.comm === 'sleep' && e.by === 'kill').map((e) => e.signal);
        return toSleep.slice(-2).join(',') === `${SIG.TERM},${SIG.CONT}` && deliveries(events, SIG.TERM, 'terminated').some((e) => e.to.comm === 'sleep');
      },
    },
  ],
};
