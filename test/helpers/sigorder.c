/*
 * sigorder: in which order does a process run its handlers for two signals that are pending
 * together? A child catches SIGHUP and SIGCONT and stops itself; the parent sends SIGHUP (it
 * stays pending while the child is stopped), then SIGCONT. The child prints each handler's
 * signal as it runs. On Linux both are taken before the child's code runs again, SIGHUP first,
 * each handler's frame on top of the last: SIGCONT's handler runs first.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void handler(int sig)
{
    const char *name = sig == SIGHUP ? "HUP\n" : "CONT\n";
    write(1, name, strlen(name));
}

int main(void)
{
    pid_t child = fork();
    if (child == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = handler;
        sa.sa_flags = SA_RESTART;
        sigaction(SIGHUP, &sa, NULL);
        sigaction(SIGCONT, &sa, NULL);
        raise(SIGSTOP);
        _exit(0);
    }
    int status;
    waitpid(child, &status, WUNTRACED);
    kill(child, SIGHUP);
    kill(child, SIGCONT);
    waitpid(child, &status, 0);
    return 0;
}
