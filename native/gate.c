/* jcsh-gate: holds the first process of a pipeline until every stage has joined its process
 * group, then becomes the real program (same pid, so it stays the group leader).
 *
 * usage: jcsh-gate FD PATH ARGV0 [ARG...]      (the environment is the program's)
 *
 * Why: a pipeline's group is created by its first process. If that process ran at once, a
 * background `cat | cat &` could read the terminal and draw SIGTTIN before the second cat
 * joined the group, and only half the job would stop. bash closes the same gap with a pipe
 * the leader reads before exec (PGRP_PIPE). Here FD is the read end of such a pipe: the shell
 * closes the write end once every stage is spawned, read() then returns 0, and we exec.
 *
 * Signals are already at their defaults and the mask is empty (the spawn set them), so a
 * SIGINT or SIGKILL meanwhile ends the gate like any program. A failed exec reports as the
 * shell would (status 127 for a missing file, 126 otherwise); a file without "#!" runs with
 * /bin/sh, as the shell itself does. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static void wait_for_eof(int fd) {
  char buf[64];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0 && errno != EINTR) break;
  }
  close(fd);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fputs("usage: jcsh-gate FD PATH ARGV0 [ARG...]\n", stderr);
    return 2;
  }
  wait_for_eof(atoi(argv[1]));
  const char *path = argv[2];
  char **args = argv + 3;
  execve(path, args, environ);
  int err = errno;
  if (err == ENOEXEC) {
    /* sh PATH ARG...: reuse the slot before the arguments for "sh" and the path. */
    args[-1] = "sh";
    args[0] = (char *)path;
    execve("/bin/sh", args - 1, environ);
    err = errno;
  }
  fprintf(stderr, "jcsh: %s: %s\n", args[0], strerror(err));
  return err == ENOENT ? 127 : 126;
}
