/*
 * Shared bits of the jcsh test helper programs: argument parsing and sleeping.
 * Every helper is one small program; this header only keeps them from repeating
 * the same ten lines.
 */
#ifndef JCSH_HELPERS_COMMON_H
#define JCSH_HELPERS_COMMON_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Parse a non-negative number of seconds ("2", "0.25"); exit 2 on nonsense. */
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

/* Sleep, resuming after signal handlers (nanosleep reports what is left). */
static inline void sleep_for(double secs)
{
    struct timespec left = { (time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9) };
    while (nanosleep(&left, &left) == -1 && errno == EINTR)
        continue;
}

/*
 * Sleep in steps of at most one second, like the CMU shell lab's myspin: a
 * stopped-and-continued helper then finishes soon after its deadline.
 */
static inline void sleep_steps(double secs)
{
    while (secs > 0) {
        double step = secs < 1 ? secs : 1;
        sleep_for(step);
        secs -= step;
    }
}

/* The usual "needs exactly N arguments" check. */
static inline void need_args(int argc, int min, int max, const char *usage)
{
    if (argc - 1 < min || argc - 1 > max) {
        fprintf(stderr, "usage: %s\n", usage);
        exit(2);
    }
}

#endif
