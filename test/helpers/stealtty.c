/*
 * stealtty: leave the terminal owned by a process group that no longer exists
 * (fish abandon_tty). We fork; parent and child both move the child into a new
 * group and give it the terminal (whichever runs first wins, the other call is
 * a harmless repeat); the child exits and the parent waits for it. The shell
 * must take the terminal back afterwards.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    /* tcsetpgrp from what becomes a background group would stop us. */
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    pid_t pid = fork();
    if (pid < 0) {
        perror("stealtty: fork");
        return 1;
    }
    pid_t child = pid ? pid : getpid();
    /* Either call may lose the race to the other one (or to the child's exit). */
    (void)setpgid(child, child);
    (void)tcsetpgrp(STDIN_FILENO, child);
    if (pid == 0)
        _exit(0);
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
        continue;
    return 0;
}
