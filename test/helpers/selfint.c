/* selfint N: sleep N seconds, send SIGINT to our own pid, exit 0 if we survive (CMU myint). */
#include "common.h"
#include <signal.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    need_args(argc, 1, 1, "selfint SECONDS");
    sleep_steps(parse_seconds("selfint", argv[1]));
    if (kill(getpid(), SIGINT) < 0) {
        perror("selfint: kill");
        return 1;
    }
    return 0;
}
