/*
 * selfstop N: sleep N seconds, then send SIGTSTP to our own process group
 * (kill(-getpid()), which only reaches us if the shell made us a group leader),
 * and exit 0 once continued (CMU mystop).
 */
#include "common.h"
#include <signal.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    need_args(argc, 1, 1, "selfstop SECONDS");
    sleep_steps(parse_seconds("selfstop", argv[1]));
    if (kill(-getpid(), SIGTSTP) < 0) {
        perror("selfstop: kill");
        return 1;
    }
    return 0;
}
