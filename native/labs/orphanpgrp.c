/*
 * orphanpgrp: a stopped process whose group becomes orphaned; twin of
 * src/os/sim/programs/orphanpgrp.ts. The child moves to a group of its own and stops itself;
 * the parent, the only link between that group and the rest of the session, exits. The group
 * is now orphaned with a stopped member, so the kernel sends it SIGHUP and then SIGCONT
 * (POSIX): the child catches and prints both, then runs on. Linux takes both before the child
 * runs again and sets up a handler frame for each, SIGHUP's first; the last frame set up
 * (SIGCONT's) runs first, so "caught SIGCONT" comes before "caught SIGHUP".
 */
#include "lab.h"

#include <signal.h>
#include <sys/wait.h>

static pid_t self;

/* Async-signal-safe: the line is built by hand and written with one write(2). */
static void on_signal(int sig)
{
    int saved = errno;
    char buf[LINE_MAX_SAFE];
    size_t at = cat_num(buf, cat_str(buf, 0, "child "), self);
    at = cat_str(buf, at, sig == SIGHUP ? ": caught SIGHUP" : ": caught SIGCONT");
    write_line(buf, at);
    errno = saved;
}

static void catch_signal(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    pid_t me = getpid();
    pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0) {
        self = getpid();
        setpgid(0, 0);
        catch_signal(SIGHUP);
        catch_signal(SIGCONT);
        say("child %d: in my own group %d, stopping myself with SIGSTOP", (int)self, (int)getpgrp());
        kill(self, SIGSTOP);
        sleep_for(0.1);
        say("child %d: running again; my parent is now %d", (int)self, (int)getppid());
        _exit(0);
    }
    int status;
    pid_t r = waitpid(child, &status, WUNTRACED);
    if (r > 0 && WIFSTOPPED(status))
        say("parent %d: child %d is stopped", (int)me, (int)child);
    say("parent %d: exiting: group %d loses its last link to the session and becomes orphaned", (int)me, (int)child);
    return 0;
}
