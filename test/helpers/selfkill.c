/*
 * selfkill SIG: send SIG (a name such as INT or SIGINT, or a number) to our own
 * pid; if we survive it, sleep 20 s and abort (fish sigint_self/sigkill_self).
 */
#include "common.h"
#include <ctype.h>
#include <signal.h>
#include <strings.h>
#include <unistd.h>

static const struct { const char *name; int sig; } names[] = {
    { "HUP", SIGHUP },   { "INT", SIGINT },   { "QUIT", SIGQUIT }, { "ILL", SIGILL },
    { "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS },   { "FPE", SIGFPE },
    { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
    { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
    { "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
    { "TTOU", SIGTTOU }, { "URG", SIGURG },   { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
    { "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH }, { "SYS", SIGSYS },
};

static int parse_signal(const char *text)
{
    if (isdigit((unsigned char)text[0])) {
        char *end = NULL;
        long n = strtol(text, &end, 10);
        return (*end == '\0' && n > 0 && n < NSIG) ? (int)n : -1;
    }
    if (strncasecmp(text, "SIG", 3) == 0)
        text += 3;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(text, names[i].name) == 0)
            return names[i].sig;
    return -1;
}

int main(int argc, char **argv)
{
    need_args(argc, 1, 1, "selfkill SIGNAL");
    int sig = parse_signal(argv[1]);
    if (sig < 0) {
        fprintf(stderr, "selfkill: unknown signal: %s\n", argv[1]);
        return 2;
    }
    if (kill(getpid(), sig) < 0) {
        perror("selfkill: kill");
        return 1;
    }
    sleep_steps(20);
    abort();
}
