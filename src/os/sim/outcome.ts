// What a system call's handler can answer besides a result: "asleep, try again when woken", or
// "a job-control signal was sent: deliver it, then enter the call again from the start" (the
// kernel's -ERESTARTSYS after SIGTTIN/SIGTTOU, rule R1.4c).

export const BLOCK: unique symbol = Symbol('block');
export const RESTART: unique symbol = Symbol('restart');

export type Outcome<T> = T | typeof BLOCK | typeof RESTART;
