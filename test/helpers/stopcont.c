/*
 * stopcont: report job-control signals as they arrive (fish print_stop_cont).
 * On SIGTSTP print "SIGTSTP" and stop with SIGSTOP; on SIGCONT print "SIGCONT".
 * The main loop blocks reading stdin and exits 0 on any input (or EOF).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void say(const char *text)
{
    /* write(2) because this runs inside signal handlers. */
    ssize_t ignored = write(STDOUT_FILENO, text, strlen(text));
    (void)ignored;
}

static void on_tstp(int sig)
{
    (void)sig;
    say("SIGTSTP\n");
    raise(SIGSTOP);
}

static void on_cont(int sig)
{
    (void)sig;
    say("SIGCONT\n");
}

static void handle(int sig, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    handle(SIGTSTP, on_tstp);
    handle(SIGCONT, on_cont);
    char buf[256];
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n >= 0)
            return 0;
        if (errno != EINTR)
            return 1;
    }
}
