/* Terminal calls: foreground process group, modes, and a pty's size. Node has neither
 * tcsetpgrp nor a way to save and restore a job's termios as an opaque value. */
#include "addon.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static int read_fd(napi_env env, napi_callback_info info, napi_value *argv, size_t argc, int *fd) {
  return jcsh_args(env, info, argc, argv) && jcsh_get_int(env, argv[0], "fd", fd);
}

napi_value jcsh_napi_isatty(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int fd;
  if (!read_fd(env, info, argv, 1, &fd)) return NULL;
  return jcsh_bool(env, isatty(fd));
}

napi_value jcsh_napi_tcgetpgrp(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int fd;
  if (!read_fd(env, info, argv, 1, &fd)) return NULL;
  pid_t pgrp = tcgetpgrp(fd);
  if (pgrp < 0) return jcsh_throw_errno(env, errno, "tcgetpgrp");
  return jcsh_int(env, pgrp);
}

/* tcsetpgrp(fd, pgid). Taking the terminal back from the background would stop the whole
 * shell with SIGTTOU; with SIGTTOU blocked in this thread the kernel lets the call through
 * (bash blocks TTOU, TTIN and TSTP around it too). */
napi_value jcsh_napi_tcsetpgrp(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int fd, pgid;
  if (!read_fd(env, info, argv, 2, &fd) || !jcsh_get_int(env, argv[1], "pgid", &pgid)) return NULL;
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGTTOU);
  sigaddset(&block, SIGTTIN);
  sigaddset(&block, SIGTSTP);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  int r, err;
  do r = tcsetpgrp(fd, pgid);
  while (r != 0 && errno == EINTR);
  err = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (r != 0) return jcsh_throw_errno(env, err, "tcsetpgrp");
  return jcsh_undefined(env);
}

static void set_flag(napi_env env, napi_value obj, const char *name, int on) {
  napi_set_named_property(env, obj, name, jcsh_bool(env, on));
}

/* tcgetattr(fd) -> { snapshot: Buffer (struct termios), tostop, icanon, echo, isig } */
napi_value jcsh_napi_tcgetattr(napi_env env, napi_callback_info info) {
  napi_value argv[1], result, snapshot;
  struct termios t;
  int fd;
  if (!read_fd(env, info, argv, 1, &fd)) return NULL;
  if (tcgetattr(fd, &t) != 0) return jcsh_throw_errno(env, errno, "tcgetattr");
  napi_create_buffer_copy(env, sizeof t, &t, NULL, &snapshot);
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "snapshot", snapshot);
  set_flag(env, result, "tostop", (t.c_lflag & TOSTOP) != 0);
  set_flag(env, result, "icanon", (t.c_lflag & ICANON) != 0);
  set_flag(env, result, "echo", (t.c_lflag & ECHO) != 0);
  set_flag(env, result, "isig", (t.c_lflag & ISIG) != 0);
  return result;
}

/* tcsetattr(fd, snapshot) with TCSADRAIN: output already written by the job is not cut. */
napi_value jcsh_napi_tcsetattr(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  struct termios t;
  void *data;
  size_t len;
  int fd;
  if (!read_fd(env, info, argv, 2, &fd) || !jcsh_get_bytes(env, argv[1], "snapshot", &data, &len))
    return NULL;
  if (len != sizeof t) return jcsh_throw_errno(env, EINVAL, "tcsetattr");
  memcpy(&t, data, sizeof t);
  int r;
  do r = tcsetattr(fd, TCSADRAIN, &t);
  while (r != 0 && errno == EINTR);
  if (r != 0) return jcsh_throw_errno(env, errno, "tcsetattr");
  return jcsh_undefined(env);
}

/* setWindowSize(fd, cols, rows): TIOCSWINSZ, on a pty master the UI adopted from jcsh-launch
 * (node-pty resizes the terminals it made itself). The kernel signals SIGWINCH to the
 * terminal's foreground group only when the size changes. */
napi_value jcsh_napi_set_window_size(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  int fd, cols, rows;
  if (!read_fd(env, info, argv, 3, &fd) || !jcsh_get_int(env, argv[1], "cols", &cols) ||
      !jcsh_get_int(env, argv[2], "rows", &rows))
    return NULL;
  if (cols <= 0 || rows <= 0 || cols > 0xffff || rows > 0xffff) return jcsh_throw_errno(env, EINVAL, "TIOCSWINSZ");
  struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  if (ioctl(fd, TIOCSWINSZ, &ws) != 0) return jcsh_throw_errno(env, errno, "TIOCSWINSZ");
  return jcsh_undefined(env);
}
