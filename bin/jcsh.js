#!/usr/bin/env node
// jcsh launcher. It runs the bundled shell (one file to load: start-up time matters for
// scripts), and a failure that escapes it is one line, not a stack trace.
import { main } from '../dist/bundle/cli.js';

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`jcsh: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
