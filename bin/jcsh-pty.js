#!/usr/bin/env node
// jcsh-pty launcher: runs the compiled CLI of the pty toolkit; its status is the exit status.
import { runCli } from '../dist/ptytest/cli/main.js';

runCli(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (e) => {
    process.stderr.write(`jcsh-pty: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  },
);
