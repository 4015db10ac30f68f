/*
 * waitstatus: what wait reports, decoded with the <sys/wait.h> macros from the raw 16-bit
 * status; twin of src/os/sim/programs/waitstatus.ts. Four children: one exits 3, one is killed
 * by SIGTERM, one dies of SIGQUIT (whose default action dumps core where core dumps are
 * allowed: WCOREDUMP, which needs RLIMIT_CORE above 0 or a piped core_pattern), one is
 * stopped by SIGSTOP and continued (seen with WUNTRACED and WCONTINUED) before it exits 0.
 */
#include "lab.h"

#include <signal.h>
#include <sys/wait.h>

/* The macros themselves, not their definitions: this is what a C program can see. */
static void describe(int raw)
{
    char line[256];
    int at = snprintf(line, sizeof line, "    WIFEXITED=%d", WIFEXITED(raw) ? 1 : 0);
    if (WIFEXITED(raw))
        at += snprintf(line + at, sizeof line - (size_t)at, " WEXITSTATUS=%d", WEXITSTATUS(raw));
    at += snprintf(line + at, sizeof line - (size_t)at, " WIFSIGNALED=%d", WIFSIGNALED(raw) ? 1 : 0);
    if (WIFSIGNALED(raw))
        at += snprintf(line + at, sizeof line - (size_t)at, " WTERMSIG=%d WCOREDUMP=%d", WTERMSIG(raw),
                       WCOREDUMP(raw) ? 1 : 0);
    at += snprintf(line + at, sizeof line - (size_t)at, " WIFSTOPPED=%d", WIFSTOPPED(raw) ? 1 : 0);
    if (WIFSTOPPED(raw))
        at += snprintf(line + at, sizeof line - (size_t)at, " WSTOPSIG=%d", WSTOPSIG(raw));
    snprintf(line + at, sizeof line - (size_t)at, " WIFCONTINUED=%d", WIFCONTINUED(raw) ? 1 : 0);
    say("%s", line);
}

static void report(pid_t me, const char *what, pid_t pid, int flags)
{
    int raw;
    pid_t r = waitpid(pid, &raw, flags);
    if (r <= 0) {
        say("parent %d: waitpid(%d) failed: %s", (int)me, (int)pid, r == 0 ? "nothing to report" : strerror(errno));
        return;
    }
    say("child %d %s: status 0x%04x", (int)pid, what, (unsigned)raw);
    describe(raw);
}

int main(void)
{
    pid_t me = getpid();
    pid_t exits = fork();
    if (exits < 0)
        return 1;
    if (exits == 0)
        _exit(3);
    report(me, "called exit(3)", exits, 0);

    pid_t killed = fork();
    if (killed < 0)
        return 1;
    if (killed == 0) {
        sleep_for(60);
        _exit(0);
    }
    kill(killed, SIGTERM);
    report(me, "was killed by SIGTERM", killed, 0);

    pid_t quits = fork();
    if (quits < 0)
        return 1;
    if (quits == 0) {
        kill(getpid(), SIGQUIT);
        _exit(0);
    }
    report(me, "died of SIGQUIT (core dumped if core dumps are allowed)", quits, 0);

    pid_t stops = fork();
    if (stops < 0)
        return 1;
    if (stops == 0) {
        sleep_for(1);
        _exit(0);
    }
    wait_for_state(stops, 'S');
    kill(stops, SIGSTOP);
    report(me, "was stopped by SIGSTOP (WUNTRACED)", stops, WUNTRACED);
    kill(stops, SIGCONT);
    report(me, "was continued by SIGCONT (WCONTINUED)", stops, WCONTINUED);
    report(me, "then exited 0", stops, 0);
    return 0;
}
