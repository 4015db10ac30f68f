/* exec.c: execve in the shell's own process, for the `exec` builtin (`exec cmd`: the same pid
 * runs cmd). The new program must start as a spawned child would (child.c's rules 3, 4, 7):
 * every signal at SIG_DFL except those the shell inherited as ignored, an empty mask, exactly
 * the fds of the request, the shell's cwd. Unlike a child, this process must survive a failed
 * execve (ENOENT, EACCES, ENOEXEC: the shell reports it and goes on, or runs the file with sh),
 * so every change is recorded and undone on failure: the old dispositions, the old fds 0..nfds-1
 * (duplicated above them first), the old cwd (an O_PATH fd). Every other fd is made
 * close-on-exec rather than closed, which the shell does not mind if it goes on. Node's other
 * threads vanish at a successful execve; signals are blocked while the dispositions change, so
 * no Node handler runs with half of them reset. */
#define _GNU_SOURCE
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

#define LAST_SIGNAL 64
typedef uint64_t sigbits;

/* The kernel's struct sigaction (handler, flags, restorer, mask): saved and put back whole. */
struct ksigaction {
  void (*handler)(int);
  unsigned long rest[3];
};

struct undo {
  struct ksigaction old[LAST_SIGNAL + 1];
  sigbits changed, mask;
  int cwd, shuffled;
  int saved[JCSH_EXEC_MAX_FDS]; /* a copy of fd i before the shuffle; -1: it was closed */
  int cloexec[JCSH_EXEC_MAX_FDS];
};

static long set_mask(sigbits set, sigbits *old) {
  return syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, old, sizeof set);
}

static void reset_dispositions(const struct jcsh_spawn_req *req, struct undo *u) {
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    struct ksigaction want = {0};
    want.handler = sigismember(req->sigignore, sig) == 1 ? SIG_IGN : SIG_DFL;
    if (syscall(SYS_rt_sigaction, sig, NULL, &u->old[sig], sizeof(sigbits)) != 0) continue;
    if (u->old[sig].handler == want.handler) continue;
    if (syscall(SYS_rt_sigaction, sig, &want, NULL, sizeof(sigbits)) == 0) u->changed |= (sigbits)1 << (sig - 1);
  }
}

static void restore_dispositions(const struct undo *u) {
  for (int sig = 1; sig <= LAST_SIGNAL; sig++)
    if (u->changed & ((sigbits)1 << (sig - 1))) syscall(SYS_rt_sigaction, sig, &u->old[sig], NULL, sizeof(sigbits));
}

/* Copies of the sources above every target first, so that swaps (1<->2) work; then dup2. */
static int shuffle_fds(const struct jcsh_spawn_req *req, struct undo *u) {
  int n = req->nfds;
  for (int i = 0; i < n; i++) {
    int flags = fcntl(i, F_GETFD);
    u->cloexec[i] = flags >= 0 && (flags & FD_CLOEXEC);
    u->saved[i] = flags < 0 ? -1 : fcntl(i, F_DUPFD_CLOEXEC, n);
    req->temps[i] = req->fds[i] < 0 ? -1 : fcntl(req->fds[i], F_DUPFD_CLOEXEC, n);
    if (req->fds[i] >= 0 && req->temps[i] < 0) return errno;
    if (flags >= 0 && u->saved[i] < 0) return errno;
  }
  /* from here on fds 0..n-1 change, and a failure puts them back */
  u->shuffled = 1;
  for (int i = 0; i < n; i++) {
    if (req->temps[i] < 0) close(i);
    else if (dup2(req->temps[i], i) < 0) return errno;
  }
  return 0;
}

static void restore_fds(const struct jcsh_spawn_req *req, struct undo *u) {
  for (int i = 0; i < req->nfds; i++) {
    if (u->saved[i] >= 0) dup3(u->saved[i], i, u->cloexec[i] ? O_CLOEXEC : 0);
    else close(i);
  }
}

static void close_copies(const struct jcsh_spawn_req *req, struct undo *u) {
  for (int i = 0; i < req->nfds; i++) {
    if (u->saved[i] >= 0) close(u->saved[i]);
    if (req->temps[i] >= 0) close(req->temps[i]);
  }
}

static void cloexec_from(int from) {
#ifdef SYS_close_range
  if (syscall(SYS_close_range, (unsigned)from, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return;
#endif
  struct rlimit rl;
  int limit = 65536;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) limit = (int)rl.rlim_cur;
  for (int fd = from; fd < limit; fd++) {
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0 && !(flags & FD_CLOEXEC)) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
  }
}

int jcsh_exec_self(const struct jcsh_spawn_req *req) {
  if (req->nfds > JCSH_EXEC_MAX_FDS) return EMFILE;
  static struct undo u;
  u.changed = 0;
  u.shuffled = 0;
  for (int i = 0; i < req->nfds; i++) u.saved[i] = req->temps[i] = -1;
  u.cwd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
  set_mask(~(sigbits)0, &u.mask);
  reset_dispositions(req, &u);
  int err = shuffle_fds(req, &u);
  if (!err && chdir(req->cwd) != 0) err = errno;
  if (!err) {
    cloexec_from(req->nfds);
    set_mask(0, NULL);
    execve(req->path, req->argv, req->envp);
    err = errno;
    set_mask(~(sigbits)0, NULL);
  }
  if (u.shuffled) restore_fds(req, &u);
  close_copies(req, &u);
  if (u.cwd >= 0) {
    if (fchdir(u.cwd) != 0) { /* the old cwd is gone: nothing to go back to */ }
    close(u.cwd);
  }
  restore_dispositions(&u);
  set_mask(u.mask, NULL);
  return err;
}
