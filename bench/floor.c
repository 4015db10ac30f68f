/* floor: the cost of starting /bin/true and waiting for it from a small, single-threaded C
 * process, N times, with glibc's posix_spawn or with vfork+execve (what dash does). Prints the
 * 10th and 50th percentile of the time spent in the spawn call (the parent resumes once the
 * child has exec'd) and in the wait. Built and run by bench/spawn-breakdown.mjs.
 * With "getppid" it prints instead what one plain system call costs here, in ns.
 *   floor N posix_spawn|vfork|getppid */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  int n = atoi(argv[1]);
  int use_vfork = strcmp(argv[2], "vfork") == 0;
  if (strcmp(argv[2], "getppid") == 0) {
    double a = now_us();
    for (int i = 0; i < n; i++) getppid();
    printf("{\"syscallNs\":%.0f}\n", (now_us() - a) * 1000 / n);
    return 0;
  }
  double *spawn = malloc(n * sizeof *spawn), *wait = malloc(n * sizeof *wait);
  char *args[] = {"/bin/true", NULL};
  for (int i = 0; i < n; i++) {
    double a = now_us();
    pid_t pid;
    if (use_vfork) {
      pid = vfork();
      if (pid == 0) {
        execve(args[0], args, environ);
        _exit(127);
      }
    } else if (posix_spawn(&pid, args[0], NULL, NULL, args, environ) != 0) {
      return 1;
    }
    double b = now_us();
    int status;
    waitpid(pid, &status, 0);
    spawn[i] = b - a;
    wait[i] = now_us() - b;
  }
  qsort(spawn, n, sizeof *spawn, by_value);
  qsort(wait, n, sizeof *wait, by_value);
  printf("{\"spawnP10\":%.1f,\"spawnP50\":%.1f,\"waitP10\":%.1f,\"waitP50\":%.1f}\n",
         spawn[n / 10], spawn[n / 2], wait[n / 10], wait[n / 2]);
  return 0;
}
