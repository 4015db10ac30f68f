/* How a child process is made: the request, in plain C types, that addon.c builds from the
 * JS arguments (all memory allocated by the caller, before anything forks). */
#ifndef JCSH_CHILD_H
#define JCSH_CHILD_H

#include <signal.h>
#include <sys/types.h>

/* How the process group of the child is chosen. SESSION: a new session (setsid) whose
 * controlling terminal is ttyfd (TIOCSCTTY), as a terminal emulator starts its shell. */
enum jcsh_group { JCSH_GROUP_INHERIT, JCSH_GROUP_LEAD, JCSH_GROUP_JOIN, JCSH_GROUP_SESSION };

struct jcsh_spawn_req {
  const char *path;     /* already resolved; execve semantics (no PATH search) */
  char *const *argv;    /* NULL-terminated */
  char *const *envp;    /* NULL-terminated */
  const int *fds;       /* child fd i <- parent fd fds[i]; -1 = closed in the child */
  int nfds;             /* the child has exactly fds 0..nfds-1 (those not -1) */
  int *temps;           /* nfds ints of scratch for the fd shuffle, filled by jcsh_spawn */
  const char *cwd;
  enum jcsh_group group;
  pid_t pgid;           /* for JCSH_GROUP_JOIN */
  int ttyfd;            /* >= 0: make the child's group the foreground group of this tty
                           (for JCSH_GROUP_SESSION: the terminal the new session takes) */
  const sigset_t *sigignore;  /* signals the child starts with SIG_IGN */
  const sigset_t *sigdefault; /* signals reset to SIG_DFL: every other one */
  int use_fork;         /* force the fallback: a stack of its own, dispositions queried (tests) */
};

/* Starts the child. Returns 0 and sets *pid, or returns an errno value (the exec or setup
 * failure seen by the child, or a failure to create it). A child that failed has been reaped. */
int jcsh_spawn(const struct jcsh_spawn_req *req, pid_t *pid);

/* The largest fd map jcsh_exec_self takes. */
#define JCSH_EXEC_MAX_FDS 1024

/* execve in this very process with the request's path, argv, envp, fds, cwd and sigignore (its
 * group, ttyfd and temps scratch aside). Returns only on failure, with the errno value, having
 * put back the fds, the cwd and the dispositions it changed (exec.c). */
int jcsh_exec_self(const struct jcsh_spawn_req *req);

/* Which mechanism jcsh_spawn uses ("clone": clone(CLONE_VM|CLONE_VFORK), see child.c). */
const char *jcsh_spawn_method(int with_tty);

#endif
