#!/bin/sh
':' //; while read -r k v; do [ "$k" = SigIgn: ] && export JCSH_SIGIGN="$v" && break; done 2>/dev/null </proc/$$/status; [ -n "$UV_THREADPOOL_SIZE" ] || export UV_THREADPOOL_SIZE=64 JCSH_POOL=64; n=; { read -r n <"${0%/*}/../build/Release/node-path"; } 2>/dev/null; [ -x "$n" ] || n=node; command -v "$n" >/dev/null || n="${0%/*}/node"; [ -x "$n" ] || [ "$n" = node ] || { echo "jcsh: cannot find node: not on PATH, and not where the build recorded it" >&2; exit 127; }; case $#$1 in 0|1--norc) l="${0%/*}/../build/Release/jcsh-launch"; [ -t 0 ] && [ -t 1 ] && [ -x "$l" ] && case $n in */*) exec "$l" "$n" "$0" "$@";; *) p=$(command -v "$n") && exec "$l" "$p" "$0" "$@";; esac;; esac; exec "$n" "$0" "$@"
// The line above is sh, and a string plus a comment to JavaScript. Node resets every signal
// its parent left ignored (nohup's SIGHUP, SIGINT for `cmd &` in a script) before any of our
// code runs, yet a shell must keep them ignored for its children (POSIX, bash). So jcsh
// starts as sh, which still has them, reads the mask from /proc and hands it over in
// JCSH_SIGIGN (src/os/linux/port.ts takes it out of the environment again). It runs the
// node that built jcsh (build/Release/node-path, written by native/node-path.sh), else the
// one on PATH, else one beside the link it was started through: a login shell may start with
// a PATH where there is no node at all. On a terminal, with no argument but --norc, it runs
// jcsh-launch instead (native/launch.c): the UI's engine starts in its pty at the same time
// as the UI, rather than after the UI's own start-up.
//
// It also widens libuv's thread pool (UV_THREADPOOL_SIZE, read before any of our code runs):
// pipes are read and written on the event loop, but a read or a write of a terminal still
// holds a thread of it while it lasts; JCSH_POOL says the size is ours, and the port takes
// both out.
//
// Then it runs the bundled shell (one file to load: start-up time matters for scripts), and a
// failure that escapes it is one line, not a stack trace.
// The error goes out with a plain write(2): process.stderr would make a shared pipe
// non-blocking for every other process that writes to it.
import { writeSync } from 'node:fs';
import { main } from '../dist/bundle/cli.js';

main(process.argv.slice(2)).catch((e) => {
  // Too few fds to load the rest of jcsh (a very low `ulimit -n`) is the user's limit, not a bug.
  const message = e?.code === 'EMFILE'
    ? 'too many open files to start (ulimit -n is too low)'
    : `${e instanceof Error ? e.message.split('\n')[0] : String(e)} (a bug in jcsh: please report it)`;
  writeSync(2, `jcsh: ${message}\n`);
  process.exit(1);
});
