/* spin N: sleep N seconds in 1-second steps, print nothing, exit 0 (CMU myspin). */
#include "common.h"

int main(int argc, char **argv)
{
    need_args(argc, 1, 1, "spin SECONDS");
    sleep_steps(parse_seconds("spin", argv[1]));
    return 0;
}
