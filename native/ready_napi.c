/* Waits for an fd that hold no thread, and reads and writes that never block the main thread.
 *
 * A read of a pipe on libuv's thread pool holds a thread for as long as the pipe stays empty,
 * and the pool is small: `$(…)` nested deeper than the pool is wide used to hang, each
 * thread waiting on a pipe whose writer needed a thread too. Here instead:
 *  - readNow reads with preadv2(RWF_NOWAIT), which says EAGAIN rather than blocking, for
 *    this one call: the file description's flags are left alone, so a pipe shared with other
 *    processes stays blocking for them (trap 3: never set O_NONBLOCK on a shared description);
 *  - writeSome writes to a pipe or a socket so too, as much as it takes now;
 *  - watchFd waits for readiness on the event loop: the fd goes into an epoll instance of its
 *    own, which a uv_poll handle watches. uv_poll on the fd itself would make its description
 *    non-blocking, and would clash with a handle libuv already has on that fd.
 * A waiting shell thus makes no system call, as before, and a wait can be called off
 * (unwatchFd) when a trapped signal must interrupt a `read`.
 * A terminal does not take RWF_NOWAIT, and a file not yet in memory says EAGAIN to it with
 * nothing to wait for on the loop: the caller waits for the first here, then reads either on
 * the pool as before ('blocking'). */
#define _GNU_SOURCE
#include "addon.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <uv.h>

#define READ_MAX 65536

/* errno of a preadv2/pwritev2 that cannot tell "would block" without blocking. */
int jcsh_nowait_unsupported(int err) {
  return err == EOPNOTSUPP || err == EINVAL || err == ENOSYS;
}

/* A regular file says EAGAIN to RWF_NOWAIT while its pages are not in memory yet, and
 * epoll cannot wait for that: it is read on the pool instead. */
static int on_disk(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 && (S_ISREG(st.st_mode) || S_ISBLK(st.st_mode));
}

/* readNow(fd, max) -> Uint8Array (data), null (end of file; EIO too: a hung-up terminal),
 * 'wait' (nothing to read yet) or 'blocking' (this fd cannot be read without risk of blocking). */
napi_value jcsh_napi_read_now(napi_env env, napi_callback_info info) {
  napi_value argv[2], buffer, bytes;
  int fd, max;
  void *data;
  if (!jcsh_args(env, info, 2, argv) || !jcsh_get_int(env, argv[0], "fd", &fd) || !jcsh_get_int(env, argv[1], "max", &max))
    return NULL;
  if (max < 1 || max > READ_MAX) max = READ_MAX;
  char *buf = malloc((size_t)max);
  if (!buf) return jcsh_throw_errno(env, ENOMEM, "malloc");
  struct iovec v = { buf, (size_t)max };
  ssize_t n;
  do n = preadv2(fd, &v, 1, -1, RWF_NOWAIT);
  while (n < 0 && errno == EINTR);
  int err = errno;
  if (n > 0) {
    napi_create_arraybuffer(env, (size_t)n, &data, &buffer);
    memcpy(data, buf, (size_t)n);
    napi_create_typedarray(env, napi_uint8_array, (size_t)n, buffer, 0, &bytes);
  }
  free(buf);
  if (n > 0) return bytes;
  if (n == 0 || err == EIO) return jcsh_null(env);
  if (err == EAGAIN && !on_disk(fd)) return jcsh_str(env, "wait");
  if (err == EAGAIN || jcsh_nowait_unsupported(err)) return jcsh_str(env, "blocking");
  return jcsh_throw_errno(env, err, "read");
}

/* writeSome(fd, bytes) -> how many of the bytes a pipe or socket took without blocking,
 * 'wait' (none: it is full) or 'blocking' (anything else, written on the pool as before: a
 * terminal, or a file, where RWF_NOWAIT would speak of the disk). */
napi_value jcsh_napi_write_some(napi_env env, napi_callback_info info) {
  int fd;
  void *data;
  size_t len;
  struct stat st;
  if (!jcsh_write_args(env, info, &fd, &data, &len, &st)) return NULL;
  if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode)) return jcsh_str(env, "blocking");
  struct iovec v = { data, len > INT_MAX ? INT_MAX : len };
  ssize_t n;
  do n = pwritev2(fd, &v, 1, -1, RWF_NOWAIT);
  while (n < 0 && errno == EINTR);
  if (n >= 0) return jcsh_int(env, (int)n);
  if (errno == EAGAIN) return jcsh_str(env, "wait");
  if (jcsh_nowait_unsupported(errno)) return jcsh_str(env, "blocking");
  return jcsh_throw_errno(env, errno, "write");
}

struct watch {
  uv_poll_t poll;
  int epfd, id;
  napi_env env;
  napi_ref callback;
  napi_async_context context;
  struct watch *next;
};

static struct watch *watches;
static int last_id;

static void free_watch(uv_handle_t *handle) {
  free(handle->data);
}

/* Stops watching and unlinks; the JS callback reference is the caller's to use or drop. */
static void end_watch(struct watch *w) {
  for (struct watch **p = &watches; *p; p = &(*p)->next)
    if (*p == w) {
      *p = w->next;
      break;
    }
  uv_poll_stop(&w->poll);
  close(w->epfd);
  uv_close((uv_handle_t *)&w->poll, free_watch);
}

static void drop_callback(struct watch *w) {
  napi_delete_reference(w->env, w->callback);
  napi_async_destroy(w->env, w->context);
}

static void on_ready(uv_poll_t *handle, int status, int events) {
  (void)status;
  (void)events;
  struct watch *w = handle->data;
  napi_env env = w->env;
  end_watch(w);
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) {
    drop_callback(w);
    return;
  }
  napi_value fn, recv, result;
  if (napi_get_reference_value(env, w->callback, &fn) == napi_ok && napi_get_global(env, &recv) == napi_ok) {
    /* make_callback runs the microtasks the callback queued, as Node does after an event. */
    if (napi_make_callback(env, w->context, recv, fn, 0, NULL, &result) == napi_pending_exception) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
  drop_callback(w);
  napi_close_handle_scope(env, scope);
}

/* A regular file cannot be watched (EPERM): it is always ready. */
static int open_watch(int fd, int events, int *epfd) {
  *epfd = epoll_create1(EPOLL_CLOEXEC);
  if (*epfd < 0) return errno;
  struct epoll_event ev = { .events = (uint32_t)events, .data.fd = fd };
  if (epoll_ctl(*epfd, EPOLL_CTL_ADD, fd, &ev) == 0) return 0;
  int err = errno;
  close(*epfd);
  return err;
}

/* watchFd(fd, 'read' | 'write', callback) -> id: callback runs once, when fd is ready (or
 * hung up, or in error: the next read or write says which); 0, and no callback, when fd is
 * always ready (a regular file). The wait keeps the event loop alive. */
napi_value jcsh_napi_watch_fd(napi_env env, napi_callback_info info) {
  napi_value argv[3], name, resource;
  char dir[8];
  size_t len;
  int fd, epfd;
  napi_valuetype type;
  uv_loop_t *loop;
  if (!jcsh_args(env, info, 3, argv) || !jcsh_get_int(env, argv[0], "fd", &fd)) return NULL;
  if (napi_get_value_string_utf8(env, argv[1], dir, sizeof dir, &len) != napi_ok ||
      (strcmp(dir, "read") != 0 && strcmp(dir, "write") != 0))
    return jcsh_throw_type(env, "direction: 'read' or 'write'");
  if (napi_typeof(env, argv[2], &type) != napi_ok || type != napi_function) return jcsh_throw_type(env, "callback");
  int err = open_watch(fd, dir[0] == 'r' ? EPOLLIN : EPOLLOUT, &epfd);
  if (err == EPERM) return jcsh_int(env, 0);
  if (err) return jcsh_throw_errno(env, err, "epoll_ctl");
  struct watch *w = calloc(1, sizeof *w);
  if (!w || napi_get_uv_event_loop(env, &loop) != napi_ok || uv_poll_init(loop, &w->poll, epfd) != 0) {
    free(w);
    close(epfd);
    return jcsh_throw_errno(env, ENOMEM, "uv_poll_init");
  }
  w->poll.data = w;
  w->epfd = epfd;
  w->env = env;
  w->id = ++last_id > 0 ? last_id : (last_id = 1);
  napi_create_reference(env, argv[2], 1, &w->callback);
  napi_create_string_utf8(env, "jcsh:watchFd", NAPI_AUTO_LENGTH, &name);
  napi_create_object(env, &resource);
  napi_async_init(env, resource, name, &w->context);
  w->next = watches;
  watches = w;
  uv_poll_start(&w->poll, UV_READABLE, on_ready);
  return jcsh_int(env, w->id);
}

/* unwatchFd(id) -> true if the wait was still on (its callback will not run). */
napi_value jcsh_napi_unwatch_fd(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int id;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_int(env, argv[0], "id", &id)) return NULL;
  for (struct watch *w = watches; w; w = w->next)
    if (w->id == id && w->env == env) {
      end_watch(w);
      drop_callback(w);
      return jcsh_bool(env, 1);
    }
  return jcsh_bool(env, 0);
}
