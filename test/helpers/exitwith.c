/* exitwith N [SECONDS]: optionally sleep, then exit with status N (0..255). */
#include "common.h"

int main(int argc, char **argv)
{
    need_args(argc, 1, 2, "exitwith STATUS [SECONDS]");
    char *end = NULL;
    long status = strtol(argv[1], &end, 10);
    if (end == argv[1] || *end != '\0' || status < 0 || status > 255) {
        fprintf(stderr, "exitwith: bad status: %s\n", argv[1]);
        return 2;
    }
    if (argc == 3)
        sleep_for(parse_seconds("exitwith", argv[2]));
    return (int)status;
}
