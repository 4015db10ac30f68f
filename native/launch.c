/* jcsh-launch: starts jcsh's terminal UI and the shell it shows (the engine) at the same time.
 *
 * usage: jcsh-launch NODE SCRIPT [ARG...]
 *   NODE is a path (with a slash); bin/jcsh.js runs this only when stdin and stdout are terminals
 *   and the arguments ask for nothing but the UI on the real kernel.
 *
 * Why: the UI and the engine are two Node processes, the engine in a pty the UI owns. Started
 * one after the other, the user waits for two Node start-ups in a row; here the pty and the
 * engine come first, then this process becomes the UI (execve: same pid, so the engine is its
 * child), and both start-ups overlap. What is done here is what the UI does with node-pty:
 *  - a pty pair with node-pty's modes (IUTF8 included) at the pane's size; the size follows
 *    the layout's rule (src/ui/layout.ts, repeated in pane_size below), and the UI sets the
 *    size it computes anyway (the kernel sends no SIGWINCH when nothing changes);
 *  - the channel's listening socket in a fresh 0700 directory, as ChannelServer makes it, so
 *    the engine can connect before the UI listens: the kernel queues the connection;
 *  - the engine, `NODE SCRIPT --plain [ARG...]`, in a session of its own with the pty as its
 *    controlling terminal, fds 0-2 on the pty and no other, every signal at its default and
 *    none blocked (child.c: jcsh_spawn with JCSH_GROUP_SESSION), its environment ours with
 *    TERM=xterm-256color, PWD, JCSH_UI_CHANNEL, and without COLUMNS, LINES and JCSH_SIGIGN
 *    (a new terminal's shell inherits no ignored signal; node-pty resets them too);
 *  - the UI: `NODE SCRIPT [ARG...]` with JCSH_UI_ENGINE=pid,master,listen,cols,rows,path
 *    (src/host/tui/launched.ts takes it over and out of the environment).
 * If anything fails before the engine runs, what was made is undone and the UI starts alone,
 * as without this program: it then starts the engine itself. */
#define _GNU_SOURCE
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

struct launch {
  int master, slave, listener;
  char dir[PATH_MAX], path[PATH_MAX];
  struct winsize size;
};

/* The pane's size on a terminal of this size, with the panels shown (src/ui/layout.ts). */
static void pane_size(const struct winsize *term, struct winsize *pane) {
  int cols = term->ws_col > 0 ? term->ws_col : 80;
  int rows = term->ws_row > 0 ? term->ws_row : 24;
  int frame = rows - 1 > 2 ? rows - 1 : 2;
  int body = frame - 1;
  int width = cols, height = body > 1 ? body : 1;
  if (cols >= 100) {
    int side = (cols * 36 + 50) / 100; /* Math.round(cols * 0.36): never a tie */
    side = side < 38 ? 38 : side > 64 ? 64 : side;
    width = cols - side;
  } else {
    int band = body * 45 / 100 < 14 ? body * 45 / 100 : 14;
    if (!(body - band < 5 || cols < 20 || band < 6)) height = body - band;
  }
  memset(pane, 0, sizeof *pane);
  pane->ws_col = (unsigned short)width;
  pane->ws_row = (unsigned short)height;
}

/* node-pty's modes for a new terminal (its pty.cc), IUTF8 as with encoding 'utf8'. */
static void default_modes(struct termios *t) {
  memset(t, 0, sizeof *t);
  t->c_iflag = ICRNL | IXON | IXANY | IMAXBEL | BRKINT | IUTF8;
  t->c_oflag = OPOST | ONLCR;
  t->c_cflag = CREAD | CS8 | HUPCL;
  t->c_lflag = ICANON | ISIG | IEXTEN | ECHO | ECHOE | ECHOK | ECHOKE | ECHOCTL;
  t->c_cc[VEOF] = 4;
  t->c_cc[VEOL] = 0xff;
  t->c_cc[VEOL2] = 0xff;
  t->c_cc[VERASE] = 0x7f;
  t->c_cc[VWERASE] = 23;
  t->c_cc[VKILL] = 21;
  t->c_cc[VREPRINT] = 18;
  t->c_cc[VINTR] = 3;
  t->c_cc[VQUIT] = 0x1c;
  t->c_cc[VSUSP] = 26;
  t->c_cc[VSTART] = 17;
  t->c_cc[VSTOP] = 19;
  t->c_cc[VLNEXT] = 22;
  t->c_cc[VDISCARD] = 15;
  t->c_cc[VMIN] = 1;
  t->c_cc[VTIME] = 0;
  cfsetispeed(t, B38400);
  cfsetospeed(t, B38400);
}

static int open_pty(struct launch *l) {
  struct winsize term = {0};
  struct termios modes;
  l->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (l->master < 0 || grantpt(l->master) != 0 || unlockpt(l->master) != 0) return -1;
  const char *name = ptsname(l->master);
  if (!name) return -1;
  l->slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (l->slave < 0) return -1;
  default_modes(&modes);
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &term) != 0) ioctl(STDIN_FILENO, TIOCGWINSZ, &term);
  pane_size(&term, &l->size);
  return tcsetattr(l->slave, TCSANOW, &modes) == 0 && ioctl(l->master, TIOCSWINSZ, &l->size) == 0 ? 0 : -1;
}

/* os.tmpdir()'s choice: TMPDIR, TMP, TEMP, else /tmp, without a trailing slash. */
static const char *tmpdir(void) {
  const char *names[] = {"TMPDIR", "TMP", "TEMP"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *v = getenv(names[i]);
    if (v && *v) return v;
  }
  return "/tmp";
}

static int open_channel(struct launch *l) {
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  const char *base = tmpdir();
  size_t len = strlen(base);
  while (len > 1 && base[len - 1] == '/') len--;
  if (snprintf(l->dir, sizeof l->dir, "%.*s/jcsh-ui-XXXXXX", (int)len, base) >= (int)sizeof l->dir) return -1;
  if (!mkdtemp(l->dir)) {
    l->dir[0] = '\0';
    return -1;
  }
  int n = snprintf(l->path, sizeof l->path, "%s/channel", l->dir);
  if (n < 0 || (size_t)n >= sizeof addr.sun_path) return -1;
  memcpy(addr.sun_path, l->path, (size_t)n + 1);
  l->listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (l->listener < 0) return -1;
  return bind(l->listener, (struct sockaddr *)&addr, sizeof addr) == 0 && listen(l->listener, 8) == 0 ? 0 : -1;
}

static int dropped(const char *entry) {
  static const char *const names[] = {"JCSH_SIGIGN=", "JCSH_UI_ENGINE=", "JCSH_UI_CHANNEL=", "COLUMNS=", "LINES=", "TERM=", "PWD="};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strncmp(entry, names[i], strlen(names[i])) == 0) return 1;
  return 0;
}

/* The engine's environment: ours, less what a new terminal's shell must not inherit. */
static char **engine_env(const struct launch *l, const char *cwd) {
  size_t n = 0;
  while (environ[n]) n++;
  char **env = calloc(n + 4, sizeof *env);
  if (!env) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!dropped(environ[i])) env[k++] = environ[i];
  if (asprintf(&env[k++], "TERM=xterm-256color") < 0 || asprintf(&env[k++], "PWD=%s", cwd) < 0 ||
      asprintf(&env[k++], "JCSH_UI_CHANNEL=%s", l->path) < 0)
    return NULL;
  return env;
}

static int start_engine(const struct launch *l, int argc, char **argv, pid_t *pid) {
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return -1;
  char **env = engine_env(l, cwd);
  char **args = calloc((size_t)argc + 2, sizeof *args);
  if (!env || !args) return -1;
  args[0] = argv[1];
  args[1] = argv[2];
  args[2] = "--plain";
  for (int i = 3; i < argc; i++) args[i] = argv[i];
  int fds[3] = {l->slave, l->slave, l->slave}, temps[3];
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  struct jcsh_spawn_req req = {
    .path = argv[1], .argv = args, .envp = env, .fds = fds, .nfds = 3, .temps = temps,
    .cwd = cwd, .group = JCSH_GROUP_SESSION, .pgid = 0, .ttyfd = l->slave,
    .sigignore = &none, .sigdefault = &all, .use_fork = 0,
  };
  int err = jcsh_spawn(&req, pid);
  errno = err;
  return err ? -1 : 0;
}

static void undo(struct launch *l) {
  if (l->listener >= 0) close(l->listener);
  if (l->path[0]) unlink(l->path);
  if (l->dir[0]) rmdir(l->dir);
  if (l->slave >= 0) close(l->slave);
  if (l->master >= 0) close(l->master);
}

static int keep_open(int fd) {
  return fcntl(fd, F_SETFD, 0);
}

int main(int argc, char **argv) {
  if (argc < 3 || !strchr(argv[1], '/')) {
    fputs("usage: jcsh-launch NODE SCRIPT [ARG...]   (NODE a path with a slash)\n", stderr);
    return 2;
  }
  struct launch l = {.master = -1, .slave = -1, .listener = -1};
  pid_t engine;
  char handover[PATH_MAX + 96];
  if (open_pty(&l) == 0 && open_channel(&l) == 0 && start_engine(&l, argc, argv, &engine) == 0) {
    close(l.slave);
    snprintf(handover, sizeof handover, "%d,%d,%d,%u,%u,%s", (int)engine, l.master, l.listener,
             l.size.ws_col, l.size.ws_row, l.path);
    if (keep_open(l.master) == 0 && keep_open(l.listener) == 0 && setenv("JCSH_UI_ENGINE", handover, 1) == 0) {
      execv(argv[1], argv + 1);
    }
    /* The UI cannot run: its engine must not stay behind on a terminal nobody reads. */
    kill(engine, SIGHUP);
    l.slave = -1;
  }
  undo(&l);
  unsetenv("JCSH_UI_ENGINE");
  execv(argv[1], argv + 1);
  fprintf(stderr, "jcsh: %s: %s\n", argv[1], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
