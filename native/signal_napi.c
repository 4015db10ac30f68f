/* The shell's own signal dispositions, set natively (trap 5: from JS a signal can only be
 * caught, and removing the last JS listener leaves it at SIG_DFL, never SIG_IGN), and the
 * set of signals that were already ignored when the addon loaded.
 *
 * That set is what children keep ignored (nohup semantics, as bash); every other signal is
 * reset to SIG_DFL in each child. SIGPIPE and SIGXFSZ are left out: Node ignores them itself
 * at startup, so their SIG_IGN says nothing about how the shell was started. Node also resets
 * every other inherited SIG_IGN to SIG_DFL before any of our code runs, so under plain `node`
 * the set is normally empty: bin/jcsh.js starts as a sh script that reads the dispositions
 * from /proc before exec'ing node, and keepIgnored() puts them back. */
#include "addon.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define LAST_SIGNAL 64

static sigset_t inherited_ignored;

void jcsh_snapshot_ignored(void) {
  sigemptyset(&inherited_ignored);
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    struct sigaction old;
    int ignored = sigaction(sig, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
                  old.sa_handler == SIG_IGN && sig != SIGPIPE && sig != SIGXFSZ;
    if (ignored) sigaddset(&inherited_ignored, sig);
  }
}

const sigset_t *jcsh_inherited_ignored(void) {
  return &inherited_ignored;
}

static int read_signal(napi_env env, napi_value v, int *sig) {
  if (!jcsh_get_int(env, v, "signal", sig)) return 0;
  if (*sig < 1 || *sig > LAST_SIGNAL) {
    jcsh_throw_errno(env, EINVAL, "sigaction");
    return 0;
  }
  return 1;
}

/* setSignalAction(sig, 'ignore' | 'default') */
napi_value jcsh_napi_set_signal_action(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  char action[16];
  size_t len;
  int sig;
  if (!jcsh_args(env, info, 2, argv) || !read_signal(env, argv[0], &sig)) return NULL;
  if (napi_get_value_string_utf8(env, argv[1], action, sizeof action, &len) != napi_ok)
    return jcsh_throw_type(env, "action");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  if (strcmp(action, "ignore") == 0) sa.sa_handler = SIG_IGN;
  else if (strcmp(action, "default") == 0) sa.sa_handler = SIG_DFL;
  else return jcsh_throw_type(env, "action: 'ignore' or 'default'");
  if (sigaction(sig, &sa, NULL) != 0) return jcsh_throw_errno(env, errno, "sigaction");
  return jcsh_undefined(env);
}

/* getSignalAction(sig) -> 'ignore' | 'default' | 'handler' */
napi_value jcsh_napi_get_signal_action(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int sig;
  if (!jcsh_args(env, info, 1, argv) || !read_signal(env, argv[0], &sig)) return NULL;
  struct sigaction old;
  if (sigaction(sig, NULL, &old) != 0) return jcsh_throw_errno(env, errno, "sigaction");
  if (old.sa_flags & SA_SIGINFO) return jcsh_str(env, "handler");
  if (old.sa_handler == SIG_IGN) return jcsh_str(env, "ignore");
  if (old.sa_handler == SIG_DFL) return jcsh_str(env, "default");
  return jcsh_str(env, "handler");
}

/* keepIgnored(signals): these were ignored when the shell was started (before Node reset
 * them): ignore them again in the shell, and leave them ignored in every child. */
napi_value jcsh_napi_keep_ignored(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int *sigs, n;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_ints(env, argv[0], "signals", &sigs, &n)) return NULL;
  struct sigaction ign;
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  for (int i = 0; i < n; i++) {
    int sig = sigs[i];
    if (sig < 1 || sig > LAST_SIGNAL || sig == SIGKILL || sig == SIGSTOP) continue;
    if (sigaction(sig, &ign, NULL) != 0) continue; /* libc-internal signals */
    sigaddset(&inherited_ignored, sig);
  }
  free(sigs);
  return jcsh_undefined(env);
}

/* inheritedIgnored() -> number[] */
napi_value jcsh_napi_inherited_ignored(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value list;
  uint32_t n = 0;
  napi_create_array(env, &list);
  for (int sig = 1; sig <= LAST_SIGNAL; sig++)
    if (sigismember(&inherited_ignored, sig) == 1) napi_set_element(env, list, n++, jcsh_int(env, sig));
  return list;
}

/* Counting a signal instead of running a handler: what a shell needs while it blocks in
 * waitpid (bash's wait_sigint_handler). The handler only counts, SA_RESTART lets the wait go
 * on, and the count can be read at once afterwards; a JS listener would only run on a later
 * turn of the event loop. stopCounting puts back the disposition counting replaced. */
static volatile sig_atomic_t signal_counts[LAST_SIGNAL + 1];
static struct sigaction counted_before[LAST_SIGNAL + 1];
static int counting[LAST_SIGNAL + 1];

static void count_signal(int sig) {
  signal_counts[sig]++;
}

/* startCounting(sig): the count starts at 0. */
napi_value jcsh_napi_start_counting(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int sig;
  if (!jcsh_args(env, info, 1, argv) || !read_signal(env, argv[0], &sig)) return NULL;
  if (counting[sig]) return jcsh_throw_errno(env, EBUSY, "sigaction");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = count_signal;
  sa.sa_flags = SA_RESTART;
  sigfillset(&sa.sa_mask);
  signal_counts[sig] = 0;
  if (sigaction(sig, &sa, &counted_before[sig]) != 0) return jcsh_throw_errno(env, errno, "sigaction");
  counting[sig] = 1;
  return jcsh_undefined(env);
}

/* signalCount(sig) -> how many arrived since startCounting */
napi_value jcsh_napi_signal_count(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int sig;
  if (!jcsh_args(env, info, 1, argv) || !read_signal(env, argv[0], &sig)) return NULL;
  return jcsh_int(env, signal_counts[sig]);
}

/* stopCounting(sig): the disposition from before startCounting again. */
napi_value jcsh_napi_stop_counting(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int sig;
  if (!jcsh_args(env, info, 1, argv) || !read_signal(env, argv[0], &sig)) return NULL;
  if (!counting[sig]) return jcsh_undefined(env);
  counting[sig] = 0;
  if (sigaction(sig, &counted_before[sig], NULL) != 0) return jcsh_throw_errno(env, errno, "sigaction");
  return jcsh_undefined(env);
}
