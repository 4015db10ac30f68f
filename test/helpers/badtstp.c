/*
 * badtstp: fullscreen without manners. It does not catch SIGTSTP, so ^Z stops
 * it with the terminal still raw, on the alternate screen and with the cursor
 * hidden; the shell must restore its own terminal modes. Everything else
 * (drawing, SIGCONT redraw, 'q') is fullscreen's.
 */
#define RESTORE_ON_TSTP 0
#define PROG_NAME "badtstp"
#include "fullscreen.c"
