/*
 * doublefork: the daemon trick, twin of src/os/sim/programs/doublefork.ts. The parent forks a
 * child that forks a grandchild and exits at once; the parent reaps the child straight away,
 * and the grandchild, now init's (or a subreaper's), runs on with nobody having to wait for it.
 */
#include "lab.h"

#include <sys/wait.h>

int main(void)
{
    pid_t me = getpid();
    pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0) {
        pid_t pid = getpid();
        pid_t grandchild = fork();
        if (grandchild == 0) {
            pid_t g = getpid();
            sleep_for(0.5);
            say("grandchild %d: my parent is now %d (init): nobody has to wait for me", (int)g, (int)getppid());
            _exit(0);
        }
        say("child %d: forked grandchild %d, exiting", (int)pid, (int)grandchild);
        _exit(0);
    }
    int status;
    pid_t r = waitpid(child, &status, 0);
    if (r > 0)
        say("parent %d: reaped child %d at once", (int)me, (int)r);
    sleep_for(1);
    say("parent %d: exiting", (int)me);
    return 0;
}
