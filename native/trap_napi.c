/* Signals the shell traps (XCU 2.14 trap). A trap's action runs at a safe point of the
 * executor, never inside the handler, so the handler only records the arrival and wakes the
 * event loop:
 *  - the count is readable at once (caughtSignals), so `kill -USR1 $$` is seen before the next
 *    command, and a blocking waitpid (SA_RESTART) goes on until the job ends, as bash runs a
 *    trap once the foreground job is over;
 *  - uv_async_send, which libuv documents as async-signal-safe, runs the JS listener on the
 *    loop, so a shell asleep in `wait` or at a prompt wakes up (a JS listener of Node's would
 *    run only on a later turn, and could not be read synchronously).
 * The first trap on a signal saves the disposition it replaces (SIG_DFL, SIG_IGN or one of
 * Node's listeners); releasing the trap puts it back. */
#include "addon.h"

#include <errno.h>
#include <string.h>
#include <uv.h>

#define LAST_SIGNAL 64

/* Atomics, not a blocked mask: another thread of the process may take the signal while the
 * main thread reads the counts. */
static int caught_counts[LAST_SIGNAL + 1];
static int caught_any;
static struct sigaction trapped_before[LAST_SIGNAL + 1];
static int trapped[LAST_SIGNAL + 1];

static uv_async_t wake_handle;
static int wake_ready;
static napi_env wake_env;
static napi_ref wake_listener;
static napi_async_context wake_context;

static void trap_signal(int sig) {
  int saved = errno;
  __atomic_fetch_add(&caught_counts[sig], 1, __ATOMIC_SEQ_CST);
  __atomic_store_n(&caught_any, 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n(&wake_ready, __ATOMIC_SEQ_CST)) uv_async_send(&wake_handle);
  errno = saved;
}

static void on_wake(uv_async_t *handle) {
  (void)handle;
  if (wake_listener == NULL) return;
  napi_handle_scope scope;
  if (napi_open_handle_scope(wake_env, &scope) != napi_ok) return;
  napi_value fn, recv, result;
  if (napi_get_reference_value(wake_env, wake_listener, &fn) == napi_ok && napi_get_global(wake_env, &recv) == napi_ok) {
    /* make_callback runs the microtasks the listener queued, as Node does after an event. */
    if (napi_make_callback(wake_env, wake_context, recv, fn, 0, NULL, &result) == napi_pending_exception) {
      napi_value error;
      napi_get_and_clear_last_exception(wake_env, &error);
      napi_fatal_exception(wake_env, error);
    }
  }
  napi_close_handle_scope(wake_env, scope);
}

static int read_trap_signal(napi_env env, napi_value v, int *sig) {
  if (!jcsh_get_int(env, v, "signal", sig)) return 0;
  if (*sig < 1 || *sig > LAST_SIGNAL || *sig == SIGKILL || *sig == SIGSTOP) {
    jcsh_throw_errno(env, EINVAL, "sigaction");
    return 0;
  }
  return 1;
}

/* trapSignal(sig, 'catch' | 'ignore' | 'release') */
napi_value jcsh_napi_trap_signal(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  char how[16];
  size_t len;
  int sig;
  if (!jcsh_args(env, info, 2, argv) || !read_trap_signal(env, argv[0], &sig)) return NULL;
  if (napi_get_value_string_utf8(env, argv[1], how, sizeof how, &len) != napi_ok) return jcsh_throw_type(env, "how");
  if (strcmp(how, "release") == 0) {
    if (!trapped[sig]) return jcsh_undefined(env);
    trapped[sig] = 0;
    if (sigaction(sig, &trapped_before[sig], NULL) != 0) return jcsh_throw_errno(env, errno, "sigaction");
    return jcsh_undefined(env);
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigfillset(&sa.sa_mask);
  if (strcmp(how, "catch") == 0) {
    sa.sa_handler = trap_signal;
    sa.sa_flags = SA_RESTART;
  } else if (strcmp(how, "ignore") == 0) {
    sa.sa_handler = SIG_IGN;
  } else {
    return jcsh_throw_type(env, "how: 'catch', 'ignore' or 'release'");
  }
  struct sigaction old;
  if (sigaction(sig, &sa, &old) != 0) return jcsh_throw_errno(env, errno, "sigaction");
  if (!trapped[sig]) trapped_before[sig] = old;
  trapped[sig] = 1;
  return jcsh_undefined(env);
}

/* caughtSignals() -> each signal caught since the last call, repeated per arrival, lowest
 * first. Without an arrival it reads one flag and makes no system call. */
napi_value jcsh_napi_caught_signals(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value list;
  napi_create_array(env, &list);
  /* The flag first: an arrival after this point sets it again, so none is lost. */
  if (!__atomic_exchange_n(&caught_any, 0, __ATOMIC_SEQ_CST)) return list;
  uint32_t n = 0;
  for (int sig = 1; sig <= LAST_SIGNAL; sig++) {
    int count = __atomic_exchange_n(&caught_counts[sig], 0, __ATOMIC_SEQ_CST);
    for (int i = 0; i < count; i++) napi_set_element(env, list, n++, jcsh_int(env, sig));
  }
  return list;
}

/* The environment that owns the wake-up is going away (a worker thread ending): the handler
 * stops waking a loop that will not run again. */
static void forget_wake(void *arg) {
  (void)arg;
  __atomic_store_n(&wake_ready, 0, __ATOMIC_SEQ_CST);
  uv_close((uv_handle_t *)&wake_handle, NULL);
  wake_listener = NULL;
}

/* onCaught(listener): listener runs on the event loop after caught signals arrive (once for
 * several that come close together). The wake-up does not keep the loop alive. Only the
 * environment that set the first listener may set another. */
napi_value jcsh_napi_on_caught(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!jcsh_args(env, info, 1, argv)) return NULL;
  napi_valuetype type;
  if (napi_typeof(env, argv[0], &type) != napi_ok || type != napi_function) return jcsh_throw_type(env, "listener");
  if (!wake_ready) {
    uv_loop_t *loop;
    napi_value name, resource;
    if (napi_get_uv_event_loop(env, &loop) != napi_ok) return jcsh_throw_errno(env, EINVAL, "uv_async_init");
    napi_create_string_utf8(env, "jcsh:trap", NAPI_AUTO_LENGTH, &name);
    napi_create_object(env, &resource);
    if (napi_async_init(env, resource, name, &wake_context) != napi_ok) return jcsh_throw_errno(env, EINVAL, "uv_async_init");
    if (uv_async_init(loop, &wake_handle, on_wake) != 0) return jcsh_throw_errno(env, EINVAL, "uv_async_init");
    uv_unref((uv_handle_t *)&wake_handle);
    wake_env = env;
    napi_add_env_cleanup_hook(env, forget_wake, NULL);
    __atomic_store_n(&wake_ready, 1, __ATOMIC_SEQ_CST);
  } else if (env != wake_env) {
    return jcsh_throw_errno(env, EBUSY, "uv_async_init");
  }
  if (wake_listener != NULL) napi_delete_reference(env, wake_listener);
  napi_create_reference(env, argv[0], 1, &wake_listener);
  return jcsh_undefined(env);
}
