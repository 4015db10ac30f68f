/* jcsh-emit: delivers a builtin's output as a real process, so that the kernel applies
 * SIGTTOU, SIGPIPE and process-group rules to it exactly as to any other program.
 *
 * usage: jcsh-emit FD STATUS
 * FD holds records, each [u8 target fd (1 or 2)][u32 length, little-endian][bytes]. They are
 * read completely and FD is closed before anything is written, so that while it runs (and
 * perhaps stops on SIGTTOU) the process holds exactly the fds its job gave it. Then each record is written in order with full-write loops, and the process exits with
 * STATUS. A write that fails with EPIPE ends the process by SIGPIPE, as it would end any
 * program with default signals; other write errors exit 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define HEADER 5

static void die_of_sigpipe(void) {
  sigset_t set;
  signal(SIGPIPE, SIG_DFL);
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(SIGPIPE);
  _exit(1);
}

static void write_all(int fd, const unsigned char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) die_of_sigpipe();
    if (n < 0) _exit(1);
    data += n;
    len -= (size_t)n;
  }
}

/* Reads all of fd into a malloc'd buffer. */
static unsigned char *read_all(int fd, size_t *len) {
  size_t cap = 65536, used = 0;
  unsigned char *buf = malloc(cap);
  for (;;) {
    if (!buf) _exit(2);
    if (used == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      continue;
    }
    ssize_t n = read(fd, buf + used, cap - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) _exit(2);
    if (n == 0) break;
    used += (size_t)n;
  }
  *len = used;
  return buf;
}

static int parse_int(const char *s, int *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < 0 || v > 0x7fffffff) return 0;
  *out = (int)v;
  return 1;
}

static void emit_records(const unsigned char *buf, size_t len) {
  size_t pos = 0;
  while (pos < len) {
    if (len - pos < HEADER) _exit(2);
    int fd = buf[pos];
    uint32_t n = (uint32_t)buf[pos + 1] | (uint32_t)buf[pos + 2] << 8 |
                 (uint32_t)buf[pos + 3] << 16 | (uint32_t)buf[pos + 4] << 24;
    pos += HEADER;
    if (n > len - pos) _exit(2);
    write_all(fd, buf + pos, n);
    pos += n;
  }
}

int main(int argc, char **argv) {
  int in, status;
  if (argc != 3 || !parse_int(argv[1], &in) || !parse_int(argv[2], &status)) return 2;
  size_t len;
  unsigned char *buf = read_all(in, &len);
  close(in);
  emit_records(buf, len);
  return status & 0xff;
}
