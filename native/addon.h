/* The N-API functions of the addon, one group per file, registered by addon.c. */
#ifndef JCSH_ADDON_H
#define JCSH_ADDON_H

#include "napi_util.h"
#include <signal.h>

/* spawn_napi.c */
napi_value jcsh_napi_spawn(napi_env env, napi_callback_info info);
napi_value jcsh_napi_spawn_method(napi_env env, napi_callback_info info);
napi_value jcsh_napi_exec(napi_env env, napi_callback_info info);

/* proc_napi.c */
napi_value jcsh_napi_getpid(napi_env env, napi_callback_info info);
napi_value jcsh_napi_getppid(napi_env env, napi_callback_info info);
napi_value jcsh_napi_getpgrp(napi_env env, napi_callback_info info);
napi_value jcsh_napi_setpgid(napi_env env, napi_callback_info info);
napi_value jcsh_napi_kill(napi_env env, napi_callback_info info);
napi_value jcsh_napi_waitpid(napi_env env, napi_callback_info info);
napi_value jcsh_napi_waitpid_blocking(napi_env env, napi_callback_info info);
napi_value jcsh_napi_pending_child(napi_env env, napi_callback_info info);

/* signal_napi.c */
void jcsh_snapshot_ignored(void);
/* Signals children keep ignored: ignored when the shell started (see keepIgnored). */
const sigset_t *jcsh_inherited_ignored(void);
napi_value jcsh_napi_set_signal_action(napi_env env, napi_callback_info info);
napi_value jcsh_napi_get_signal_action(napi_env env, napi_callback_info info);
napi_value jcsh_napi_inherited_ignored(napi_env env, napi_callback_info info);
napi_value jcsh_napi_keep_ignored(napi_env env, napi_callback_info info);
napi_value jcsh_napi_start_counting(napi_env env, napi_callback_info info);
napi_value jcsh_napi_signal_count(napi_env env, napi_callback_info info);
napi_value jcsh_napi_stop_counting(napi_env env, napi_callback_info info);

/* trap_napi.c */
napi_value jcsh_napi_trap_signal(napi_env env, napi_callback_info info);
napi_value jcsh_napi_caught_signals(napi_env env, napi_callback_info info);
napi_value jcsh_napi_on_caught(napi_env env, napi_callback_info info);

/* term_napi.c */
napi_value jcsh_napi_isatty(napi_env env, napi_callback_info info);
napi_value jcsh_napi_tcgetpgrp(napi_env env, napi_callback_info info);
napi_value jcsh_napi_tcsetpgrp(napi_env env, napi_callback_info info);
napi_value jcsh_napi_tcgetattr(napi_env env, napi_callback_info info);
napi_value jcsh_napi_tcsetattr(napi_env env, napi_callback_info info);
napi_value jcsh_napi_set_window_size(napi_env env, napi_callback_info info);

/* fd_napi.c */
napi_value jcsh_napi_close_on_exec(napi_env env, napi_callback_info info);
napi_value jcsh_napi_pipe(napi_env env, napi_callback_info info);
napi_value jcsh_napi_memfd(napi_env env, napi_callback_info info);
napi_value jcsh_napi_peer_credentials(napi_env env, napi_callback_info info);
napi_value jcsh_napi_strerror(napi_env env, napi_callback_info info);

/* record_napi.c */
napi_value jcsh_napi_write_now(napi_env env, napi_callback_info info);
napi_value jcsh_napi_read_record(napi_env env, napi_callback_info info);
napi_value jcsh_napi_read_record_blocking(napi_env env, napi_callback_info info);

/* ready_napi.c */
/* The errno of a preadv2/pwritev2 with RWF_NOWAIT that cannot say "would block" for this fd. */
int jcsh_nowait_unsupported(int err);
napi_value jcsh_napi_read_now(napi_env env, napi_callback_info info);
napi_value jcsh_napi_write_some(napi_env env, napi_callback_info info);
napi_value jcsh_napi_watch_fd(napi_env env, napi_callback_info info);
napi_value jcsh_napi_unwatch_fd(napi_env env, napi_callback_info info);

#endif
