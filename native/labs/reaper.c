/*
 * reaper [CHILDREN]: a SIGCHLD handler that loops on waitpid(-1, WNOHANG), twin of
 * src/os/sim/programs/reaper.ts. N children (3 by default) exit together while SIGCHLD is
 * blocked; their SIGCHLDs merge into one pending signal (standard signals are not queued), so
 * one call of the handler must reap them all: a handler that reaped one child per call would
 * leave zombies.
 */
#include "lab.h"

#include <signal.h>
#include <sys/wait.h>

static pid_t me;
static volatile sig_atomic_t calls;
static volatile sig_atomic_t reaped;

/* Only async-signal-safe calls here: waitpid, write (through write_line), errno saved. */
static void on_sigchld(int sig)
{
    (void)sig;
    int saved = errno;
    char buf[LINE_MAX_SAFE];
    size_t at;
    calls++;
    at = cat_num(buf, cat_str(buf, 0, "parent "), me);
    at = cat_num(buf, cat_str(buf, at, ": SIGCHLD handler, call "), calls);
    write_line(buf, at);
    for (;;) {
        int status;
        pid_t r = waitpid(-1, &status, WNOHANG);
        at = cat_str(buf, cat_num(buf, cat_str(buf, 0, "parent "), me), ":   ");
        if (r <= 0) {
            if (r == 0)
                at = cat_str(buf, at, "waitpid(-1, WNOHANG) = 0: children remain, none has exited");
            else
                at = cat_str(buf, at, errno == ECHILD ? "waitpid(-1, WNOHANG) = -1 (ECHILD): no children left"
                                                      : "waitpid(-1, WNOHANG) = -1: no children left");
            write_line(buf, at);
            break;
        }
        reaped++;
        at = cat_num(buf, cat_str(buf, at, "reaped child "), r);
        at = cat_str(buf, at, " (exit status ");
        at = WIFEXITED(status) ? cat_num(buf, at, WEXITSTATUS(status)) : cat_str(buf, at, "?");
        write_line(buf, cat_str(buf, at, ")"));
    }
    errno = saved;
}

int main(int argc, char **argv)
{
    need_args(argc, 0, 1, "reaper [CHILDREN]");
    long n = 3;
    if (argc > 1) {
        /* Read as the simulated reaper's Number() does: "3", "3.0" and "0x3" are all 3. */
        char *end = NULL;
        double d = strtod(argv[1], &end);
        n = (long)d;
        if (end == argv[1] || *end != '\0' || d != (double)n || n < 1 || n > 1000) {
            fprintf(stderr, "reaper: bad number of children: %s\n", argv[1]);
            return 2;
        }
    }
    me = getpid();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigchld;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);

    pid_t *children = calloc((size_t)n, sizeof *children);
    char *list = calloc((size_t)n, 16);
    if (children == NULL || list == NULL)
        return 1;
    long forked = 0;
    size_t used = 0;
    for (long i = 1; i <= n; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            sleep_for(1);
            _exit((int)i);
        }
        if (pid > 0) {
            used += (size_t)snprintf(list + used, (size_t)n * 16 - used, "%s%d", forked > 0 ? ", " : "", (int)pid);
            children[forked++] = pid;
        }
    }
    say("parent %d: forked children %s with SIGCHLD blocked; they all exit 1 s from now", (int)me, list);
    for (long i = 0; i < forked; i++)
        wait_for_state(children[i], 'Z');
    sigset_t pending;
    sigpending(&pending);
    say("parent %d: all %ld have exited: %ld SIGCHLDs sent, %s SIGCHLD pending", (int)me, forked, forked,
        sigismember(&pending, SIGCHLD) ? "one" : "no");
    say("parent %d: unblocking SIGCHLD", (int)me);
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    while (reaped < forked)
        sleep_for(0.1);
    say("parent %d: %d children reaped in %d handler call%s", (int)me, (int)reaped, (int)calls, calls == 1 ? "" : "s");
    return 0;
}
