/*
 * sigreport: print one line per signal 1..32 that is ignored ("ignored: NAME")
 * or blocked ("blocked: NAME"), NAME being strsignal()'s text (fish
 * print_ignored_signals + print_blocked_signals). A child of a job-control
 * shell must print nothing: the shell resets dispositions and the mask.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    for (int sig = 1; sig <= 32; sig++) {
        struct sigaction sa;
        /* glibc reserves 32 and 33 for itself and refuses to report them. */
        if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
            printf("ignored: %s\n", strsignal(sig));
        if (sigismember(&mask, sig) == 1)
            printf("blocked: %s\n", strsignal(sig));
    }
    return 0;
}
