// Errors of simulated system calls. A simulated program gets them back as values, the way a
// C program gets -1 and errno: a failed call is an ordinary outcome (ECHILD from wait, EIO from
// a background read), not an exception.

const REASONS: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes',
  EAGAIN: 'Resource temporarily unavailable',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ENOTTY: 'Inappropriate ioctl for device',
  ETXTBSY: 'Text file busy',
  ESPIPE: 'Illegal seek',
  EPIPE: 'Broken pipe',
  ENOSYS: 'Function not implemented',
};

export type Errno = keyof typeof REASONS;

/** strerror(3) for an errno name. */
export function strerror(errno: string): string {
  return REASONS[errno] ?? errno;
}

/** A failed call: the errno and the call's name (a call the kernel does not model says ENOSYS). */
export class SysError {
  constructor(
    readonly errno: string,
    readonly call: string,
  ) {}

  get reason(): string {
    return strerror(this.errno);
  }

  toString(): string {
    return `${this.call}: ${this.reason}`;
  }
}

export const isError = (v: unknown): v is SysError => v instanceof SysError;
