/*
 * zombie [SECONDS]: the textbook zombie, twin of src/os/sim/programs/zombie.ts. The child
 * exits at once; the parent sleeps (10 s by default) and never calls wait, so the child stays
 * a zombie (state Z, <defunct> in ps) until the parent exits and init (or a subreaper) adopts
 * and reaps it.
 */
#include "lab.h"

#include <math.h>
#include <sys/types.h>

int main(int argc, char **argv)
{
    need_args(argc, 0, 1, "zombie [SECONDS]");
    double secs = argc > 1 ? parse_seconds("zombie", argv[1]) : 10;
    pid_t me = getpid();
    pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0) {
        say("child %d: exiting with status 0", (int)getpid());
        _exit(0);
    }
    say("parent %d: forked child %d", (int)me, (int)child);
    if (wait_for_state(child, 'Z'))
        say("parent %d: child %d has exited but nobody has waited for it: it is a zombie (state Z, <defunct> in ps)",
            (int)me, (int)child);
    /* As JavaScript prints the number: 10, 0.5, Infinity. */
    if (isinf(secs))
        say("parent %d: sleeping Infinity s without calling wait", (int)me);
    else
        say("parent %d: sleeping %.15g s without calling wait", (int)me, secs);
    sleep_for(secs);
    say("parent %d: exiting without waiting; init adopts zombie %d and reaps it", (int)me, (int)child);
    return 0;
}
