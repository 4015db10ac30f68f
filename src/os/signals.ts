// Linux signal numbers and glibc's strsignal() texts: the shell's job messages are these
// texts verbatim (bash prints strsignal), so they are data here, not something to compute.

export interface SignalInfo {
  readonly number: number;
  /** Name without the SIG prefix, as `kill -l` prints it. */
  readonly name: string;
  /** glibc strsignal() text. */
  readonly text: string;
}

const TABLE: readonly SignalInfo[] = [
  { number: 1, name: 'HUP', text: 'Hangup' },
  { number: 2, name: 'INT', text: 'Interrupt' },
  { number: 3, name: 'QUIT', text: 'Quit' },
  { number: 4, name: 'ILL', text: 'Illegal instruction' },
  { number: 5, name: 'TRAP', text: 'Trace/breakpoint trap' },
  { number: 6, name: 'ABRT', text: 'Aborted' },
  { number: 7, name: 'BUS', text: 'Bus error' },
  { number: 8, name: 'FPE', text: 'Floating point exception' },
  { number: 9, name: 'KILL', text: 'Killed' },
  { number: 10, name: 'USR1', text: 'User defined signal 1' },
  { number: 11, name: 'SEGV', text: 'Segmentation fault' },
  { number: 12, name: 'USR2', text: 'User defined signal 2' },
  { number: 13, name: 'PIPE', text: 'Broken pipe' },
  { number: 14, name: 'ALRM', text: 'Alarm clock' },
  { number: 15, name: 'TERM', text: 'Terminated' },
  { number: 16, name: 'STKFLT', text: 'Stack fault' },
  { number: 17, name: 'CHLD', text: 'Child exited' },
  { number: 18, name: 'CONT', text: 'Continued' },
  { number: 19, name: 'STOP', text: 'Stopped (signal)' },
  { number: 20, name: 'TSTP', text: 'Stopped' },
  { number: 21, name: 'TTIN', text: 'Stopped (tty input)' },
  { number: 22, name: 'TTOU', text: 'Stopped (tty output)' },
  { number: 23, name: 'URG', text: 'Urgent I/O condition' },
  { number: 24, name: 'XCPU', text: 'CPU time limit exceeded' },
  { number: 25, name: 'XFSZ', text: 'File size limit exceeded' },
  { number: 26, name: 'VTALRM', text: 'Virtual timer expired' },
  { number: 27, name: 'PROF', text: 'Profiling timer expired' },
  { number: 28, name: 'WINCH', text: 'Window changed' },
  { number: 29, name: 'IO', text: 'I/O possible' },
  { number: 30, name: 'PWR', text: 'Power failure' },
  { number: 31, name: 'SYS', text: 'Bad system call' },
];

export const SIGNALS: readonly SignalInfo[] = TABLE;

export const SIG = {
  HUP: 1, INT: 2, QUIT: 3, KILL: 9, PIPE: 13, TERM: 15, CHLD: 17, CONT: 18,
  STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, WINCH: 28,
} as const;

/** Real-time signals as bash lists them in `kill -l`. */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

const byNumber = new Map(TABLE.map((s) => [s.number, s]));
const byName = new Map(TABLE.map((s) => [s.name, s]));

/** The strsignal() text, or glibc's fallback wording for numbers it has no name for. */
export function signalText(n: number): string {
  const s = byNumber.get(n);
  if (s) return s.text;
  if (n >= SIGRTMIN && n <= SIGRTMAX) return `Real-time signal ${n - SIGRTMIN}`;
  return `Unknown signal ${n}`;
}

/** Name without SIG, as bash's `kill -l N` prints it (RTMIN+n / RTMAX-n for real-time ones). */
export function signalName(n: number): string | undefined {
  const s = byNumber.get(n);
  if (s) return s.name;
  if (n === SIGRTMIN) return 'RTMIN';
  if (n === SIGRTMAX) return 'RTMAX';
  if (n > SIGRTMIN && n < SIGRTMAX) {
    return n - SIGRTMIN <= 15 ? `RTMIN+${n - SIGRTMIN}` : `RTMAX-${SIGRTMAX - n}`;
  }
  return undefined;
}

/**
 * Parses a signal spec the way bash's kill does: a number, a name with or without SIG,
 * in any case. Returns undefined for an invalid spec. 0 is the null signal.
 */
export function parseSignal(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n >= 0 && n <= SIGRTMAX ? n : undefined;
  }
  let name = spec.toUpperCase();
  if (name.startsWith('SIG')) name = name.slice(3);
  const s = byName.get(name);
  if (s) return s.number;
  if (name === 'IOT') return 6;
  if (name === 'POLL') return 29;
  if (name === 'CLD') return 17;
  const rt = /^RTM(IN|AX)(?:([+-])(\d+))?$/.exec(name);
  if (rt) {
    const base = rt[1] === 'IN' ? SIGRTMIN : SIGRTMAX;
    const off = rt[3] ? Number(rt[3]) * (rt[2] === '-' ? -1 : 1) : 0;
    const n = base + off;
    return n >= SIGRTMIN && n <= SIGRTMAX ? n : undefined;
  }
  return undefined;
}

export function isStopSignal(n: number): boolean {
  return n === SIG.STOP || n === SIG.TSTP || n === SIG.TTIN || n === SIG.TTOU;
}
