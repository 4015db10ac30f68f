/*
 * What the lab twins share, as src/os/sim/programs/lib.ts and helperargs.ts give it to the
 * simulated programs: a line on standard output written with write(2) (unbuffered, so the
 * lines of parent and child interleave as they happen and a fork never copies pending output),
 * the argument checks with their exact complaints, sleeping through handlers, and a process's
 * state as /proc shows it. Everything is static: each twin is one file plus this header.
 */
#ifndef JCSH_LAB_H
#define JCSH_LAB_H

/* kill, sigaction, WCOREDUMP and the rest of POSIX and Linux, whatever -std the compiler has. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* write(2) all of it, retrying short writes and EINTR; the first other error ends it. */
static inline int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* One formatted line on standard output (not for signal handlers: vsnprintf is not safe there). */
__attribute__((format(printf, 1, 2)))
static inline void say(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n > sizeof line - 2)
        n = sizeof line - 2;
    line[n++] = '\n';
    write_all(1, line, (size_t)n);
}

/* need_args of test/helpers/common.h: "usage: ..." and status 2. */
static inline void need_args(int argc, int min, int max, const char *usage)
{
    if (argc - 1 < min || argc - 1 > max) {
        fprintf(stderr, "usage: %s\n", usage);
        exit(2);
    }
}

/* parse_seconds of test/helpers/common.h: a non-negative number, else the complaint and status 2. */
static inline double parse_seconds(const char *prog, const char *text)
{
    char *end = NULL;
    errno = 0;
    double secs = strtod(text, &end);
    if (errno != 0 || end == text || *end != '\0' || secs < 0) {
        fprintf(stderr, "%s: bad number of seconds: %s\n", prog, text);
        exit(2);
    }
    return secs;
}

/* Sleeps, going back to sleep after a signal handler with what nanosleep says is left. */
static inline void sleep_for(double secs)
{
    struct timespec left = { (time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9) };
    while (nanosleep(&left, &left) == -1 && errno == EINTR)
        continue;
}

/* The state letter of /proc/PID/stat (R, S, T, Z, ...), or 0 when the process is gone. */
static inline char proc_state(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    /* The command name may hold spaces and parentheses: the state follows the last ')'. */
    char *close_paren = strrchr(buf, ')');
    return close_paren != NULL && close_paren[1] == ' ' ? close_paren[2] : 0;
}

/* Waits (in 10 ms steps, at most 100 s) until PID shows STATE; 0 if it vanished or never did. */
static inline int wait_for_state(pid_t pid, char state)
{
    for (int i = 0; i < 10000; i++) {
        char now = proc_state(pid);
        if (now == 0)
            return 0;
        if (now == state)
            return 1;
        sleep_for(0.01);
    }
    return 0;
}

/*
 * For signal handlers, where only async-signal-safe calls are allowed: a line built from
 * strings and numbers with no library formatting, then one write(2). Use: char buf[256];
 * size_t at = 0; at = cat_str(buf, at, "x "); at = cat_num(buf, at, 42); write_line(buf, at);
 */
#define LINE_MAX_SAFE 256

static inline size_t cat_str(char *buf, size_t at, const char *s)
{
    while (*s != '\0' && at < LINE_MAX_SAFE - 1)
        buf[at++] = *s++;
    return at;
}

static inline size_t cat_num(char *buf, size_t at, long n)
{
    char digits[24];
    size_t k = 0;
    unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    do {
        digits[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (n < 0 && at < LINE_MAX_SAFE - 1)
        buf[at++] = '-';
    while (k > 0 && at < LINE_MAX_SAFE - 1)
        buf[at++] = digits[--k];
    return at;
}

static inline void write_line(char *buf, size_t at)
{
    buf[at++] = '\n';
    write_all(1, buf, at);
}

#endif
