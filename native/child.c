/* child.c: every piece of code that runs in a new child before it execs lives in this file.
 *
 * A child is made the way glibc's posix_spawn and dash's vfork make one: clone(CLONE_VM |
 * CLONE_VFORK | SIGCHLD). The child shares the parent's memory and runs on a stack of its own
 * until execve; the parent thread is suspended until the child has exec'd or died, so a real
 * fork() (copying the page tables of a large Node process) would only double the cost. The
 * child writes only its own stack and the `err` field of its context, which is how a failure
 * (of execve or of any step before it) reaches the parent: no error pipe is needed.
 * We do not use posix_spawn: per spawn it maps and unmaps a child stack (the munmap shoots down
 * TLBs on every CPU that runs one of Node's threads), calls getdtablesize() for every file
 * action, and resets all 64 signals in the child; and it cannot start a child with a signal
 * ignored that the shell catches. One system call costs 1-2.5 us on the machines we measured.
 *
 * The stack. One stack, mapped once for the life of the process (64 KiB, with a PROT_NONE guard
 * page below it so that an overflow faults instead of writing the parent's memory), serves
 * every spawn. Spawns are synchronous, so two never use it at once on one thread; a spawn from
 * a second thread (a worker that loaded the addon) finds it taken (an atomic flag) and maps a
 * stack of its own for that spawn. The forced fallback (`use_fork`, for tests) takes that path.
 *
 * The dispositions are planned by the parent. The child must touch only the signals whose
 * disposition differs from what it should start with: the caught ones (execve would reset
 * them, but not before a signal could run a Node handler in the child: see rule 2), those the
 * shell ignores that the child must not, and those the child must ignore that the shell does
 * not. Which signals the shell ignores and catches is read with one pread of
 * /proc/self/status (SigIgn, SigCgt; an fd kept open): a few us, against ~1 us per
 * rt_sigaction for 64 queries. Where /proc cannot be read, and on the forced fallback, the
 * parent asks rt_sigaction about each signal instead. Only the main thread installs handlers
 * (Node, libuv), and it is the thread spawning, so the plan cannot go stale before the clone.
 *
 * Rules for code that runs in the child between clone and exec:
 *  1. Only async-signal-safe calls, in practice raw system calls (rt_sigaction, setpgid,
 *     setsid, ioctl, tcsetpgrp, dup2, fcntl, close, chdir, execve, _exit). Node is multithreaded: the
 *     child is a copy of one thread of a process whose other threads may hold the malloc
 *     lock or the stdio locks, and it shares the parent's memory and its thread pointer. So:
 *     no malloc, no stdio, no locks, no N-API, no errno-to-text. Everything the child needs
 *     (argv, envp, the fd plan, the signal plan) is built by the parent before the clone. The
 *     addon is linked with -z now, so no call from the child goes through the lazy binder.
 *  2. Every signal, glibc's internal 32 and 33 included, is blocked (a raw rt_sigprocmask:
 *     pthread_sigmask would leave those two open) from just before the clone until just
 *     before exec. Until the dispositions are reset, a signal would run one of Node's
 *     (libuv's) handlers in the child, and libuv's handler writes to a pipe it shares with the
 *     parent: the parent's event loop would see a signal that never reached it.
 *  3. Dispositions, set first: SIG_IGN for the signals of `sigignore` (those the shell
 *     inherited as ignored, nohup's SIGHUP, plus what the request asks, SIGINT and SIGQUIT of a
 *     background command without job control), SIG_DFL for every other one, 32 and 33 included
 *     (set with a raw rt_sigaction: glibc's sigaction refuses them). Dispositions set to SIG_IGN
 *     survive exec, and Node ignores SIGPIPE and SIGXFSZ while a job-control shell ignores
 *     INT, QUIT, TSTP, TTIN and TTOU: without the reset `yes | head` would print "Broken
 *     pipe" and ^Z would not stop anything.
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
 *     It comes before the fd shuffle, which could overwrite the terminal fd.
 *     A child that starts a session of its own (the UI's engine, started by jcsh-launch)
 *     calls setsid and takes ttyfd as its controlling terminal with TIOCSCTTY instead: a new
 *     session's leader is then the terminal's foreground group without any tcsetpgrp.
 *  7. The fd map is applied overlap-safely. A source that is itself a target number (below
 *     nfds) but not its own target is first duplicated to a temporary fd; then each target is
 *     dup2'd from its source (or temporary), and a target that is its own source only loses
 *     close-on-exec (Node opens everything, fds 0-2 included, with O_CLOEXEC: see trap 1). So
 *     swaps (0<->1) and one source used for several targets work. The temporaries are the
 *     lowest numbers from nfds up that are no source (plan_temps): never a target, never a
 *     source not yet copied, and low, so a shell whose own fds sit just below the fd limit
 *     (`ulimit -n 64`) still finds room; dup2 onto a number the child happens to have open
 *     only closes the child's copy. Then every fd from nfds upwards is closed, so the child
 *     has exactly the fds it was given.
 */
#define _GNU_SOURCE
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define LAST_SIGNAL 64
/* The child runs a few small frames and the libc wrappers of system calls. */
#define CHILD_STACK (64 * 1024)
/* Bit sig-1 stands for signal sig: the kernel's 64-signal set, as rt_sig* and /proc use it. */
typedef uint64_t sigbits;
#define BIT(sig) ((sigbits)1 << ((sig) - 1))
#define UNSETTABLE (BIT(SIGKILL) | BIT(SIGSTOP))

/* The kernel's struct sigaction for SIG_DFL and SIG_IGN: the handler first, then flags,
 * (restorer,) mask, all zero; the layout of every architecture but mips, alpha and sparc. */
struct ksigaction {
  void (*handler)(int);
  unsigned long rest[3];
};
#if defined(__mips__) || defined(__alpha__) || defined(__sparc__)
#error "struct ksigaction: this architecture's kernel sigaction has another layout"
#endif

/* What the clone child reads (request, plan) and writes (err), in the parent's memory. */
struct child_ctx {
  const struct jcsh_spawn_req *req;
  sigbits to_default, to_ignore;
  volatile int err;
};

static long set_mask(sigbits set, sigbits *old) {
  return syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, old, sizeof set);
}

/* ---- in the parent: the plan ------------------------------------------------------------- */

static int is_source(const struct jcsh_spawn_req *req, int fd) {
  for (int i = 0; i < req->nfds; i++)
    if (req->fds[i] == fd) return 1;
  return 0;
}

/* The temporary fd of each source that is a target number but not its own; -1: none (rule 7). */
static void plan_temps(const struct jcsh_spawn_req *req) {
  int next = req->nfds;
  for (int i = 0; i < req->nfds; i++) {
    int src = req->fds[i];
    req->temps[i] = -1;
    if (src < 0 || src == i || src >= req->nfds) continue;
    while (is_source(req, next)) next++;
    req->temps[i] = next++;
  }
}

static int hex_after(const char *text, const char *key, sigbits *out) {
  const char *at = strstr(text, key);
  if (!at) return 0;
  sigbits v = 0;
  int digits = 0;
  for (at += strlen(key); *at == '\t' || *at == ' '; at++) {}
  for (;; at++, digits++) {
    int d = *at >= '0' && *at <= '9' ? *at - '0' : *at >= 'a' && *at <= 'f' ? *at - 'a' + 10 : -1;
    if (d < 0) break;
    v = v << 4 | (sigbits)d;
  }
  *out = v;
  return digits > 0;
}

static int read_status(int fd, sigbits *ignored, sigbits *caught) {
  char text[4096];
  ssize_t n = pread(fd, text, sizeof text - 1, 0);
  if (n <= 0) return 0;
  text[n] = '\0';
  return hex_after(text, "SigIgn:", ignored) && hex_after(text, "SigCgt:", caught);
}

/* SigIgn and SigCgt of this process, from an fd on /proc/self/status kept open. Main-path
 * only: its callers hold the shared stack, so one thread at a time opens and reads it. An fd
 * that stops answering (closed behind our back) is forgotten, not closed: its number may be
 * someone else's by now. */
static int dispositions_from_proc(sigbits *ignored, sigbits *caught) {
  static int fd = -1;
  if (fd >= 0 && read_status(fd, ignored, caught)) return 1;
  fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  return fd >= 0 && read_status(fd, ignored, caught);
}

static void dispositions_by_query(sigbits *ignored, sigbits *caught) {
  *ignored = *caught = 0;
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    struct ksigaction old = {0};
    if (syscall(SYS_rt_sigaction, sig, NULL, &old, sizeof(sigbits)) != 0) continue;
    if (old.handler == SIG_IGN) *ignored |= BIT(sig);
    else if (old.handler != SIG_DFL) *caught |= BIT(sig);
  }
}

/* Which signals the child sets to SIG_DFL and which to SIG_IGN (rule 3). */
static void plan_signals(struct child_ctx *ctx, int by_query) {
  sigbits ignored, caught, want_ignored = 0;
  if (by_query || !dispositions_from_proc(&ignored, &caught)) dispositions_by_query(&ignored, &caught);
  for (int sig = 1; sig <= LAST_SIGNAL; sig++)
    if (sig != 32 && sig != 33 && sigismember(ctx->req->sigignore, sig) == 1) want_ignored |= BIT(sig);
  ctx->to_ignore = want_ignored & ~ignored & ~UNSETTABLE;
  ctx->to_default = ~want_ignored & (ignored | caught) & ~UNSETTABLE;
}

/* ---- in the child ------------------------------------------------------------------------ */

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

static void child_dispositions(const struct child_ctx *ctx) {
  struct ksigaction dfl = {0}, ign = {0};
  dfl.handler = SIG_DFL;
  ign.handler = SIG_IGN;
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    if (ctx->to_default & BIT(sig)) syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof(sigbits));
    else if (ctx->to_ignore & BIT(sig)) syscall(SYS_rt_sigaction, sig, &ign, NULL, sizeof(sigbits));
  }
}

static void child_fds(struct child_ctx *ctx) {
  const struct jcsh_spawn_req *req = ctx->req;
  for (int i = 0; i < req->nfds; i++)
    if (req->temps[i] >= 0 && dup2(req->fds[i], req->temps[i]) < 0) child_fail(ctx);
  for (int i = 0; i < req->nfds; i++) {
    int src = req->temps[i] >= 0 ? req->temps[i] : req->fds[i];
    if (src < 0) close(i);
    else if (src == i ? fcntl(i, F_SETFD, 0) < 0 : dup2(src, i) < 0) child_fail(ctx);
  }
}

/* Runs in the child, with every signal blocked. Async-signal-safe calls only (see top). */
static int child_main(void *arg) {
  struct child_ctx *ctx = arg;
  const struct jcsh_spawn_req *req = ctx->req;
  child_dispositions(ctx);
  if (req->group == JCSH_GROUP_SESSION) {
    if (setsid() < 0 || ioctl(req->ttyfd, TIOCSCTTY, 0) != 0) child_fail(ctx);
  } else {
    if (req->group != JCSH_GROUP_INHERIT &&
        setpgid(0, req->group == JCSH_GROUP_JOIN ? req->pgid : 0) != 0)
      child_fail(ctx);
    if (req->ttyfd >= 0 &&
        tcsetpgrp(req->ttyfd, req->group == JCSH_GROUP_JOIN ? req->pgid : getpgrp()) != 0)
      child_fail(ctx);
  }
  child_fds(ctx);
  if (chdir(req->cwd) != 0) child_fail(ctx);
  close_from(req->nfds);
  set_mask(0, NULL);
  execve(req->path, req->argv, req->envp);
  child_fail(ctx);
  return 127;
}

/* ---- in the parent: the clone -------------------------------------------------------------- */

static size_t guard_size(void) {
  long page = sysconf(_SC_PAGESIZE);
  return page > 0 ? (size_t)page : 4096;
}

/* A stack with a guard page below it; returns its top, or NULL with errno set. */
static char *map_stack(void) {
  const size_t guard = guard_size();
  char *base = mmap(NULL, guard + CHILD_STACK, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) return NULL;
  if (mprotect(base, guard, PROT_NONE) != 0) {
    int err = errno;
    munmap(base, guard + CHILD_STACK);
    errno = err;
    return NULL;
  }
  return base + guard + CHILD_STACK;
}

static int clone_child(struct child_ctx *ctx, char *stack_top, pid_t *pid) {
  sigbits old;
  set_mask(~(sigbits)0, &old);
  /* Returns once the child has exec'd or died (CLONE_VFORK). */
  pid_t child = clone(child_main, stack_top, CLONE_VM | CLONE_VFORK | SIGCHLD, ctx);
  int err = child < 0 ? errno : ctx->err;
  set_mask(old, NULL);
  if (child > 0 && err)
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
  if (!err) *pid = child;
  return err;
}

static atomic_flag shared_busy = ATOMIC_FLAG_INIT;
static char *shared_top;

int jcsh_spawn(const struct jcsh_spawn_req *req, pid_t *pid) {
  struct child_ctx ctx = { req, 0, 0, 0 };
  plan_temps(req);
  int own = req->use_fork || atomic_flag_test_and_set(&shared_busy);
  if (!own && !shared_top && !(shared_top = map_stack())) {
    int err = errno;
    atomic_flag_clear(&shared_busy);
    return err;
  }
  plan_signals(&ctx, own);
  char *top = own ? map_stack() : shared_top;
  int err = top ? clone_child(&ctx, top, pid) : errno;
  if (own && top) munmap(top - CHILD_STACK - guard_size(), guard_size() + CHILD_STACK);
  else if (!own) atomic_flag_clear(&shared_busy);
  return err;
}

const char *jcsh_spawn_method(int with_tty) {
  (void)with_tty;
  return "clone";
}
