/* jcsh_native: the N-API module. The boundary is deliberately small and syscall-shaped:
 * numbers, strings, arrays and Buffers in; numbers, null or plain objects out. Every failed
 * system call throws an Error whose .code is the errno name ('ENOENT') and whose .errno is
 * the number, like Node's own errors, so src/os/linux can turn it into an OsError.
 *
 * The calls themselves live one group per file (spawn_napi.c, proc_napi.c, signal_napi.c,
 * trap_napi.c, term_napi.c, fd_napi.c, record_napi.c, ready_napi.c); all code that runs in a child before exec is in
 * child.c, and the exec of the shell process itself (the `exec` builtin) in exec.c. */
#include "addon.h"

#include <pthread.h>
#include <sys/wait.h>

static pthread_once_t snapshot_once = PTHREAD_ONCE_INIT;

static void export_constants(napi_env env, napi_value exports) {
  jcsh_export_value(env, exports, "WNOHANG", jcsh_int(env, WNOHANG));
  jcsh_export_value(env, exports, "WUNTRACED", jcsh_int(env, WUNTRACED));
  jcsh_export_value(env, exports, "WCONTINUED", jcsh_int(env, WCONTINUED));
}

static napi_value init(napi_env env, napi_value exports) {
  /* First thing, and once per process (a worker thread may load the module again, after the
   * shell changed its own dispositions): nothing of ours has touched a disposition yet. */
  pthread_once(&snapshot_once, jcsh_snapshot_ignored);

  jcsh_export(env, exports, "spawn", jcsh_napi_spawn);
  jcsh_export(env, exports, "spawnMethod", jcsh_napi_spawn_method);
  jcsh_export(env, exports, "exec", jcsh_napi_exec);

  jcsh_export(env, exports, "getpid", jcsh_napi_getpid);
  jcsh_export(env, exports, "getppid", jcsh_napi_getppid);
  jcsh_export(env, exports, "getpgrp", jcsh_napi_getpgrp);
  jcsh_export(env, exports, "setpgid", jcsh_napi_setpgid);
  jcsh_export(env, exports, "kill", jcsh_napi_kill);
  jcsh_export(env, exports, "waitpid", jcsh_napi_waitpid);
  jcsh_export(env, exports, "waitpidBlocking", jcsh_napi_waitpid_blocking);
  jcsh_export(env, exports, "pendingChild", jcsh_napi_pending_child);

  jcsh_export(env, exports, "setSignalAction", jcsh_napi_set_signal_action);
  jcsh_export(env, exports, "getSignalAction", jcsh_napi_get_signal_action);
  jcsh_export(env, exports, "inheritedIgnored", jcsh_napi_inherited_ignored);
  jcsh_export(env, exports, "keepIgnored", jcsh_napi_keep_ignored);
  jcsh_export(env, exports, "startCounting", jcsh_napi_start_counting);
  jcsh_export(env, exports, "signalCount", jcsh_napi_signal_count);
  jcsh_export(env, exports, "stopCounting", jcsh_napi_stop_counting);
  jcsh_export(env, exports, "trapSignal", jcsh_napi_trap_signal);
  jcsh_export(env, exports, "caughtSignals", jcsh_napi_caught_signals);
  jcsh_export(env, exports, "onCaught", jcsh_napi_on_caught);

  jcsh_export(env, exports, "isatty", jcsh_napi_isatty);
  jcsh_export(env, exports, "tcgetpgrp", jcsh_napi_tcgetpgrp);
  jcsh_export(env, exports, "tcsetpgrp", jcsh_napi_tcsetpgrp);
  jcsh_export(env, exports, "tcgetattr", jcsh_napi_tcgetattr);
  jcsh_export(env, exports, "tcsetattr", jcsh_napi_tcsetattr);
  jcsh_export(env, exports, "setWindowSize", jcsh_napi_set_window_size);

  jcsh_export(env, exports, "closeOnExec", jcsh_napi_close_on_exec);
  jcsh_export(env, exports, "pipe", jcsh_napi_pipe);
  jcsh_export(env, exports, "memfd", jcsh_napi_memfd);
  jcsh_export(env, exports, "peerCredentials", jcsh_napi_peer_credentials);
  jcsh_export(env, exports, "strerror", jcsh_napi_strerror);
  jcsh_export(env, exports, "writeNow", jcsh_napi_write_now);
  jcsh_export(env, exports, "readRecord", jcsh_napi_read_record);
  jcsh_export(env, exports, "readRecordBlocking", jcsh_napi_read_record_blocking);
  jcsh_export(env, exports, "readNow", jcsh_napi_read_now);
  jcsh_export(env, exports, "writeSome", jcsh_napi_write_some);
  jcsh_export(env, exports, "watchFd", jcsh_napi_watch_fd);
  jcsh_export(env, exports, "unwatchFd", jcsh_napi_unwatch_fd);

  export_constants(env, exports);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
