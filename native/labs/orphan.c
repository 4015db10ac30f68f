/*
 * orphan: the parent exits first, twin of src/os/sim/programs/orphan.ts. The child prints
 * getppid() before and after: its parent, then 1, because init adopts orphans (and reaps them
 * when they exit). Under systemd or in some containers a subreaper (prctl
 * PR_SET_CHILD_SUBREAPER) that is an ancestor adopts instead, and the child prints its pid.
 */
#include "lab.h"

int main(void)
{
    pid_t me = getpid();
    pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0) {
        pid_t pid = getpid();
        say("child %d: my parent is %d", (int)pid, (int)getppid());
        sleep_for(1);
        say("child %d: my parent is now %d: init adopted me and will reap me", (int)pid, (int)getppid());
        _exit(0);
    }
    sleep_for(0.1);
    say("parent %d: exiting before child %d", (int)me, (int)child);
    return 0;
}
