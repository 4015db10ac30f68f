/*
 * execdemo: what survives execve; twin of src/os/sim/programs/execdemo.ts. The child sets
 * things up (SIGINT ignored, SIGTERM caught, SIGUSR2 blocked, fd 3 a copy of stdout) and execs
 * execdemo's second stage, which reports them: same pid and process group, fd 3 still open,
 * SIGINT still ignored, SIGUSR2 still blocked, but SIGTERM back to its default action (a
 * handler cannot survive: its code is gone with the old program image).
 */
#include "lab.h"

#include <signal.h>
#include <sys/wait.h>

/* sigabbrev_np would do, but only from glibc 2.32: the standard signals by number. */
static const char *const NAMES[32] = {
    "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
    "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
};

struct dispositions {
    char ignored[256], caught[256], blocked[256];
};

static void add_name(char *list, int sig)
{
    size_t used = strlen(list);
    snprintf(list + used, 256 - used, "%sSIG%s", used > 0 ? " " : "", NAMES[sig]);
}

static void none_if_empty(char *list)
{
    if (list[0] == '\0')
        strcpy(list, "none");
}

/* What sigaction and sigprocmask say about the standard signals, as three lists of names. */
static void dispositions(struct dispositions *d)
{
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    d->ignored[0] = d->caught[0] = d->blocked[0] = '\0';
    for (int sig = 1; sig < 32; sig++) {
        struct sigaction sa;
        if (sigaction(sig, NULL, &sa) == 0) {
            if (sa.sa_handler == SIG_IGN)
                add_name(d->ignored, sig);
            else if (sa.sa_handler != SIG_DFL)
                add_name(d->caught, sig);
        }
        if (sigismember(&mask, sig) == 1)
            add_name(d->blocked, sig);
    }
    none_if_empty(d->ignored);
    none_if_empty(d->caught);
    none_if_empty(d->blocked);
}

static void on_sigterm(int sig)
{
    (void)sig;
}

static int stage2(char **argv)
{
    int pid = (int)getpid(), pgid = (int)getpgrp();
    char pid_text[24], pgid_text[24];
    snprintf(pid_text, sizeof pid_text, "%d", pid);
    snprintf(pgid_text, sizeof pgid_text, "%d", pgid);
    say("after exec: pid %d (%s), process group %d (%s)", pid,
        argv[2] != NULL && strcmp(argv[2], pid_text) == 0 ? "the same" : "changed", pgid,
        argv[2] != NULL && argv[3] != NULL && strcmp(argv[3], pgid_text) == 0 ? "the same" : "changed");
    const char *through = "after exec: fd 3 is still open: this line went through it\n";
    if (write_all(3, through, strlen(through)) < 0)
        say("after exec: fd 3 is closed (%s)", strerror(errno));
    struct dispositions d;
    dispositions(&d);
    say("after exec: ignored: %s", d.ignored);
    say("after exec: caught: %s (SIGTERM's handler is gone: back to default)", d.caught);
    say("after exec: blocked: %s", d.blocked);
    return 0;
}

/*
 * The program to exec: argv[0] when it is absolute, else this very program. (The simulated one
 * falls back to /usr/bin/execdemo, where the simulator installs it; on Linux /proc/self/exe is
 * the file this process runs, wherever it lies.)
 */
static const char *self_path(const char *argv0, char *buf, size_t size)
{
    if (argv0 != NULL && argv0[0] == '/')
        return argv0;
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n < 0)
        return "/usr/bin/execdemo";
    buf[n] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--stage2") == 0)
        return stage2(argv);
    char buf[4096];
    const char *self = self_path(argv[0], buf, sizeof buf);
    pid_t me = getpid();
    pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0) {
        int pid = (int)getpid(), pgid = (int)getpgrp();
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, on_sigterm);
        sigset_t usr2;
        sigemptyset(&usr2);
        sigaddset(&usr2, SIGUSR2);
        sigprocmask(SIG_BLOCK, &usr2, NULL);
        dup2(1, 3);
        struct dispositions d;
        dispositions(&d);
        say("before exec: pid %d, process group %d, fd 3 open", pid, pgid);
        say("before exec: ignored: %s; caught: %s; blocked: %s", d.ignored, d.caught, d.blocked);
        char pid_arg[24], pgid_arg[24];
        snprintf(pid_arg, sizeof pid_arg, "%d", pid);
        snprintf(pgid_arg, sizeof pgid_arg, "%d", pgid);
        char *args[] = { (char *)self, "--stage2", pid_arg, pgid_arg, NULL };
        execv(self, args);
        say("execve %s failed: %s", self, strerror(errno));
        _exit(127);
    }
    say("parent %d: forked child %d", (int)me, (int)child);
    int status;
    waitpid(child, &status, 0);
    return 0;
}
