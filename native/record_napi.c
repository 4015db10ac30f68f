/* Reads and writes the shell makes for its own builtins, shaped so that a loop of them costs
 * what it costs bash:
 *  - writeNow: `echo` into a regular file or /dev/null is one write(2) on the main thread,
 *    since nothing can hold such a write up. Into a pipe, a write of at most PIPE_BUF bytes is
 *    all or nothing, and RWF_NOWAIT makes "nothing" EAGAIN instead of a wait (leaving the
 *    description as blocking as it was, trap 3): made at once when the pipe has room, else
 *    left to the thread pool, as is any failure there (the pool's write reports it as
 *    before). A terminal is always left to the pool: one stopped with ^S would hold a
 *    write forever, whatever poll(2) said. False: nothing written.
 *  - readRecord: `read` takes one line, and not a byte more. A seekable fd (a file) is read a
 *    block at a time and sought back to just after the delimiter (bash's zreadc with lseek),
 *    on the main thread since a file does not make it wait; anything else a byte at a time,
 *    each with RWF_NOWAIT (see ready_napi.c), until the fd has nothing more for now;
 *  - readRecordBlocking: the same a byte at a time, all in one trip to the thread pool, for
 *    an fd that does not take RWF_NOWAIT (a terminal), once it is ready. */
#define _GNU_SOURCE
#include "addon.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

/* All of at most PIPE_BUF bytes into a pipe if it has room now; else nothing. */
static int write_pipe_now(int fd, void *data, size_t len) {
  struct iovec v = { data, len };
  ssize_t n;
  do n = pwritev2(fd, &v, 1, -1, RWF_NOWAIT);
  while (n < 0 && errno == EINTR);
  return n == (ssize_t)len;
}

/* writeNow(fd, bytes) -> boolean */
napi_value jcsh_napi_write_now(napi_env env, napi_callback_info info) {
  int fd;
  void *data;
  size_t len;
  struct stat st;
  if (!jcsh_write_args(env, info, &fd, &data, &len, &st)) return NULL;
  if (S_ISFIFO(st.st_mode)) return jcsh_bool(env, len <= PIPE_BUF && write_pipe_now(fd, data, len));
  if (!S_ISREG(st.st_mode) && !(S_ISCHR(st.st_mode) && !isatty(fd))) return jcsh_bool(env, 0);
  const char *p = data;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return jcsh_throw_errno(env, errno, "write");
    p += n;
    len -= (size_t)n;
  }
  return jcsh_bool(env, 1);
}

struct record {
  napi_async_work work;
  napi_deferred deferred;
  int fd, delimiter;
  size_t max, len;
  int err;
  char *buf;
};

/* One byte; waits in poll() when someone else left the fd non-blocking (trap 3). */
static ssize_t read_byte(int fd, char *c) {
  for (;;) {
    ssize_t n = read(fd, c, 1);
    if (n >= 0 || errno == EINTR) {
      if (n >= 0) return n;
      continue;
    }
    if (errno != EAGAIN) return -1;
    struct pollfd p = { .fd = fd, .events = POLLIN };
    if (poll(&p, 1, -1) < 0 && errno != EINTR) return -1;
  }
}

static void read_bytewise(struct record *r) {
  while (r->len < r->max) {
    ssize_t n = read_byte(r->fd, r->buf + r->len);
    if (n < 0) r->err = errno == EIO ? 0 : errno; /* a hung-up terminal is the end of input */
    if (n <= 0) return;
    if ((unsigned char)r->buf[r->len++] == r->delimiter) return;
  }
}

/* A byte at a time while there is one to read now: 0 when the record is complete (delimiter,
 * max or end of input), EAGAIN when the fd has nothing more for now, EOPNOTSUPP when it cannot
 * say so without blocking, or the errno of a failed read. */
static int read_bytewise_now(struct record *r) {
  struct iovec v;
  while (r->len < r->max) {
    v.iov_base = r->buf + r->len;
    v.iov_len = 1;
    ssize_t n = preadv2(r->fd, &v, 1, -1, RWF_NOWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno == EIO ? 0 : jcsh_nowait_unsupported(errno) ? EOPNOTSUPP : errno;
    if (n == 0) return 0;
    if ((unsigned char)r->buf[r->len++] == r->delimiter) return 0;
  }
  return 0;
}

/* Most lines are short: a first read of this much, and the rest of max only when the
 * delimiter was not in it (copying 4 KiB for a line of 30 bytes cost more than the line). */
#define FIRST_READ 256

static void read_seekable(struct record *r, off_t at) {
  size_t want = r->max < FIRST_READ ? r->max : FIRST_READ;
  char *end = NULL;
  for (;;) {
    size_t asked = want - r->len;
    ssize_t n;
    do n = read(r->fd, r->buf + r->len, asked);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
      r->err = errno;
      return;
    }
    end = memchr(r->buf + r->len, r->delimiter, (size_t)n);
    r->len += (size_t)n;
    if (end || (size_t)n < asked || want == r->max) break;
    want = r->max;
  }
  size_t taken = r->len;
  if (end) r->len = (size_t)(end - r->buf) + 1;
  if (r->len < taken && lseek(r->fd, at + (off_t)r->len, SEEK_SET) < 0) r->err = errno;
}

static void free_record(struct record *r) {
  free(r->buf);
  free(r);
}

static void record_execute(napi_env env, void *data) {
  (void)env;
  read_bytewise(data);
}

static napi_value record_bytes(napi_env env, struct record *r) {
  napi_value bytes, buffer;
  void *copy;
  napi_create_arraybuffer(env, r->len, &copy, &buffer);
  if (r->len) memcpy(copy, r->buf, r->len);
  napi_create_typedarray(env, napi_uint8_array, r->len, buffer, 0, &bytes);
  return bytes;
}

static void record_complete(napi_env env, napi_status status, void *data) {
  struct record *r = data;
  int err = status == napi_ok ? r->err : EINTR;
  if (err) {
    jcsh_throw_errno(env, err, "read");
    napi_value error;
    napi_get_and_clear_last_exception(env, &error);
    napi_reject_deferred(env, r->deferred, error);
  } else {
    napi_resolve_deferred(env, r->deferred, record_bytes(env, r));
  }
  napi_delete_async_work(env, r->work);
  free_record(r);
}

/* The arguments of readRecord and readRecordBlocking, in a new record (NULL: thrown). */
static struct record *new_record(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  int fd, delimiter, max;
  if (!jcsh_args(env, info, 3, argv) || !jcsh_get_int(env, argv[0], "fd", &fd) ||
      !jcsh_get_int(env, argv[1], "delimiter", &delimiter) || !jcsh_get_int(env, argv[2], "max", &max))
    return NULL;
  if (max < 1 || delimiter < 0 || delimiter > 255) {
    jcsh_throw_type(env, "readRecord: max >= 1, delimiter a byte");
    return NULL;
  }
  struct record *r = calloc(1, sizeof *r);
  if (r) r->buf = malloc((size_t)max);
  if (!r || !r->buf) {
    free(r);
    jcsh_throw_errno(env, ENOMEM, "malloc");
    return NULL;
  }
  r->fd = fd;
  r->delimiter = delimiter;
  r->max = (size_t)max;
  return r;
}

/* What read_bytewise_now left: the bytes so far, and whether to wait ('wait') or to read on
 * the pool once ready ('blocking'). */
static napi_value partial_record(napi_env env, struct record *r, int err) {
  napi_value result;
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "bytes", record_bytes(env, r));
  napi_set_named_property(env, result, "next", jcsh_str(env, err == EAGAIN ? "wait" : "blocking"));
  return result;
}

/* readRecord(fd, delimiter, max) -> Uint8Array, the whole record (empty at end of input), or
 * { bytes, next: 'wait' | 'blocking' } when the rest is not there yet. Never blocks. */
napi_value jcsh_napi_read_record(napi_env env, napi_callback_info info) {
  struct record *r = new_record(env, info);
  if (!r) return NULL;
  napi_value result;
  off_t at = lseek(r->fd, 0, SEEK_CUR);
  if (at >= 0) {
    read_seekable(r, at);
    result = r->err ? jcsh_throw_errno(env, r->err, "read") : record_bytes(env, r);
  } else {
    int err = read_bytewise_now(r);
    if (err == EAGAIN || err == EOPNOTSUPP) result = partial_record(env, r, err);
    else result = err ? jcsh_throw_errno(env, err, "read") : record_bytes(env, r);
  }
  free_record(r);
  return result;
}

/* readRecordBlocking(fd, delimiter, max) -> Promise<Uint8Array>: a byte at a time on the pool. */
napi_value jcsh_napi_read_record_blocking(napi_env env, napi_callback_info info) {
  napi_value promise;
  struct record *r = new_record(env, info);
  if (!r) return NULL;
  napi_create_promise(env, &r->deferred, &promise);
  napi_create_async_work(env, NULL, jcsh_str(env, "jcsh.readRecord"), record_execute, record_complete, r, &r->work);
  napi_queue_async_work(env, r->work);
  return promise;
}
