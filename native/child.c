/* child.c: every piece of code that runs in a new child before it execs lives in this file.
 *
 * There are two ways a child is made, and both obey the same rules:
 *  - posix_spawn (glibc >= 2.35): glibc clones with CLONE_VM|CLONE_VFORK and runs the
 *    attributes and file actions described below in the child; we only describe them.
 *  - clone+exec, the fallback (older C libraries, and requests posix_spawn cannot express):
 *    child_after_clone() below runs in the child itself. Like glibc, the child is a
 *    clone(CLONE_VM|CLONE_VFORK) on a stack of its own: copying the page tables of a large
 *    Node process for a real fork() would double the cost of a spawn, and the parent thread
 *    is suspended until the exec anyway. The child writes only its own stack and the `err`
 *    field of its context, which is how a failure reaches the parent.
 *
 * Rules for code that runs in the child between clone and exec:
 *  1. Only async-signal-safe calls, in practice raw system calls (sigaction, setpgid,
 *     tcsetpgrp, dup2, fcntl, close, chdir, execve, _exit). Node is multithreaded: the
 *     child is a copy of one thread of a process whose other threads may hold the malloc
 *     lock or the stdio locks, and it shares the parent's memory. So: no malloc, no stdio,
 *     no locks, no N-API, no errno-to-text. Everything the child needs (argv, envp, the fd
 *     plan) is built by the parent before the clone.
 *  2. Every signal is blocked from just before the clone until just before exec. Until the
 *     dispositions are reset, a signal would run one of Node's (libuv's) handlers in the
 *     child, and libuv's handler writes to a pipe it shares with the parent: the parent's
 *     event loop would see a signal that never reached it. glibc's posix_spawn does the same.
 *  3. Dispositions: SIG_IGN for the signals of `sigignore` (those the shell inherited as
 *     ignored, nohup's SIGHUP, plus what the request asks, SIGINT and SIGQUIT of a background
 *     command without job control), SIG_DFL for every other one. Dispositions set to SIG_IGN
 *     survive exec, and Node ignores SIGPIPE and SIGXFSZ while a job-control shell ignores
 *     INT, QUIT, TSTP, TTIN and TTOU: without the reset `yes | head` would print "Broken
 *     pipe" and ^Z would not stop anything. posix_spawn can reset to SIG_DFL (SETSIGDEF) but
 *     cannot set SIG_IGN: a signal stays ignored only if the shell ignores it at that moment
 *     (a caught one goes to SIG_DFL). Requests that need more take the clone path.
 *     glibc's posix_spawn sets its two internal signals (32 and 33, which sigaddset refuses)
 *     to SIG_IGN in the child unless they are in the SETSIGDEF set, and SIG_IGN would then
 *     survive exec; so their bits are put in the set directly (with_internal_signals).
 *  4. An empty signal mask at exec: the mask survives exec too, and Node's threads may run
 *     with signals blocked; a program must start with nothing blocked.
 *  5. The child joins its process group itself (setpgid(0, pgid)), and the parent does the
 *     same afterwards: whichever runs first, the group exists before the parent signals it or
 *     gives it the terminal. The parent only resumes after the exec, so its call is a
 *     formality that fails with EACCES, which the caller ignores.
 *  6. tcsetpgrp happens in the child, right after setpgid and before the job's program runs,
 *     so that a foreground job never runs a moment in the background (bash does this). The
 *     child's group is not the foreground group yet, so the kernel would send it SIGTTOU; with
 *     every signal still blocked the call proceeds instead (a blocked SIGTTOU lets it pass).
 *     It is the first file action, before the fd shuffle can overwrite the terminal fd.
 *  7. The fd map is applied overlap-safely: every source is first duplicated to a temporary
 *     fd, then each is dup2'd down to its target. So swaps (0<->1) and one source used for
 *     several targets work, and dup2 clears close-on-exec (Node opens everything, fds 0-2
 *     included, with O_CLOEXEC: see trap 1). The temporaries are the lowest numbers from
 *     nfds up that are no source (plan_temps): never a target, never a source not yet
 *     copied, and low, so a shell whose own fds sit just below the fd limit (`ulimit -n 64`)
 *     still finds room; dup2 onto a number the child happens to have open only closes the
 *     child's copy. Then every fd from nfds upwards is closed, so the child has exactly the
 *     fds it was given.
 */
#define _GNU_SOURCE
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
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
/* The clone child's stack: it runs a few small frames and the libc wrappers of syscalls. */
#define CHILD_STACK (64 * 1024)

static int is_source(const struct jcsh_spawn_req *req, int fd) {
  for (int i = 0; i < req->nfds; i++)
    if (req->fds[i] == fd) return 1;
  return 0;
}

/* Runs in the parent: the temporary fd of each mapped source (rule 7). */
static void plan_temps(const struct jcsh_spawn_req *req) {
  int next = req->nfds;
  for (int i = 0; i < req->nfds; i++) {
    if (req->fds[i] < 0) continue;
    while (is_source(req, next)) next++;
    req->temps[i] = next++;
  }
}

/* A signal of sigignore that posix_spawn would not leave ignored (rule 3). */
static int needs_clone_for_ignore(const struct jcsh_spawn_req *req) {
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    if (sigismember(req->sigignore, sig) != 1) continue;
    struct sigaction now;
    if (sigaction(sig, NULL, &now) != 0) continue;
    if ((now.sa_flags & SA_SIGINFO) || now.sa_handler != SIG_IGN) return 1;
  }
  return 0;
}

static int can_posix_spawn(int use_fork, int with_tty) {
#ifdef HAVE_SPAWN_NP
  if (use_fork) return 0;
#ifdef HAVE_ADDTCSETPGRP_NP
  (void)with_tty;
  return 1;
#else
  return !with_tty;
#endif
#else
  (void)use_fork;
  (void)with_tty;
  return 0;
#endif
}

const char *jcsh_spawn_method(int with_tty) {
  return can_posix_spawn(0, with_tty) ? "posix_spawn" : "fork";
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
  int err = 0;
#ifdef HAVE_ADDTCSETPGRP_NP
  if (req->ttyfd >= 0) err = posix_spawn_file_actions_addtcsetpgrp_np(fa, req->ttyfd);
#endif
  for (int i = 0; i < req->nfds && !err; i++)
    if (req->fds[i] >= 0) err = posix_spawn_file_actions_adddup2(fa, req->fds[i], req->temps[i]);
  for (int i = 0; i < req->nfds && !err; i++)
    err = req->fds[i] >= 0 ? posix_spawn_file_actions_adddup2(fa, req->temps[i], i)
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

/* ---- clone+exec: the same work done by hand ------------------------------------------------ */

/* What the clone child reads (the request) and writes (err), in the parent's memory. */
struct child_ctx {
  const struct jcsh_spawn_req *req;
  volatile int err;
};

static void close_from(int from) {
#ifdef SYS_close_range
  if (syscall(SYS_close_range, (unsigned)from, ~0U, 0) == 0) return;
#endif
  struct rlimit rl;
  int limit = 65536;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) limit = (int)rl.rlim_cur;
  for (int fd = from; fd < limit; fd++) close(fd);
}

/* Hands errno to the parent and dies; never returns. */
static void child_fail(struct child_ctx *ctx) {
  ctx->err = errno ? errno : EINVAL;
  _exit(127);
}

static void child_dispositions(const struct jcsh_spawn_req *req) {
  struct sigaction dfl = {0}, ign = {0};
  dfl.sa_handler = SIG_DFL;
  ign.sa_handler = SIG_IGN;
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) != 0) continue; /* SIGKILL, SIGSTOP, libc-internal ones */
    int handled = (old.sa_flags & SA_SIGINFO) || (old.sa_handler != SIG_IGN && old.sa_handler != SIG_DFL);
    if (sigismember(req->sigignore, sig) == 1) sigaction(sig, &ign, NULL);
    else if (handled || sigismember(req->sigdefault, sig) == 1) sigaction(sig, &dfl, NULL);
  }
}

/* Runs in the child, with every signal blocked. Async-signal-safe calls only (see top). */
static int child_after_clone(void *arg) {
  struct child_ctx *ctx = arg;
  const struct jcsh_spawn_req *req = ctx->req;
  child_dispositions(req);
  if (req->group != JCSH_GROUP_INHERIT &&
      setpgid(0, req->group == JCSH_GROUP_JOIN ? req->pgid : 0) != 0)
    child_fail(ctx);
  if (req->ttyfd >= 0 && tcsetpgrp(req->ttyfd, getpgrp()) != 0) child_fail(ctx);

  for (int i = 0; i < req->nfds; i++)
    if (req->fds[i] >= 0 && dup2(req->fds[i], req->temps[i]) < 0) child_fail(ctx);
  for (int i = 0; i < req->nfds; i++) {
    if (req->fds[i] < 0) close(i);
    else if (dup2(req->temps[i], i) < 0) child_fail(ctx);
  }
  if (chdir(req->cwd) != 0) child_fail(ctx);
  close_from(req->nfds);

  sigset_t empty;
  sigemptyset(&empty);
  sigprocmask(SIG_SETMASK, &empty, NULL);
  execve(req->path, req->argv, req->envp);
  child_fail(ctx);
  return 127;
}

static int spawn_clone(const struct jcsh_spawn_req *req, pid_t *pid) {
  struct child_ctx ctx = { req, 0 };
  char *stack = mmap(NULL, CHILD_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (stack == MAP_FAILED) return errno;
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  /* Returns once the child has exec'd or exited (CLONE_VFORK). */
  pid_t child = clone(child_after_clone, stack + CHILD_STACK, CLONE_VM | CLONE_VFORK | SIGCHLD, &ctx);
  int clone_err = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  munmap(stack, CHILD_STACK);
  if (child < 0) return clone_err;
  if (ctx.err) {
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
    return ctx.err;
  }
  *pid = child;
  return 0;
}

int jcsh_spawn(const struct jcsh_spawn_req *req, pid_t *pid) {
  plan_temps(req);
#ifdef HAVE_SPAWN_NP
  if (can_posix_spawn(req->use_fork, req->ttyfd >= 0) && !needs_clone_for_ignore(req))
    return spawn_posix(req, pid);
#endif
  return spawn_clone(req, pid);
}
