/*
 * fullscreen: a tiny full-screen program, the kind of thing (less, vim, top) a
 * job-control shell must suspend and resume cleanly.
 *
 * It switches to the alternate screen, hides the cursor, puts the terminal in
 * raw mode and draws a box with a key counter; 'q' restores everything and
 * exits 0. Raw mode keeps ISIG, as top and less do, so ^C/^Z/^\ still reach us
 * as signals from the line discipline.
 *
 * SIGTSTP: restore the terminal (cooked modes, cursor visible, normal screen),
 * then stop with SIGTSTP at its default action. SIGCONT: take the terminal again and redraw.
 * SIGWINCH: redraw at the new size. SIGINT/SIGQUIT/SIGTERM/SIGHUP: restore and
 * die of the same signal.
 *
 * badtstp.c compiles this file with RESTORE_ON_TSTP 0: SIGTSTP then keeps its
 * default action, so the program stops with the terminal still raw and on the
 * alternate screen, and the shell has to put its own modes back.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#ifndef RESTORE_ON_TSTP
#define RESTORE_ON_TSTP 1
#define PROG_NAME "fullscreen"
#endif

static struct termios cooked;
static volatile sig_atomic_t got_tstp, got_cont, got_winch, got_fatal;
static unsigned keys, draws;
static int last_key = -1;

static void put(const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, text, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        text += n;
        len -= (size_t)n;
    }
}

static void puts_raw(const char *text)
{
    put(text, strlen(text));
}

static void enter_screen(void)
{
    struct termios raw = cooked;
    raw.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw.c_oflag &= ~(tcflag_t)OPOST;
    raw.c_cflag |= CS8;
    raw.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
    puts_raw("\x1b[?1049h\x1b[?25l");
}

static void leave_screen(void)
{
    tcsetattr(STDIN_FILENO, TCSADRAIN, &cooked);
    puts_raw("\x1b[?25h\x1b[?1049l");
}

/* Append formatted text to the frame buffer, never past its end. */
static size_t addf(char *buf, size_t cap, size_t at, const char *fmt, ...)
{
    if (at >= cap)
        return at;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + at, cap - at, fmt, ap);
    va_end(ap);
    return n < 0 ? at : (at + (size_t)n < cap ? at + (size_t)n : cap);
}

/* One row of the box: "| text      |" padded to the terminal width. */
static size_t add_row(char *buf, size_t cap, size_t at, int row, int width, const char *text)
{
    at = addf(buf, cap, at, "\x1b[%d;1H|", row);
    int inner = width - 2;
    at = addf(buf, cap, at, " %-*.*s|", inner - 1, inner - 1, text);
    return at;
}

static void draw(void)
{
    struct winsize ws = { 0 };
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0 || ws.ws_col < 20)
        ws.ws_col = 20;
    if (ws.ws_col > 500)
        ws.ws_col = 500;
    draws++;

    static char frame[16384];
    char border[512], line[128];
    int width = ws.ws_col;
    memset(border, '-', (size_t)width);
    border[0] = border[width - 1] = '+';
    border[width] = '\0';

    size_t at = addf(frame, sizeof frame, 0, "\x1b[H\x1b[2J\x1b[1;1H%s", border);
    at = add_row(frame, sizeof frame, at, 2, width, PROG_NAME);
    if (last_key < 0)
        snprintf(line, sizeof line, "keys: %u", keys);
    else
        snprintf(line, sizeof line, "keys: %u  last: 0x%02x", keys, (unsigned)last_key);
    at = add_row(frame, sizeof frame, at, 3, width, line);
    snprintf(line, sizeof line, "draws: %u", draws);
    at = add_row(frame, sizeof frame, at, 4, width, line);
    snprintf(line, sizeof line, "size: %ux%u", (unsigned)ws.ws_col, (unsigned)ws.ws_row);
    at = add_row(frame, sizeof frame, at, 5, width, line);
    at = add_row(frame, sizeof frame, at, 6, width, "q quits");
    at = addf(frame, sizeof frame, at, "\x1b[7;1H%s", border);
    put(frame, at);
}

static void on_signal(int sig)
{
    switch (sig) {
    case SIGTSTP: got_tstp = 1; break;
    case SIGCONT: got_cont = 1; break;
    case SIGWINCH: got_winch = 1; break;
    default: got_fatal = sig; break;
    }
}

static void catch_signals(sigset_t *blocked)
{
    int sigs[] = { SIGTSTP, SIGCONT, SIGWINCH, SIGINT, SIGQUIT, SIGTERM, SIGHUP };
    sigemptyset(blocked);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        if (sigs[i] == SIGTSTP && !RESTORE_ON_TSTP)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
        sigaddset(blocked, sigs[i]);
    }
    /* Blocked except inside ppoll, so no signal slips in between check and wait. */
    sigprocmask(SIG_BLOCK, blocked, NULL);
}

static void die_of(int sig)
{
    leave_screen();
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    raise(sig);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    exit(128 + sig);
}

/* Stop the way an untrapped ^Z stops a program (status 148 in the shell, as less and vim do):
 * SIGTSTP at its default action, unblocked just for the raise. */
static void stop_with_tstp(void)
{
    struct sigaction dfl, mine;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &mine);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    raise(SIGTSTP);
    sigprocmask(SIG_BLOCK, &one, NULL);
    sigaction(SIGTSTP, &mine, NULL);
}

static void handle_flags(void)
{
    if (got_fatal)
        die_of(got_fatal);
    if (got_tstp) {
        got_tstp = 0;
        leave_screen();
        stop_with_tstp();
        /* Continued: the pending SIGCONT brings us back in below. */
    }
    if (got_cont) {
        got_cont = got_winch = 0;
        enter_screen();
        draw();
    }
    if (got_winch) {
        got_winch = 0;
        draw();
    }
}

/* Returns 0 to keep going, or 1 when 'q' was pressed. */
static int handle_input(void)
{
    unsigned char buf[64];
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
        return 0;
    if (n <= 0) {
        leave_screen();
        exit(1);
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] == 'q')
            return 1;
        keys++;
        last_key = buf[i];
    }
    draw();
    return 0;
}

int main(void)
{
    if (tcgetattr(STDIN_FILENO, &cooked) < 0) {
        perror(PROG_NAME ": stdin is not a terminal");
        return 2;
    }
    sigset_t blocked, during_wait;
    catch_signals(&blocked);
    sigprocmask(SIG_SETMASK, NULL, &during_wait);
    for (int sig = 1; sig < NSIG; sig++)
        if (sigismember(&blocked, sig) == 1)
            sigdelset(&during_wait, sig);

    enter_screen();
    draw();
    for (;;) {
        struct pollfd in = { STDIN_FILENO, POLLIN, 0 };
        int ready = ppoll(&in, 1, NULL, &during_wait);
        handle_flags();
        if (ready > 0 && handle_input())
            break;
    }
    leave_screen();
    return 0;
}
