// The help text: commands, options, and the scenario script language.

export const USAGE = `Usage:
  jcsh-pty run SCRIPT [options]            run a scenario script, report each step
  jcsh-pty trace TRACE [options]           play a CMU shell-lab trace, print the transcript
  jcsh-pty suspend-check [options] -- PROGRAM [ARG...]
                                           check that ^Z and fg suspend and resume PROGRAM cleanly
  jcsh-pty --help

Options:
  --shell CMD       the shell to test (default: this package's jcsh --plain --norc;
                    a first word "jcsh" means this package's jcsh, e.g. --shell 'jcsh --compat=tsh')
  --compare CMD2    (run, trace) run again against CMD2 and diff the normalized transcripts
  --timeout MS      limit of every wait (default 5000; trace: 10000)
  --cols N, --rows N  terminal size (default 80x24)
  --prompt P        the prompt to wait for: text or /regex/ (default /pty\\$ |tsh> /)
  --env NAME=VALUE  add to the shell's environment (repeatable)
  --cwd DIR         the shell's working directory (default: the current one)
  --transcript      (run) also print what the terminal showed
  --signal-shell    (trace) INT/TSTP/QUIT send the signal to the shell's pid, as the lab's
                    sdriver does, instead of typing ^C ^Z ^\\ on the terminal
  --type-ahead      (trace) type each line as soon as the terminal is in a line editor's
                    (non-canonical) mode, without waiting for the prompt: lines typed ahead
                    must not be lost
  --quit KEYS       (suspend-check) what quits PROGRAM (default q; escapes \\r \\e \\xNN work)

The shell runs in a new pty with PS1='pty$ ', HISTFILE=/dev/null and a private HOME.

Scenario scripts: one directive per line; # starts a comment line. TEXT is the rest of the
line, or "…" with escapes \\n \\r \\t \\e \\xNN \\\\ \\". PATTERN is TEXT or /REGEX/flags.
Waiting directives fail after the timeout; none waits a fixed time except sleep.
  send TEXT            type TEXT and Enter
  type TEXT            type TEXT without Enter
  paste TEXT           paste (bracketed if the program asked for it)
  press KEY [xN]       a key, N times: ^C ^Z ^\\ ^D Enter Tab Escape Up Down Ctrl+R Alt+b ...
  prompt               wait for the next prompt on the output, and the shell idle reading input
  expect PATTERN       wait for PATTERN in the output after the previous match (like pexpect)
  expect-screen PATTERN  wait until the screen shows PATTERN
  not PATTERN          PATTERN is absent from the output consumed by the last expect/prompt
                       and after it (checked at once)
  not-screen PATTERN   wait until the screen no longer shows PATTERN
  idle                 wait until the terminal's foreground group sleeps reading input
  fg shell             wait until the shell owns the terminal
  fg job [NAME]        wait until a job (that has exec'd; named NAME) owns the terminal
  state NAME STATE     wait until every process NAME of the session is in STATE:
                       R S D T Z running stopped gone
  no-zombies           wait until the shell has no zombie children
  modes FLAG...        wait until the terminal's modes match, e.g. modes icanon echo -tostop
  signal SIG shell|fg  send SIG (INT, SIGTSTP, 15) to the shell's pid or the foreground group
  resize COLS ROWS     change the terminal size
  sleep SECONDS        pause (fractions allowed)
  timeout MS           the limit for the following waits
  wait-exit [STATUS]   wait for the shell to exit; STATUS is a number or a signal name
  show                 put the screen into the report

Traces (CMU shell lab format): # comment lines (printed first), blank lines, directives
INT TSTP QUIT (keys ^C ^Z ^\\, or signals with --signal-shell), KILL (SIGKILL to the
shell), SLEEP n, CLOSE (^D: end of file), WAIT (wait for the shell to exit); every other
line is a command, typed once the shell is back at its prompt.

Exit status: 0 all passed (and transcripts equal), 1 a step or check failed (or the
transcripts differ), 2 bad input (message: jcsh-pty: FILE:LINE: what is wrong).
`;
