#!/usr/bin/env node
// jcsh launcher: runs the compiled shell; a failure that escapes it is one line, not a trace.
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`jcsh: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
