/* Process calls Node lacks or hides: process groups, kill, and waitpid for one given child
 * with WUNTRACED/WCONTINUED. There is deliberately no way to wait for "any child": libuv and
 * node-pty reap their own children by pid, and waitpid(-1) would steal them (trap 4). */
#include "addon.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

napi_value jcsh_napi_getpid(napi_env env, napi_callback_info info) {
  (void)info;
  return jcsh_int(env, getpid());
}

napi_value jcsh_napi_getppid(napi_env env, napi_callback_info info) {
  (void)info;
  return jcsh_int(env, getppid());
}

napi_value jcsh_napi_getpgrp(napi_env env, napi_callback_info info) {
  (void)info;
  return jcsh_int(env, getpgrp());
}

/* setpgid(pid, pgid) */
napi_value jcsh_napi_setpgid(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int pid, pgid;
  if (!jcsh_args(env, info, 2, argv) || !jcsh_get_int(env, argv[0], "pid", &pid) ||
      !jcsh_get_int(env, argv[1], "pgid", &pgid))
    return NULL;
  if (setpgid(pid, pgid) != 0) return jcsh_throw_errno(env, errno, "setpgid");
  return jcsh_undefined(env);
}

/* kill(pid, sig) */
napi_value jcsh_napi_kill(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int pid, sig;
  if (!jcsh_args(env, info, 2, argv) || !jcsh_get_int(env, argv[0], "pid", &pid) ||
      !jcsh_get_int(env, argv[1], "signal", &sig))
    return NULL;
  if (kill(pid, sig) != 0) return jcsh_throw_errno(env, errno, "kill");
  return jcsh_undefined(env);
}

static int read_wait_args(napi_env env, napi_callback_info info, int *pid, int *flags) {
  napi_value argv[2];
  if (!jcsh_args(env, info, 2, argv) || !jcsh_get_int(env, argv[0], "pid", pid) ||
      !jcsh_get_int(env, argv[1], "flags", flags))
    return 0;
  if (*pid <= 0) {
    jcsh_throw_errno(env, EINVAL, "waitpid");
    return 0;
  }
  return 1;
}

static napi_value do_waitpid(napi_env env, int pid, int flags) {
  int status = 0;
  pid_t r;
  do r = waitpid(pid, &status, flags);
  while (r < 0 && errno == EINTR);
  if (r < 0) return jcsh_throw_errno(env, errno, "waitpid");
  if (r == 0) return jcsh_null(env);
  return jcsh_int(env, status);
}

/* waitpid(pid, flags | WNOHANG) -> raw status, or null when the child has nothing to report. */
napi_value jcsh_napi_waitpid(napi_env env, napi_callback_info info) {
  int pid, flags;
  if (!read_wait_args(env, info, &pid, &flags)) return NULL;
  return do_waitpid(env, pid, flags | WNOHANG);
}

/* waitpid(pid, flags without WNOHANG) -> raw status; blocks the calling thread. */
napi_value jcsh_napi_waitpid_blocking(napi_env env, napi_callback_info info) {
  int pid, flags;
  if (!read_wait_args(env, info, &pid, &flags)) return NULL;
  return do_waitpid(env, pid, flags & ~WNOHANG);
}

/* waitid(P_ALL, WNOHANG|WNOWAIT) -> the pid of a child with a status change waiting (exit,
 * stop or continue), without collecting it; 0 when there is none. With 1,000 live jobs,
 * polling each pid after every command costs milliseconds; this one call says which child to
 * poll. The pid may be a child of libuv or node-pty (the shell then polls all of its own),
 * and is never 0 while one of ours has something to say. */
napi_value jcsh_napi_pending_child(napi_env env, napi_callback_info info) {
  (void)info;
  siginfo_t si;
  int r;
  si.si_pid = 0;
  do r = waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT);
  while (r < 0 && errno == EINTR);
  if (r < 0 && errno == ECHILD) return jcsh_int(env, 0);
  if (r < 0) return jcsh_throw_errno(env, errno, "waitid");
  return jcsh_int(env, si.si_pid);
}
