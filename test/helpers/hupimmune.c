/*
 * hupimmune: ignore SIGHUP, close fds 0-2, then poll until our parent changes
 * (we were orphaned) and exit (fish nohup_wait). It stays in the terminal's
 * session, so the pty harness still finds and kills it; as a last resort it
 * gives up after 60 s so a broken test cannot leave it behind for ever.
 */
#include "common.h"
#include <signal.h>
#include <unistd.h>

int main(void)
{
    pid_t parent = getppid();
    signal(SIGHUP, SIG_IGN);
    close(STDIN_FILENO);
    close(STDOUT_FILENO);
    close(STDERR_FILENO);
    for (int i = 0; i < 60 * 4; i++) {
        if (getppid() != parent)
            return 0;
        sleep_for(0.25);
    }
    return 1;
}
