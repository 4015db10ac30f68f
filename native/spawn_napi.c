/* spawn(opts): the N-API side of starting a child. It turns the JS options into a
 * jcsh_spawn_req (every allocation happens here, in the parent, before any fork) and hands
 * it to child.c, where all the code that runs in the child lives.
 *
 * opts: { path: string, argv: string[], envp: string[] | Uint8Array, fds: number[], cwd: string,
 *         pgid?: number | null   (absent/null: stay in our group; 0: lead a new group;
 *                                 N > 0: join group N),
 *         ttyfd?: number          (make the child's group the foreground group of this tty),
 *         useFork?: boolean }     (force the fallback: a stack mapped for this spawn and
 *                                  dispositions queried signal by signal, for its tests)
 * envp may be one Uint8Array of NUL-terminated "NAME=value" strings: the shell builds it once
 * per change of its environment, and it is read in place (no copy, one N-API call instead of
 * two per variable), which matters at a thousand spawns a second.
 * Returns the pid. */
#include "addon.h"
#include "child.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LAST_SIGNAL 64

struct spawn_args {
  char *path, *cwd;
  char **argv, **envp;
  /* envp points into a JS buffer: free the array, not the strings. */
  int envp_borrowed;
  int *fds, *temps;
  int nfds;
  sigset_t sigignore, sigdefault;
};

static void free_args(struct spawn_args *a) {
  free(a->path);
  free(a->cwd);
  jcsh_free_strings(a->argv);
  if (a->envp_borrowed) free(a->envp);
  else jcsh_free_strings(a->envp);
  free(a->fds);
  free(a->temps);
}

/* Points a NULL-terminated array at the strings of a block of NUL-terminated strings. */
static int split_env_block(napi_env env, napi_value v, struct spawn_args *a) {
  void *data;
  size_t len;
  if (!jcsh_get_bytes(env, v, "opts.envp", &data, &len)) return 0;
  char *block = data;
  if (len > 0 && block[len - 1] != '\0') {
    jcsh_throw_type(env, "opts.envp (each string NUL-terminated)");
    return 0;
  }
  size_t count = 0;
  for (size_t i = 0; i < len; i++) count += block[i] == '\0';
  char **list = calloc(count + 1, sizeof *list);
  if (!list) {
    jcsh_throw_errno(env, ENOMEM, "malloc");
    return 0;
  }
  for (size_t i = 0, n = 0; i < len; i += strlen(block + i) + 1) list[n++] = block + i;
  a->envp = list;
  a->envp_borrowed = 1;
  return 1;
}

static int read_env(napi_env env, napi_value opts, struct spawn_args *a) {
  napi_value v = jcsh_prop(env, opts, "envp");
  bool is_typed = false;
  napi_is_typedarray(env, v, &is_typed);
  if (is_typed) return split_env_block(env, v, a);
  return jcsh_get_strings(env, v, "opts.envp", &a->envp);
}

static int alloc_temps(napi_env env, struct spawn_args *a) {
  a->temps = calloc((size_t)a->nfds + 1, sizeof *a->temps);
  if (!a->temps) jcsh_throw_errno(env, ENOMEM, "malloc");
  return a->temps != NULL;
}

/* Ignored in the child: what the shell inherited as ignored, and what the request adds.
 * Reset to SIG_DFL: every other signal. */
static int read_signals(napi_env env, napi_value opts, struct spawn_args *a) {
  napi_value v = jcsh_prop(env, opts, "ignore");
  int *sigs = NULL, n = 0;
  if (!jcsh_is_nullish(env, v) && !jcsh_get_ints(env, v, "opts.ignore", &sigs, &n)) return 0;
  a->sigignore = *jcsh_inherited_ignored();
  for (int i = 0; i < n; i++) {
    if (sigs[i] < 1 || sigs[i] > LAST_SIGNAL || sigs[i] == SIGKILL || sigs[i] == SIGSTOP) {
      free(sigs);
      jcsh_throw_errno(env, EINVAL, "sigaction");
      return 0;
    }
    sigaddset(&a->sigignore, sigs[i]);
  }
  free(sigs);
  sigfillset(&a->sigdefault);
  for (int sig = 1; sig <= LAST_SIGNAL; sig++)
    if (sigismember(&a->sigignore, sig) == 1) sigdelset(&a->sigdefault, sig);
  return 1;
}

static int read_args(napi_env env, napi_value opts, struct spawn_args *a) {
  return jcsh_get_string(env, jcsh_prop(env, opts, "path"), "opts.path", &a->path) &&
         jcsh_get_string(env, jcsh_prop(env, opts, "cwd"), "opts.cwd", &a->cwd) &&
         jcsh_get_strings(env, jcsh_prop(env, opts, "argv"), "opts.argv", &a->argv) &&
         read_env(env, opts, a) &&
         jcsh_get_ints(env, jcsh_prop(env, opts, "fds"), "opts.fds", &a->fds, &a->nfds) &&
         alloc_temps(env, a) && read_signals(env, opts, a);
}

static int read_optional_int(napi_env env, napi_value opts, const char *name, int *out, int *present) {
  napi_value v = jcsh_prop(env, opts, name);
  *present = !jcsh_is_nullish(env, v);
  return !*present || jcsh_get_int(env, v, name, out);
}

static int read_group(napi_env env, napi_value opts, struct jcsh_spawn_req *req) {
  int pgid = 0, present;
  if (!read_optional_int(env, opts, "pgid", &pgid, &present)) return 0;
  if (present && pgid < 0) {
    jcsh_throw_errno(env, EINVAL, "setpgid");
    return 0;
  }
  req->group = !present ? JCSH_GROUP_INHERIT : pgid == 0 ? JCSH_GROUP_LEAD : JCSH_GROUP_JOIN;
  req->pgid = pgid;
  return 1;
}

static int read_flags(napi_env env, napi_value opts, struct jcsh_spawn_req *req) {
  int ttyfd = -1, present, use_fork = 0;
  if (!read_optional_int(env, opts, "ttyfd", &ttyfd, &present)) return 0;
  napi_value v = jcsh_prop(env, opts, "useFork");
  if (!jcsh_is_nullish(env, v) && !jcsh_get_bool(env, v, "opts.useFork", &use_fork)) return 0;
  req->ttyfd = present ? ttyfd : -1;
  req->use_fork = use_fork;
  return 1;
}

/* The parent's half of bash's double setpgid. The child has already exec'd (EACCES: the parent
 * resumes only then) and had joined its group itself before that, or the spawn would have
 * failed; so every error here is ignorable. */
/* What spawn and exec share: the program, its fds, directory and signal plan (owned by `a`). */
static void take_args(struct jcsh_spawn_req *req, struct spawn_args *a) {
  req->path = a->path;
  req->argv = a->argv;
  req->envp = a->envp;
  req->fds = a->fds;
  req->nfds = a->nfds;
  req->temps = a->temps;
  req->cwd = a->cwd;
  req->sigignore = &a->sigignore;
  req->sigdefault = &a->sigdefault;
}

static void parent_setpgid(const struct jcsh_spawn_req *req, pid_t pid) {
  if (req->group == JCSH_GROUP_INHERIT) return;
  (void)setpgid(pid, req->group == JCSH_GROUP_JOIN ? req->pgid : pid);
}

/* The one argument of spawn and exec: an options object (else a TypeError, and 0). */
static int opts_arg(napi_env env, napi_callback_info info, napi_value argv[1]) {
  napi_valuetype type;
  if (!jcsh_args(env, info, 1, argv)) return 0;
  napi_typeof(env, argv[0], &type);
  if (type == napi_object) return 1;
  jcsh_throw_type(env, "opts");
  return 0;
}

napi_value jcsh_napi_spawn(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!opts_arg(env, info, argv)) return NULL;

  struct spawn_args a = {0};
  struct jcsh_spawn_req req = {0};
  napi_value result = NULL;
  if (read_args(env, argv[0], &a) && read_group(env, argv[0], &req) && read_flags(env, argv[0], &req)) {
    pid_t pid = -1;
    take_args(&req, &a);
    int err = jcsh_spawn(&req, &pid);
    if (err) {
      jcsh_throw_errno(env, err, "spawn");
    } else {
      parent_setpgid(&req, pid);
      result = jcsh_int(env, pid);
    }
  }
  free_args(&a);
  return result;
}

/* exec(opts): execve in this process, with spawn's path, argv, envp, fds and cwd (exec.c).
 * Returns nothing when it fails, having thrown the errno; on success it never returns. */
napi_value jcsh_napi_exec(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!opts_arg(env, info, argv)) return NULL;

  struct spawn_args a = {0};
  struct jcsh_spawn_req req = {0};
  if (read_args(env, argv[0], &a)) {
    take_args(&req, &a);
    req.ttyfd = -1;
    jcsh_throw_errno(env, jcsh_exec_self(&req), "execve");
  }
  free_args(&a);
  return NULL;
}

napi_value jcsh_napi_spawn_method(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int with_tty = 0;
  if (!jcsh_args(env, info, 1, argv)) return NULL;
  if (!jcsh_is_nullish(env, argv[0]) && !jcsh_get_bool(env, argv[0], "withTty", &with_tty)) return NULL;
  return jcsh_str(env, jcsh_spawn_method(with_tty));
}
