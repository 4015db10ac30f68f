#!/usr/bin/env node
// jcsh-pty launcher: runs the compiled CLI of the pty toolkit; its status is the exit status.
import { runCli } from '../dist/ptytest/cli/main.js';

runCli(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (e) => {
    // one line, never a stack trace: anything that gets here is a bug of the toolkit
    process.stderr.write(`jcsh-pty: ${e instanceof Error ? e.message.split('\n')[0] : String(e)} (a bug in jcsh-pty: please report it)\n`);
    process.exit(1);
  },
);
