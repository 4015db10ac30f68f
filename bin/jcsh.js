#!/bin/sh
':' //; while read -r k v; do [ "$k" = SigIgn: ] && export JCSH_SIGIGN="$v" && break; done 2>/dev/null </proc/$$/status; exec node "$0" "$@"
// The line above is sh, and a string plus a comment to JavaScript. Node resets every signal
// its parent left ignored (nohup's SIGHUP, SIGINT for `cmd &` in a script) before any of our
// code runs, yet a shell must keep them ignored for its children (POSIX, bash). So jcsh
// starts as sh, which still has them, reads the mask from /proc and hands it over in
// JCSH_SIGIGN (src/os/linux/port.ts takes it out of the environment again).
//
// Then it runs the bundled shell (one file to load: start-up time matters for scripts), and a
// failure that escapes it is one line, not a stack trace.
import { main } from '../dist/bundle/cli.js';

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`jcsh: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
