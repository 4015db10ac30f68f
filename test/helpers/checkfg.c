/*
 * checkfg: exit 0 iff our process group is the terminal's foreground group,
 * else 1 (yash tests/checkfg.c). /dev/tty is opened non-blocking so the check
 * never waits on the terminal.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int tty = open("/dev/tty", O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (tty < 0) {
        perror("checkfg: /dev/tty");
        return 1;
    }
    pid_t fg = tcgetpgrp(tty);
    close(tty);
    return fg == getpgrp() ? 0 : 1;
}
