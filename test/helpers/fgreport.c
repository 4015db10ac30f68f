/*
 * fgreport [loop]: print "foreground" or "background" to stderr, depending on
 * whether our process group owns the terminal (fish report_foreground). With
 * "loop" it checks every 0.5 s and prints again on every change, forever.
 */
#include "common.h"
#include <fcntl.h>
#include <unistd.h>

static int is_foreground(int tty)
{
    return tcgetpgrp(tty) == getpgrp();
}

static void report(int fg)
{
    fputs(fg ? "foreground\n" : "background\n", stderr);
}

int main(int argc, char **argv)
{
    need_args(argc, 0, 1, "fgreport [loop]");
    int loop = argc == 2 && strcmp(argv[1], "loop") == 0;
    if (argc == 2 && !loop) {
        fprintf(stderr, "usage: fgreport [loop]\n");
        return 2;
    }
    int tty = open("/dev/tty", O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (tty < 0) {
        perror("fgreport: /dev/tty");
        return 1;
    }
    int was_fg = is_foreground(tty);
    report(was_fg);
    while (loop) {
        sleep_for(0.5);
        int fg = is_foreground(tty);
        if (fg != was_fg)
            report(fg);
        was_fg = fg;
    }
    return 0;
}
