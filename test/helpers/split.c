/*
 * split N: fork one child that sleeps N seconds in 1-second steps; the parent
 * waits for it and exits 0 (CMU mysplit). The job is two processes in one
 * process group, so a signal to the group must reach both.
 */
#include "common.h"
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    need_args(argc, 1, 1, "split SECONDS");
    double secs = parse_seconds("split", argv[1]);
    pid_t child = fork();
    if (child < 0) {
        perror("split: fork");
        return 1;
    }
    if (child == 0) {
        sleep_steps(secs);
        _exit(0);
    }
    int status;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) {
            perror("split: waitpid");
            return 1;
        }
    }
    return 0;
}
