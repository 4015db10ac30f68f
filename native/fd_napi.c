/* File descriptors Node cannot make as plain numbers: a close-on-exec pipe, and a memfd that
 * carries a builtin's output to jcsh-emit. And glibc's strerror texts, which the shell prints. */
#define _GNU_SOURCE
#include "addon.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* pipe() -> [readFd, writeFd], both O_CLOEXEC (children get them only through their fd map). */
napi_value jcsh_napi_pipe(napi_env env, napi_callback_info info) {
  (void)info;
  int fds[2];
  napi_value list;
  if (pipe2(fds, O_CLOEXEC) != 0) return jcsh_throw_errno(env, errno, "pipe2");
  napi_create_array_with_length(env, 2, &list);
  napi_set_element(env, list, 0, jcsh_int(env, fds[0]));
  napi_set_element(env, list, 1, jcsh_int(env, fds[1]));
  return list;
}

static int write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

/* memfd(bytes) -> fd: an anonymous close-on-exec file holding bytes, offset at 0. */
napi_value jcsh_napi_memfd(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  void *data;
  size_t len;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_bytes(env, argv[0], "bytes", &data, &len)) return NULL;
  int fd = memfd_create("jcsh-emit", MFD_CLOEXEC);
  if (fd < 0) return jcsh_throw_errno(env, errno, "memfd_create");
  int err = write_all(fd, data, len);
  if (!err && lseek(fd, 0, SEEK_SET) < 0) err = errno;
  if (err) {
    close(fd);
    return jcsh_throw_errno(env, err, "write");
  }
  return jcsh_int(env, fd);
}

/* strerror(errno) -> glibc's text, e.g. 'No such file or directory'. */
napi_value jcsh_napi_strerror(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int err;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_int(env, argv[0], "errno", &err)) return NULL;
  return jcsh_str(env, strerror(err));
}
