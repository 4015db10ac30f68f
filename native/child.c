/* child.c: every piece of code that runs in a new child before it execs lives in this file.
 *
 * There are two ways a child is made, and both obey the same rules:
 *  - posix_spawn (glibc >= 2.35): glibc clones with CLONE_VM|CLONE_VFORK and runs the
 *    attributes and file actions described below in the child; we only describe them.
 *  - fork+exec (older C libraries): child_after_fork() below runs in the child itself.
 *
 * Rules for code that runs in the child between fork and exec:
 *  1. Only async-signal-safe calls, in practice raw system calls (sigaction, setpgid,
 *     tcsetpgrp, dup2, fcntl, close, chdir, execve, write, _exit). Node is multithreaded: the
 *     child is a copy of one thread of a process whose other threads may have held the malloc
 *     lock or the stdio locks at the moment of fork. So: no malloc, no stdio, no locks, no
 *     N-API, no errno-to-text. Everything the child needs (argv, envp, the fd plan) is built
 *     by the parent before forking, and an error is sent back as a bare int over a pipe.
 *  2. Every signal is blocked from just before fork until just before exec. Until the
 *     dispositions are reset, a signal would run one of Node's (libuv's) handlers in the
 *     child, and libuv's handler writes to a pipe it shares with the parent: the parent's
 *     event loop would see a signal that never reached it. glibc's posix_spawn does the same.
 *  3. SETSIGDEF for every signal 1..64 except the ones the shell inherited as ignored:
 *     dispositions set to SIG_IGN survive exec, and Node ignores SIGPIPE and SIGXFSZ while a
 *     job-control shell ignores INT, QUIT, TSTP, TTIN and TTOU. Without the reset `yes | head`
 *     would print "Broken pipe" and ^Z would not stop anything. Signals the shell's own parent
 *     ignored stay ignored (nohup), as in bash.
 *     glibc's posix_spawn sets its two internal signals (32 and 33, which sigaddset refuses)
 *     to SIG_IGN in the child unless they are in the SETSIGDEF set, and SIG_IGN would then
 *     survive exec; so their bits are put in the set directly (with_internal_signals).
 *  4. An empty signal mask at exec: the mask survives exec too, and Node's threads may run
 *     with signals blocked; a program must start with nothing blocked.
 *  5. The child joins its process group itself (setpgid(0, pgid)), and the parent does the
 *     same afterwards: whichever runs first, the group exists before the parent signals it or
 *     gives it the terminal. With posix_spawn the parent only resumes after the exec, so its
 *     call is a formality that fails with EACCES, which the caller ignores.
 *  6. tcsetpgrp happens in the child, right after setpgid and before the job's program runs,
 *     so that a foreground job never runs a moment in the background (bash does this). The
 *     child's group is not the foreground group yet, so the kernel would send it SIGTTOU; with
 *     every signal still blocked the call proceeds instead (a blocked SIGTTOU lets it pass).
 *     It is the first file action, before the fd shuffle can overwrite the terminal fd.
 *  7. The fd map is applied overlap-safely: every source is first duplicated to a fresh fd
 *     above all sources and all targets, then each is dup2'd down to its target. So swaps
 *     (0<->1) and one source used for several targets work, and dup2 clears close-on-exec
 *     (Node opens everything, fds 0-2 included, with O_CLOEXEC: see trap 1). Then every fd
 *     from nfds upwards is closed, so the child has exactly the fds it was given.
 */
#define _GNU_SOURCE
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29))
#define HAVE_ADDCHDIR_NP 1
#endif
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#define HAVE_ADDCLOSEFROM_NP 1
#define HAVE_ADDTCSETPGRP_NP 1
#endif
#if defined(HAVE_ADDCHDIR_NP) && defined(HAVE_ADDCLOSEFROM_NP)
#define HAVE_SPAWN_NP 1
#endif

#define LAST_SIGNAL 64

/* First fd of the temporary copies: above every source and every target. */
static int temp_base(const struct jcsh_spawn_req *req) {
  int base = req->nfds;
  for (int i = 0; i < req->nfds; i++)
    if (req->fds[i] >= base) base = req->fds[i] + 1;
  return base;
}

static int use_posix_spawn(const struct jcsh_spawn_req *req) {
#ifdef HAVE_SPAWN_NP
  if (req->use_fork) return 0;
#ifdef HAVE_ADDTCSETPGRP_NP
  return 1;
#else
  return req->ttyfd < 0;
#endif
#else
  (void)req;
  return 0;
#endif
}

const char *jcsh_spawn_method(int with_tty) {
  struct jcsh_spawn_req req = {0};
  req.ttyfd = with_tty ? 0 : -1;
  return use_posix_spawn(&req) ? "posix_spawn" : "fork";
}

/* ---- posix_spawn: the child's work described as attributes and file actions ---------------- */

#ifdef HAVE_SPAWN_NP
/* glibc's SIGCANCEL and SIGSETXID: bits of sigset_t set by hand, as sigaddset refuses them. */
static void with_internal_signals(sigset_t *set) {
  const int bits = 8 * sizeof(unsigned long);
  for (int sig = 32; sig <= 33; sig++)
    set->__val[(sig - 1) / bits] |= 1UL << ((sig - 1) % bits);
}

static int describe_attrs(const struct jcsh_spawn_req *req, posix_spawnattr_t *attr) {
  sigset_t empty, sigdefault = *req->sigdefault;
  with_internal_signals(&sigdefault);
  short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
  int err = 0;
  sigemptyset(&empty);
  if (req->group != JCSH_GROUP_INHERIT) {
    flags |= POSIX_SPAWN_SETPGROUP;
    err = posix_spawnattr_setpgroup(attr, req->group == JCSH_GROUP_JOIN ? req->pgid : 0);
  }
  if (!err) err = posix_spawnattr_setsigdefault(attr, &sigdefault);
  if (!err) err = posix_spawnattr_setsigmask(attr, &empty);
  if (!err) err = posix_spawnattr_setflags(attr, flags);
  return err;
}

static int describe_fds(const struct jcsh_spawn_req *req, posix_spawn_file_actions_t *fa) {
  int base = temp_base(req);
  int err = 0;
#ifdef HAVE_ADDTCSETPGRP_NP
  if (req->ttyfd >= 0) err = posix_spawn_file_actions_addtcsetpgrp_np(fa, req->ttyfd);
#endif
  for (int i = 0; i < req->nfds && !err; i++)
    if (req->fds[i] >= 0) err = posix_spawn_file_actions_adddup2(fa, req->fds[i], base + i);
  for (int i = 0; i < req->nfds && !err; i++)
    err = req->fds[i] >= 0 ? posix_spawn_file_actions_adddup2(fa, base + i, i)
                           : posix_spawn_file_actions_addclose(fa, i);
  if (!err) err = posix_spawn_file_actions_addchdir_np(fa, req->cwd);
  if (!err) err = posix_spawn_file_actions_addclosefrom_np(fa, req->nfds);
  return err;
}

static int spawn_posix(const struct jcsh_spawn_req *req, pid_t *pid) {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t fa;
  int err = posix_spawnattr_init(&attr);
  if (err) return err;
  err = posix_spawn_file_actions_init(&fa);
  if (err) {
    posix_spawnattr_destroy(&attr);
    return err;
  }
  err = describe_attrs(req, &attr);
  if (!err) err = describe_fds(req, &fa);
  if (!err) err = posix_spawn(pid, req->path, &fa, &attr, req->argv, req->envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return err;
}
#endif

/* ---- fork+exec: the same work done by hand ------------------------------------------------- */

static void close_range_from(int from, int to) {
#ifdef SYS_close_range
  if (syscall(SYS_close_range, (unsigned)from, (unsigned)to, 0) == 0) return;
#endif
  struct rlimit rl;
  int limit = 65536;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) limit = (int)rl.rlim_cur;
  if (to >= limit) to = limit - 1;
  for (int fd = from; fd <= to; fd++) close(fd);
}

/* Sends errno to the parent and dies; never returns. */
static void child_fail(int errfd) {
  int err = errno;
  while (write(errfd, &err, sizeof err) < 0 && errno == EINTR) {}
  _exit(127);
}

/* Runs in the child, with every signal blocked. Async-signal-safe calls only (see top). */
static void child_after_fork(const struct jcsh_spawn_req *req, int errpipe) {
  int base = temp_base(req);
  /* Keep the error pipe above the temporaries so that no dup2 below can land on it. */
  int errfd = fcntl(errpipe, F_DUPFD_CLOEXEC, base + req->nfds);
  if (errfd < 0) child_fail(errpipe);

  struct sigaction dfl = {0};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) != 0) continue; /* SIGKILL, SIGSTOP, libc-internal ones */
    int handled = (old.sa_flags & SA_SIGINFO) || (old.sa_handler != SIG_IGN && old.sa_handler != SIG_DFL);
    if (handled || sigismember(req->sigdefault, sig) == 1) sigaction(sig, &dfl, NULL);
  }
  if (req->group != JCSH_GROUP_INHERIT &&
      setpgid(0, req->group == JCSH_GROUP_JOIN ? req->pgid : 0) != 0)
    child_fail(errfd);
  if (req->ttyfd >= 0 && tcsetpgrp(req->ttyfd, getpgrp()) != 0) child_fail(errfd);

  for (int i = 0; i < req->nfds; i++)
    if (req->fds[i] >= 0 && dup2(req->fds[i], base + i) < 0) child_fail(errfd);
  for (int i = 0; i < req->nfds; i++) {
    if (req->fds[i] < 0) close(i);
    else if (dup2(base + i, i) < 0) child_fail(errfd);
  }
  if (chdir(req->cwd) != 0) child_fail(errfd);
  close_range_from(req->nfds, errfd - 1);
  close_range_from(errfd + 1, ~0U >> 1);

  sigset_t empty;
  sigemptyset(&empty);
  sigprocmask(SIG_SETMASK, &empty, NULL);
  execve(req->path, req->argv, req->envp);
  child_fail(errfd);
}

/* Parent side: returns the child's errno from the pipe, or 0 once the exec closed it. */
static int await_exec(int errpipe, pid_t pid) {
  int err = 0;
  ssize_t n;
  do n = read(errpipe, &err, sizeof err);
  while (n < 0 && errno == EINTR);
  if (n != (ssize_t)sizeof err) return 0;
  while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
  return err;
}

static int spawn_fork(const struct jcsh_spawn_req *req, pid_t *pid) {
  int errpipe[2];
  sigset_t all, old;
  if (pipe2(errpipe, O_CLOEXEC) != 0) return errno;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid_t child = fork();
  if (child == 0) child_after_fork(req, errpipe[1]);
  int fork_err = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  close(errpipe[1]);
  int err = child < 0 ? fork_err : await_exec(errpipe[0], child);
  close(errpipe[0]);
  if (!err) *pid = child;
  return err;
}

int jcsh_spawn(const struct jcsh_spawn_req *req, pid_t *pid) {
#ifdef HAVE_SPAWN_NP
  if (use_posix_spawn(req)) return spawn_posix(req, pid);
#endif
  return spawn_fork(req, pid);
}
