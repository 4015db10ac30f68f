/* File descriptors Node cannot make as plain numbers: a close-on-exec pipe, close-on-exec set
 * on an inherited fd, and a memfd that
 * carries a builtin's output to jcsh-emit. Who is at the other end of a Unix socket (Node cannot ask).
 * And glibc's strerror texts, which the shell prints. */
#define _GNU_SOURCE
#include "addon.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

/* closeOnExec(fd): sets FD_CLOEXEC on an fd inherited without it (jcsh-launch hands the UI its
 * pty master and channel socket so), so that no child the UI starts inherits it. */
napi_value jcsh_napi_close_on_exec(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int fd;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_int(env, argv[0], "fd", &fd)) return NULL;
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0 || fcntl(fd, F_SETFD, flags | FD_CLOEXEC) != 0) return jcsh_throw_errno(env, errno, "fcntl");
  return jcsh_undefined(env);
}

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

/* peerCredentials(fd) -> { pid, uid, gid } of the process that connected to a Unix socket, as
 * the kernel recorded them at connect (SO_PEERCRED): the UI's private channel refuses a peer
 * of another user whatever the socket's file permissions allowed. */
napi_value jcsh_napi_peer_credentials(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  struct ucred cred;
  socklen_t len = sizeof cred;
  int fd;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_int(env, argv[0], "fd", &fd)) return NULL;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return jcsh_throw_errno(env, errno, "getsockopt");
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "pid", jcsh_int(env, cred.pid));
  napi_set_named_property(env, result, "uid", jcsh_int(env, (int)cred.uid));
  napi_set_named_property(env, result, "gid", jcsh_int(env, (int)cred.gid));
  return result;
}

/* strerror(errno) -> glibc's text, e.g. 'No such file or directory'. */
napi_value jcsh_napi_strerror(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int err;
  if (!jcsh_args(env, info, 1, argv) || !jcsh_get_int(env, argv[0], "errno", &err)) return NULL;
  return jcsh_str(env, strerror(err));
}
