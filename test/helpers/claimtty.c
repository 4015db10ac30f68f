/*
 * claimtty: make our process group the terminal's foreground group, wait
 * 0.25 s, then print "claimtty done" to stderr (fish
 * become_foreground_then_print_stderr). tcsetpgrp from a background group
 * raises SIGTTOU (or fails with EPERM), which is the point of the test.
 */
#include "common.h"
#include <unistd.h>

int main(void)
{
    if (tcsetpgrp(STDOUT_FILENO, getpgrp()) < 0) {
        perror("claimtty: tcsetpgrp");
        return 1;
    }
    sleep_for(0.25);
    fputs("claimtty done\n", stderr);
    return 0;
}
