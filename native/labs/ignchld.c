/*
 * ignchld: SIGCHLD set to SIG_IGN, twin of src/os/sim/programs/ignchld.ts. The kernel releases
 * each child the moment it exits (no zombie ever shows in ps or /proc), and wait, having no
 * child left to report, fails with ECHILD.
 */
#include "lab.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void)
{
    pid_t me = getpid();
    signal(SIGCHLD, SIG_IGN);
    say("parent %d: SIGCHLD is set to SIG_IGN", (int)me);
    pid_t children[2];
    int n = 0;
    for (int i = 0; i < 2; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        if (pid > 0)
            children[n++] = pid;
    }
    say("parent %d: forked children %d and %d; both exit at once", (int)me, (int)children[0], (int)children[1]);
    sleep_for(1);
    /* The process table, as ps reads it: which children still have an entry, in which state. */
    char still[128] = "";
    size_t used = 0;
    for (int i = 0; i < n; i++) {
        char state = proc_state(children[i]);
        if (state != 0)
            used += (size_t)snprintf(still + used, sizeof still - used, "%s%d (%c)", used > 0 ? ", " : "",
                                     (int)children[i], state);
    }
    if (used == 0)
        say("parent %d: 1 s later, neither child is in the process table: no zombies", (int)me);
    else
        say("parent %d: 1 s later, still in the table: %s", (int)me, still);
    int status;
    pid_t r = wait(&status);
    if (r < 0)
        say("parent %d: wait() failed with %s (%s)", (int)me, errno == ECHILD ? "ECHILD" : "another error",
            strerror(errno));
    else
        say("parent %d: wait() returned %d", (int)me, (int)r);
    return 0;
}
